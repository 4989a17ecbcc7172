import type { Kysely } from 'kysely';
import { identity, organisationRowSecurity } from '../dialect/index.js';

/**
 * Review cycles: the cycles an organisation opens, the self, manager and peer assessments written in
 * them, the peer requests, and calibration's adjustments with their reasons; promotion cases, their
 * committees (per round: 1, and 2 for the appeal) and votes. Every table carries
 * `organisation_id` and is under row-level security on PostgreSQL. Ratings and scopes are JSON text,
 * checked by the core before they are written. Portable types only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_cycles')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('framework_version_id', 'integer', (c) => c.notNull().references('org_frameworks.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('self_due', 'text', (c) => c.notNull())
    .addColumn('manager_due', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('review_cycles_name', ['organisation_id', 'name'])
    .execute();

  await db.schema
    .createTable('review_assessments')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('review_cycles.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addUniqueConstraint('review_assessments_author', ['cycle_id', 'person_id', 'kind', 'author_id'])
    .execute();
  await db.schema
    .createIndex('review_assessments_cycle')
    .on('review_assessments')
    .columns(['organisation_id', 'cycle_id'])
    .execute();

  await db.schema
    .createTable('peer_requests')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('review_cycles.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('peer_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('requested_by_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('competencies', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('peer_requests_peer', ['cycle_id', 'person_id', 'peer_id'])
    .execute();

  await db.schema
    .createTable('calibration_adjustments')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('review_cycles.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('adjusted_by', 'text', (c) => c.notNull())
    .addColumn('adjusted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calibration_adjustments_cycle')
    .on('calibration_adjustments')
    .columns(['organisation_id', 'cycle_id'])
    .execute();

  await db.schema
    .createTable('promotion_cases')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('target_level', 'text', (c) => c.notNull())
    .addColumn('framework_version_id', 'integer', (c) => c.notNull().references('org_frameworks.id'))
    .addColumn('nominated_by_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('sponsor_id', 'integer', (c) => c.references('people.id'))
    .addColumn('summary', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('appeal', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_committee')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('promotion_cases.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addUniqueConstraint('case_committee_seat', ['case_id', 'round', 'person_id'])
    .execute();

  await db.schema
    .createTable('case_votes')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('promotion_cases.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('vote', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_votes_member', ['case_id', 'round', 'person_id'])
    .execute();

  for (const table of [
    'review_cycles',
    'review_assessments',
    'peer_requests',
    'calibration_adjustments',
    'promotion_cases',
    'case_committee',
    'case_votes',
  ])
    await organisationRowSecurity(db, table);
}
