// The calibration summary of one cycle over a generated organisation of 10,000 people rated on the
// reference framework's 15 competencies, read from the store and judged, on SQLite and PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadFrameworkOrThrow } from '../src/core/framework/load.js';
import { storedOutcome } from '../src/core/org/reviews/calibration.js';
import { readTextFile, referenceFrameworkPath } from '../src/store/files.js';
import { initOrganisation } from '../src/store/repositories/org/index.js';
import { asOrganisation } from '../src/store/dialect/index.js';
import { Workspace } from '../src/store/workspace.js';
import { measureAsync, report } from './measure.js';

const PEOPLE = 10_000;
const source = readTextFile(referenceFrameworkPath);
const framework = loadFrameworkOrThrow(source, 'frameworks/reference.yaml');
const levels = ['junior', 'mid', 'senior', 'staff', 'principal', 'tech-lead', 'em', 'senior-em'];
const genders = ['woman', 'man', 'non-binary', 'undisclosed'];

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A new organisation with 10,000 people (each manager has ten reports) and a manager assessment each. */
async function generate(workspace: Workspace): Promise<{ cycleId: number; organisationId: number }> {
  const random = mulberry32(7);
  const { repositories: r, organisation } = await initOrganisation(workspace.db, {
    name: 'Bench',
    adminEmail: 'admin@bench.test',
    framework: { source, file: 'frameworks/reference.yaml' },
    actor: 'bench',
  });
  const version = await r.frameworks.current();
  const at = new Date().toISOString();
  const base = 1_000_000;
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: base + i,
    organisation_id: organisation.id,
    email: `p${i}@bench.test`,
    name: `Person ${i}`,
    framework_version_id: version.id,
    level: levels[Math.floor(random() * levels.length)]!,
    specialisation: null,
    manager_id: i === 0 ? null : base + Math.floor((i - 1) / 10),
    team: `team-${Math.floor(i / 50)}`,
    zone: null,
    start_date: '2020-01-01',
    level_start_date: '2022-01-01',
    gender: genders[Math.floor(random() * genders.length)]!,
    status: 'active',
    leave_date: null,
    created_at: at,
    updated_at: at,
  }));
  const cycle = await r.cycles.open({ name: 'bench', selfDue: '2026-12-10', managerDue: '2026-12-20' });
  await asOrganisation(workspace.db, organisation.id, async (trx) => {
    for (let i = 0; i < people.length; i += 500)
      await trx
        .insertInto('people')
        .values(people.slice(i, i + 500))
        .execute();
    const assessments = people.slice(1).map((p) => {
      const ratings = Object.fromEntries(
        framework.competencies.map((c) => [c.id, 1 + Math.floor(random() * 5)]),
      );
      // What submitting keeps, by the same core function the repository calls.
      const kept = storedOutcome(framework, p.level, ratings);
      return {
        organisation_id: organisation.id,
        cycle_id: cycle.id,
        person_id: p.id,
        kind: 'manager',
        author_id: p.manager_id!,
        ratings: JSON.stringify(
          Object.fromEntries(Object.entries(ratings).map(([id, rating]) => [id, { rating }])),
        ),
        status: 'submitted',
        updated_at: at,
        submitted_at: at,
        outcome: kept.outcome,
        outcome_level: kept.level,
        outcome_explanation: kept.explanation,
        rating_mean: kept.mean,
      };
    });
    for (let i = 0; i < assessments.length; i += 500)
      await trx
        .insertInto('review_assessments')
        .values(assessments.slice(i, i + 500))
        .execute();
  });
  return { cycleId: cycle.id, organisationId: organisation.id };
}

async function bench(label: string, target: string): Promise<void> {
  console.log(`\n  ${label}`);
  const workspace = await Workspace.open(target);
  try {
    const { cycleId, organisationId } = await generate(workspace);
    const { OrgRepositories, orgScope } = await import('../src/store/repositories/org/index.js');
    const r = new OrgRepositories(orgScope(workspace.db, organisationId, 'bench'));
    const baseline = await measureAsync('read the assessments (baseline)', () =>
      asOrganisation(workspace.db, organisationId, (trx) =>
        trx.selectFrom('review_assessments').selectAll().where('cycle_id', '=', cycleId).execute(),
      ),
    );
    const summary = await measureAsync('calibration summary, 10,000 × 15', () =>
      r.calibration.summary(cycleId, true),
    );
    report(summary, baseline, { maxMs: 200 });
    const items = await measureAsync("each person's outcome, 10,000", () => r.calibration.items(cycleId));
    report(items, baseline, {});
  } finally {
    await workspace.close();
  }
}

async function postgresTarget(): Promise<string | undefined> {
  const url = process.env.TRELLIS_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  const schema = `bench_calibration_${process.pid}`;
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.query(`create schema ${schema}`);
  await client.end();
  const target = new URL(url);
  target.searchParams.set('options', `-c search_path=${schema}`);
  return target.toString();
}

export default async function run(): Promise<void> {
  await bench('SQLite', join(mkdtempSync(join(tmpdir(), 'trellis-bench-')), 'bench.sqlite'));
  const postgres = await postgresTarget();
  if (postgres === undefined)
    console.log('\n  PostgreSQL: not reachable, skipped (set TRELLIS_BENCH_DATABASE_URL)');
  else await bench('PostgreSQL', postgres);
}
