// The pay-gap report and the structure report over a generated organisation of 100,000 people
// (generateOrganisation: a reporting tree with spans of 3–10, a level pyramid on both tracks, pay
// spread within bands, variable pay, leavers, level history), end to end (the store's read and the
// core's figures), on SQLite and on PostgreSQL; against a bare SQL aggregate over the same rows in
// the same run. PostgreSQL runs when TRELLIS_BENCH_DATABASE_URL (or TRELLIS_TEST_DATABASE_URL) names
// a server, in a fresh database dropped at the end.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { referenceFrameworkPath, readTextFile } from '../src/store/files.js';
import { initOrganisation, type OrgRepositories } from '../src/store/repositories/org/index.js';
import { payGapOf, structureOf } from '../src/store/repositories/org/pay-reports.js';
import { readCsvRecords } from '../src/store/spreadsheet.js';
import { Workspace } from '../src/store/workspace.js';
import { generateOrganisation, type GeneratedOrganisation } from './generate.js';
import { freshDatabase } from './org.bench.js';

const PEOPLE = 100_000;
const RUNS = 7;
const TARGET_MS = 500;
const framework = { source: readTextFile(referenceFrameworkPath), file: 'frameworks/reference.yaml' };
const bands = { source: readTextFile(join(import.meta.dirname, '../examples/pay.yaml')), file: 'pay.yaml' };

/** The median of `RUNS` timed runs of `work`, after one to warm up. */
async function timed(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[RUNS >> 1]!;
}

/** The organisation in a new workspace organisation: people, their earlier levels, bands and pay. */
async function load(workspace: Workspace, org: GeneratedOrganisation): Promise<OrgRepositories> {
  const { repositories: r } = await initOrganisation(workspace.db, {
    name: 'Bigco',
    adminEmail: 'person0@bigco.test',
    framework,
    actor: 'bench',
  });
  const started = performance.now();
  await r.people.importCsv(readCsvRecords(org.people, 'people.csv'), new Map());
  const ids = new Map((await r.people.all()).map((p) => [p.email, p]));
  // The levels before the current one, as the level history would hold them after promotions.
  for (let i = 0; i < org.earlier.length; i += 1000)
    await r.scope.db
      .insertInto('level_history')
      .values(
        org.earlier.slice(i, i + 1000).map((e) => {
          const p = ids.get(e.email)!;
          return {
            organisation_id: r.scope.organisationId,
            person_id: p.id,
            level: e.level,
            framework_version_id: p.frameworkVersionId,
            from_date: e.from,
            cause: 'import',
            recorded_at: new Date().toISOString(),
          };
        }),
      )
      .execute();
  await r.pay.setBands(bands.source, bands.file);
  await r.pay.importCsv(readCsvRecords(org.pay, 'pay.csv'));
  console.log(
    `  loaded ${PEOPLE} people and their pay in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return r;
}

/** The bare aggregates: what reading the same rows costs with no report around it. */
const bareGap = (r: OrgRepositories) =>
  sql`select people.gender, count(*) as n, avg(pay.base + pay.variable) as mean
    from pay join people on people.id = pay.person_id and people.organisation_id = pay.organisation_id
    where pay.organisation_id = ${r.scope.organisationId} and pay.period = '2026'
    group by people.gender`.execute(r.scope.db);
const bareStructure = (r: OrgRepositories) =>
  sql`select people.level, count(distinct people.id) as people, count(level_history.id) as held
    from people left join level_history on level_history.person_id = people.id
      and level_history.organisation_id = people.organisation_id
    where people.organisation_id = ${r.scope.organisationId}
    group by people.level`.execute(r.scope.db);

async function measure(store: string, r: OrgRepositories): Promise<void> {
  const rows: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    ['pay-gap report', () => payGapOf(r, { period: '2026' }), () => bareGap(r)],
    ['structure report', () => structureOf(r, { until: '2026-12-01' }), () => bareStructure(r)],
  ];
  for (const [name, report, bare] of rows) {
    const reportMs = await timed(report);
    const bareMs = await timed(bare);
    console.log(
      `  ${name.padEnd(17)} ${store.padEnd(10)} ${reportMs.toFixed(0).padStart(5)} ms   bare SQL aggregate ${bareMs.toFixed(1).padStart(6)} ms` +
        `   ratio ${(reportMs / bareMs).toFixed(1)}×  ${reportMs < TARGET_MS ? 'meets' : 'MISSES'} target < ${TARGET_MS} ms`,
    );
  }
}

export default async function bench(): Promise<void> {
  const org = generateOrganisation(PEOPLE);
  console.log(`  ${PEOPLE} people, median of ${RUNS} runs after one to warm up`);
  const dir = join(tmpdir(), `trellis-pay-bench-${process.pid}`);
  const sqlite = await Workspace.open(join(dir, 'trellis.sqlite'));
  try {
    await measure('SQLite', await load(sqlite, org));
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env.TRELLIS_BENCH_DATABASE_URL || process.env.TRELLIS_TEST_DATABASE_URL;
  if (!base) {
    console.log('  PostgreSQL skipped: set TRELLIS_BENCH_DATABASE_URL=postgres://… to run it there');
    return;
  }
  const database = await freshDatabase(base);
  try {
    const workspace = await Workspace.open(database.url);
    try {
      await measure('PostgreSQL', await load(workspace, org));
    } finally {
      await workspace.close();
    }
  } finally {
    await database.drop();
  }
}
