import type { WorkspaceExport } from './entities.js';
import { insertRows } from './insert-rows.js';
import type { Repositories } from './repositories/all.js';

/**
 * How an export's rows are written. `keepIds`: with the ids and framework rows of the export, into
 * a workspace emptied first (a personal workspace: exporting again gives the same document).
 * Without: as new rows of the repositories' owner beside other owners' rows (an account of an
 * organisation), its links renumbered, its frameworks stored as `FrameworkRepository.add` stores
 * any file (the same id, version and text is the same row) and its settings left out: the
 * organisation chooses the framework.
 */
export interface WriteMode {
  keepIds: boolean;
}

type Export = WorkspaceExport;

/**
 * Writes an export already checked by `readWorkspaceExport` as `r`'s owner's rows, in `r`'s
 * transaction. With the export's ids every table is written in batches (`insertRows`); new ids are
 * read back row by row, as each row's links need its id.
 */
export async function writeExport(r: Repositories, data: Export, { keepIds }: WriteMode) {
  const { db, owner } = r;
  // (framework id)@(version) → the stored row's id.
  const frameworkRow = new Map<string, number>();
  // Old evidence id → the row's id (the same when ids are kept).
  const evidenceId = new Map<number, number>();
  if (keepIds) {
    await insertRows(db, 'frameworks', data.frameworks.map(frameworkRowOf));
    for (const f of data.frameworks) frameworkRow.set(frameworkKey(f), f.id);
    await insertRows(
      db,
      'settings',
      Object.entries(data.settings).map(([key, value]) => ({ key, value })),
    );
  } else
    for (const f of data.frameworks)
      frameworkRow.set(
        frameworkKey(f),
        (await r.frameworks.add(f.source, f.origin, `frameworks ${frameworkKey(f)}`)).id,
      );
  if (data.profile) {
    const { updatedAt, ...profile } = data.profile;
    await db
      .insertInto('profile')
      .values({ owner, document: JSON.stringify(profile), updated_at: updatedAt })
      .execute();
  }
  const assessmentRow = (a: Export['assessments'][number]) => ({
    owner,
    date: a.date,
    assessor: a.assessor,
    current_level: a.current,
    ratings: JSON.stringify(a.ratings),
    framework: frameworkRow.get(`${a.framework.id}@${a.framework.version}`)!,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  });
  const linksOf = (a: Export['assessments'][number], id: number) =>
    Object.entries(a.evidence).flatMap(([competency, ids]) =>
      ids.map((evidence) => ({ assessment_id: id, competency, evidence_id: evidenceId.get(evidence)! })),
    );
  if (keepIds) {
    await insertRows(
      db,
      'evidence',
      data.evidence.map((e) => ({ id: e.id, ...evidenceRow(owner, e) })),
    );
    for (const e of data.evidence) evidenceId.set(e.id, e.id);
    await insertRows(
      db,
      'assessments',
      data.assessments.map((a) => ({ id: a.id, ...assessmentRow(a) })),
    );
    await insertRows(
      db,
      'assessment_evidence',
      data.assessments.flatMap((a) => linksOf(a, a.id)),
    );
  } else {
    for (const e of data.evidence) {
      const { id } = await db
        .insertInto('evidence')
        .values(evidenceRow(owner, e))
        .returning('id')
        .executeTakeFirstOrThrow();
      evidenceId.set(e.id, id);
    }
    for (const a of data.assessments) {
      const { id } = await db
        .insertInto('assessments')
        .values(assessmentRow(a))
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertRows(db, 'assessment_evidence', linksOf(a, id));
    }
  }
  for (const [table, rows] of [
    ['offers', data.offers],
    ['scenarios', data.scenarios],
    ['learning_plans', data.learningPlans],
  ] as const)
    await insertRows(
      db,
      table,
      rows.map((d) => ({
        ...(keepIds ? { id: d.id } : {}),
        owner,
        name: d.name,
        document: JSON.stringify(d.file),
        created_at: d.createdAt,
        updated_at: d.updatedAt,
      })),
    );
}

function frameworkKey(f: Export['frameworks'][number]): string {
  return `${f.frameworkId}@${f.version}`;
}

function frameworkRowOf(f: Export['frameworks'][number]) {
  return {
    id: f.id,
    framework_id: f.frameworkId,
    version: f.version,
    name: f.name,
    origin: f.origin,
    source: f.source,
    created_at: f.createdAt,
  };
}

/** An evidence entry's row; every column given (null when absent), as `insertRows` needs. */
function evidenceRow(owner: number, e: Export['evidence'][number]) {
  return {
    owner,
    date: e.date,
    title: e.title,
    description: e.description ?? null,
    scope: e.scope ?? null,
    competencies: e.competencies ? JSON.stringify(e.competencies) : null,
    links: e.links ? JSON.stringify(e.links) : null,
    source: e.source ?? null,
    shared: e.shared === true ? 1 : 0,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}
