import type { WorkspaceExport } from './entities.js';
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

/** Writes an export already checked by `readWorkspaceExport` as `r`'s owner's rows, in `r`'s transaction. */
export async function writeExport(r: Repositories, data: WorkspaceExport, { keepIds }: WriteMode) {
  const { db, owner } = r;
  const frameworkRow = new Map<string, number>();
  for (const f of data.frameworks) {
    const key = `${f.frameworkId}@${f.version}`;
    if (!keepIds) {
      frameworkRow.set(key, (await r.frameworks.add(f.source, f.origin, `frameworks ${key}`)).id);
      continue;
    }
    await db
      .insertInto('frameworks')
      .values({
        id: f.id,
        framework_id: f.frameworkId,
        version: f.version,
        name: f.name,
        origin: f.origin,
        source: f.source,
        created_at: f.createdAt,
      })
      .execute();
    frameworkRow.set(key, f.id);
  }
  if (keepIds)
    for (const [key, value] of Object.entries(data.settings))
      await db.insertInto('settings').values({ key, value }).execute();
  if (data.profile) {
    const { updatedAt, ...profile } = data.profile;
    await db
      .insertInto('profile')
      .values({ owner, document: JSON.stringify(profile), updated_at: updatedAt })
      .execute();
  }
  // Old evidence id → the row's id (the same when ids are kept).
  const evidenceId = new Map<number, number>();
  const evidenceRow = (e: WorkspaceExport['evidence'][number]) => ({
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
  });
  if (keepIds)
    for (let i = 0; i < data.evidence.length; i += 400) {
      const chunk = data.evidence.slice(i, i + 400);
      await db
        .insertInto('evidence')
        .values(chunk.map((e) => ({ id: e.id, ...evidenceRow(e) })))
        .execute();
      for (const e of chunk) evidenceId.set(e.id, e.id);
    }
  else
    for (const e of data.evidence) {
      const { id } = await db
        .insertInto('evidence')
        .values(evidenceRow(e))
        .returning('id')
        .executeTakeFirstOrThrow();
      evidenceId.set(e.id, id);
    }
  for (const a of data.assessments) {
    const { id } = await db
      .insertInto('assessments')
      .values({
        ...(keepIds ? { id: a.id } : {}),
        owner,
        date: a.date,
        assessor: a.assessor,
        current_level: a.current,
        ratings: JSON.stringify(a.ratings),
        framework: frameworkRow.get(`${a.framework.id}@${a.framework.version}`)!,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const links = Object.entries(a.evidence).flatMap(([competency, ids]) =>
      ids.map((evidence) => ({ assessment_id: id, competency, evidence_id: evidenceId.get(evidence)! })),
    );
    if (links.length > 0) await db.insertInto('assessment_evidence').values(links).execute();
  }
  for (const [table, rows] of [
    ['offers', data.offers],
    ['scenarios', data.scenarios],
    ['learning_plans', data.learningPlans],
  ] as const)
    for (const d of rows)
      await db
        .insertInto(table)
        .values({
          ...(keepIds ? { id: d.id } : {}),
          owner,
          name: d.name,
          document: JSON.stringify(d.file),
          created_at: d.createdAt,
          updated_at: d.updatedAt,
        })
        .execute();
}
