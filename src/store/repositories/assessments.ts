import { checkAssessment } from '../../core/assessment/evaluate.js';
import { checkSchema, didYouMean, type SourceDocument } from '../../core/input/document.js';
import type { Path, Problem } from '../../core/problems.js';
import { assessmentInputSchema, type AssessmentInput, type StoredAssessment } from '../entities.js';
import { plainSource, refuse } from '../../core/input/value.js';
import {
  afterDated,
  inTransaction,
  notFound,
  now,
  PERSONAL_OWNER,
  pageOf,
  type DatedKey,
  type Db,
  type Page,
  type PageRequest,
} from './common.js';
import type { FrameworkInUse } from './frameworks.js';

/**
 * One owner's dated ratings per competency, each rating optionally backed by that owner's evidence
 * entries: every query is the owner's alone.
 */
export class AssessmentRepository {
  constructor(
    private readonly db: Db,
    private readonly owner: number = PERSONAL_OWNER,
  ) {}

  private select() {
    return this.db
      .selectFrom('assessments')
      .where('assessments.owner', '=', this.owner)
      .innerJoin('frameworks', 'frameworks.id', 'assessments.framework')
      .selectAll('assessments')
      .select(['frameworks.framework_id', 'frameworks.version']);
  }

  private async withLinks(rows: Awaited<ReturnType<ReturnType<AssessmentRepository['select']>['execute']>>) {
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('assessment_evidence')
      .selectAll()
      .where(
        'assessment_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('assessment_id')
      .orderBy('competency')
      .orderBy('evidence_id')
      .execute();
    const byAssessment = new Map<number, Record<string, number[]>>();
    for (const link of links) {
      const map = byAssessment.get(link.assessment_id) ?? {};
      (map[link.competency] ??= []).push(link.evidence_id);
      byAssessment.set(link.assessment_id, map);
    }
    return rows.map((row): StoredAssessment => ({
      id: row.id,
      date: row.date,
      assessor: row.assessor,
      current: row.current_level,
      ratings: JSON.parse(row.ratings) as Record<string, number>,
      evidence: byAssessment.get(row.id) ?? {},
      framework: { id: row.framework_id, version: row.version },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  async list(): Promise<StoredAssessment[]> {
    // One query for the links of every assessment, not one per assessment.
    const rows = await this.select().orderBy('assessments.date').orderBy('assessments.id').execute();
    const out: StoredAssessment[] = [];
    for (let i = 0; i < rows.length; i += 500) out.push(...(await this.withLinks(rows.slice(i, i + 500))));
    return out;
  }

  /** A page of the assessments `list` gives, in the same order (date, then id). */
  async page({ after, limit }: PageRequest<DatedKey>): Promise<Page<StoredAssessment, DatedKey>> {
    let select = this.select();
    if (after !== undefined) select = select.where(afterDated('assessments.date', 'assessments.id', after));
    const rows = await select
      .orderBy('assessments.date')
      .orderBy('assessments.id')
      .limit(limit + 1)
      .execute();
    return pageOf(await this.withLinks(rows), limit, (assessment) => [assessment.date, assessment.id]);
  }

  /** The ids stored, in ascending order. */
  async ids(): Promise<number[]> {
    const rows = await this.db
      .selectFrom('assessments')
      .select('id')
      .where('owner', '=', this.owner)
      .orderBy('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /** The most recent assessment: the latest date, and of one date the last stored; none when empty. */
  async latest(): Promise<StoredAssessment | undefined> {
    const row = await this.select()
      .orderBy('assessments.date', 'desc')
      .orderBy('assessments.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && (await this.withLinks([row]))[0];
  }

  async get(id: number): Promise<StoredAssessment> {
    const row = await this.select().where('assessments.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('assessment', id);
    return (await this.withLinks([row]))[0]!;
  }

  /**
   * What an assessment refers to, judged on the assessment as given (well formed or not): its level
   * and ratings against the framework, its evidence links against the framework's competencies and
   * the stored entries. Never throws for a malformed value; its well-formed parts are judged.
   */
  async referenceProblems(
    input: unknown,
    { framework }: FrameworkInUse,
    db: Db = this.db,
    source: SourceDocument = plainSource(input, 'assessment'),
  ): Promise<Problem[]> {
    const problem = (path: Path, message: string, code: string) => source.problem(path, message, code);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
    const raw = input as { current?: unknown; ratings?: unknown; evidence?: unknown };
    // An empty level is the schema's problem alone ("must not be empty"), not also an unknown level.
    const current = raw.current === '' ? undefined : raw.current;
    const problems: Problem[] = checkAssessment(framework, { ...raw, current }, (path, message, code) =>
      problem(path, message, code),
    );
    const evidence = raw.evidence;
    if (typeof evidence !== 'object' || evidence === null || Array.isArray(evidence)) return problems;
    const links = Object.entries(evidence as Record<string, unknown>);
    const known = framework.competencies.map((c) => c.id);
    const isId = (id: unknown): id is number => Number.isSafeInteger(id) && (id as number) > 0;
    const wanted = [...new Set(links.flatMap(([, ids]) => (Array.isArray(ids) ? ids.filter(isId) : [])))];
    const found = new Set<number>();
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = await db
        .selectFrom('evidence')
        .select('id')
        .where('owner', '=', this.owner)
        .where('id', 'in', wanted.slice(i, i + 500))
        .execute();
      for (const row of rows) found.add(row.id);
    }
    for (const [competency, ids] of links) {
      if (!known.includes(competency))
        problems.push(
          problem(
            ['evidence', competency],
            `unknown competency "${competency}"${didYouMean(competency, known)}`,
            'unknown-reference',
          ),
        );
      if (Array.isArray(ids))
        ids.forEach((id: unknown, index) => {
          if (isId(id) && !found.has(id))
            problems.push(
              problem(
                ['evidence', competency, index],
                `no evidence entry with id ${id}`,
                'unknown-reference',
              ),
            );
        });
    }
    return problems;
  }

  /**
   * Validates an assessment against the framework in use, its schema and its references together,
   * so that every problem comes in one error; the stored assessment remembers that framework.
   */
  private async check(
    input: unknown,
    active: FrameworkInUse,
    db: Db,
    source: SourceDocument,
  ): Promise<AssessmentInput> {
    const checked = checkSchema(source, assessmentInputSchema);
    const problems = [...checked.problems, ...(await this.referenceProblems(input, active, db, source))];
    if (problems.length > 0 || checked.value === undefined) refuse('assessment is not valid', problems);
    return checked.value;
  }

  private columns(value: AssessmentInput, active: FrameworkInUse) {
    return {
      date: value.date ?? new Date().toISOString().slice(0, 10),
      assessor: value.assessor ?? 'self',
      current_level: value.current ?? null,
      ratings: JSON.stringify(value.ratings),
      framework: active.row.id,
    };
  }

  private async link(db: Db, id: number, value: AssessmentInput): Promise<void> {
    const links = Object.entries(value.evidence ?? {}).flatMap(([competency, ids]) =>
      [...new Set(ids)].map((evidence_id) => ({ assessment_id: id, competency, evidence_id })),
    );
    if (links.length > 0) await db.insertInto('assessment_evidence').values(links).execute();
  }

  /**
   * Checks and stores an assessment; `source`, when it came from a file, places each problem in that
   * file (its line and column), as the file's own checks do.
   */
  async create(
    input: unknown,
    active: FrameworkInUse,
    source: SourceDocument = plainSource(input, 'assessment'),
  ): Promise<StoredAssessment> {
    return inTransaction(this.db, async (trx) => {
      const value = await this.check(input, active, trx, source);
      const at = now();
      const { id } = await trx
        .insertInto('assessments')
        .values({ ...this.columns(value, active), owner: this.owner, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.link(trx, id, value);
      return new AssessmentRepository(trx, this.owner).get(id);
    });
  }

  /** Replaces an assessment; it is then pinned to the framework in use now. */
  async update(id: number, input: unknown, active: FrameworkInUse): Promise<StoredAssessment> {
    return inTransaction(this.db, async (trx) => {
      const value = await this.check(input, active, trx, plainSource(input, 'assessment'));
      const result = await trx
        .updateTable('assessments')
        .set({ ...this.columns(value, active), updated_at: now() })
        .where('id', '=', id)
        .where('owner', '=', this.owner)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound('assessment', id);
      await trx.deleteFrom('assessment_evidence').where('assessment_id', '=', id).execute();
      await this.link(trx, id, value);
      return new AssessmentRepository(trx, this.owner).get(id);
    });
  }

  async delete(id: number): Promise<void> {
    const result = await this.db
      .deleteFrom('assessments')
      .where('id', '=', id)
      .where('owner', '=', this.owner)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('assessment', id);
  }
}
