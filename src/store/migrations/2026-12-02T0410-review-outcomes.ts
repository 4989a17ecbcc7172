import type { Kysely } from 'kysely';

/**
 * What calibration needs of a submitted assessment, kept when it is submitted so that calibration
 * counts with GROUP BY instead of loading and judging every assessment: its outcome under the
 * cycle's framework version (below, meets, ready; null for a level the version lacks), the level it
 * was judged against, the outcome's explanation, and the mean of its ratings (the drift figures).
 * Existing rows keep nulls: calibration judges a row without a kept outcome, or whose person's level
 * has changed since, from its ratings when it reads it (the core's rules, never repeated in SQL).
 * The columns live on `review_assessments`, under its row security; the index covers what the
 * count reads, so the wide ratings rows are not visited. Released: never edit it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('review_assessments').addColumn('outcome', 'text').execute();
  await db.schema.alterTable('review_assessments').addColumn('outcome_level', 'text').execute();
  await db.schema.alterTable('review_assessments').addColumn('outcome_explanation', 'text').execute();
  await db.schema.alterTable('review_assessments').addColumn('rating_mean', 'double precision').execute();
  await db.schema
    .createIndex('review_assessments_calibration')
    .on('review_assessments')
    .columns([
      'organisation_id',
      'cycle_id',
      'kind',
      'status',
      'person_id',
      'author_id',
      'outcome',
      'outcome_level',
      'rating_mean',
    ])
    .execute();
}
