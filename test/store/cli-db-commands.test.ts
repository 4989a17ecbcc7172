import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, trellis, writeTemp } from '../helpers/cli.js';
import { testServer } from '../server/helpers.js';
import { Workspace } from '../../src/store/workspace.js';

/**
 * assess, offers, earnings simulate, learn plan and tshape on the workspace database (`--db`): with
 * FILE the file is stored as the API stores it, without FILE the stored one is used; a server on the
 * same file sees what the commands stored, and the commands see what the API stored.
 */

const example = (name: string) => join(repoRoot, 'examples', name);
const offers = example('offers.yaml');
const earnings = example('earnings.yaml');
const assessment = example('assessment.yaml');
const learning = example('learning.yaml');
const skills = join(repoRoot, 'test', 'fixtures', 'navigator', 'skills.yaml');

type Json = Record<string, unknown>;
const json = (stdout: string) => JSON.parse(stdout) as Json;
const freshDb = () => join(tempDir(), 'workspace', 'trellis.sqlite');

/**
 * A workspace that exists and holds nothing yet. A command that only reads refuses a missing one
 * (exit 2, nothing created) and says what to store in an empty one (exit 1).
 */
async function emptyDb(args: (db: string) => string[]): Promise<string> {
  const db = freshDb();
  const missing = trellis(args(db));
  expect([missing.code, missing.stderr]).toEqual([
    2,
    `trellis: no workspace at ${db}; nothing was created (check --db or TRELLIS_DB, or run \`trellis serve\` once to start one)\n`,
  ]);
  expect(existsSync(db)).toBe(false);
  mkdirSync(dirname(db), { recursive: true });
  await (await Workspace.open(db)).close();
  return db;
}

/** The output of a command run with --json, and the same without the "stored" or "from" it adds. */
function run(args: string[]): { out: Json; rest: Json } {
  const r = trellis([...args, '--json']);
  expect(r, r.stderr).toMatchObject({ code: 0 });
  const out = json(r.stdout);
  const { stored: _stored, from: _from, ...rest } = out;
  return { out, rest };
}

describe('trellis offers --db', () => {
  it('stores FILE, computes on the stored file by id or the most recent, and shares it with the API', async () => {
    const db = freshDb();
    const plain = run(['offers', 'compare', offers, '--years', '2']).out;
    const stored = run(['offers', 'compare', offers, '--years', '2', '--db', db]);
    // Every field as without --db, plus what was stored; the database file is created and migrated.
    expect(stored.rest).toEqual(plain);
    expect(stored.out.stored).toEqual({ id: 1, name: 'Bigco vs Seedling', db });
    expect(existsSync(db)).toBe(true);

    const text = trellis(['offers', 'compare', '--db', db, '--years', '2']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      `${trellis(['offers', 'compare', offers, '--years', '2']).stdout}From the stored offer file 1 ("Bigco vs Seedling") in ${db}.\n`,
    );
    for (const [command, ...flags] of [
      ['leave', '--offer', 'Bigco', '--month', '11'],
      ['negotiate', '--offer', 'Seedling'],
    ] as const) {
      const fromFile = run(['offers', command, offers, ...flags]).out;
      expect(run(['offers', command, '--db', db, '--id', '1', ...flags]).rest).toEqual(fromFile);
    }

    const server = await testServer(db);
    try {
      const listed = await server.app.inject({ method: 'GET', url: '/api/offers' });
      expect(listed.json<{ offers: { id: number; name: string }[] }>().offers).toMatchObject([
        { id: 1, name: 'Bigco vs Seedling' },
      ]);
      const computed = await server.app.inject({
        method: 'POST',
        url: '/api/offers/compare',
        payload: { id: 1, years: 2 },
      });
      expect(computed.json()).toEqual(plain);
      // What the API stores, the command reads: the most recent one unless told otherwise.
      const posted = await server.app.inject({
        method: 'POST',
        url: '/api/offers',
        payload: { name: 'Solo', file: { offers: [{ name: 'Solo', base: 100000 }] } },
      });
      expect(posted.statusCode).toBe(201);
      const latest = run(['offers', 'compare', '--db', db]);
      expect(latest.out.stored).toEqual({ id: 2, name: 'Solo', db });
      expect(latest.out.best).toBe('Solo');
    } finally {
      await server.close();
    }
  });

  it('an unknown id names the stored ones; an empty workspace says what to store; a bad offer names the stored file', async () => {
    const db = await emptyDb((d) => ['offers', 'compare', '--db', d]);
    const empty = trellis(['offers', 'compare', '--db', db]);
    expect(empty).toMatchObject({ code: 1, stdout: '' });
    expect(empty.stderr).toBe(
      `trellis: no offer file stored in ${db} yet: store one with trellis offers compare FILE --db, or POST /api/offers\n`,
    );
    expect(run(['offers', 'compare', offers, '--db', db]).out.stored).toMatchObject({ id: 1 });
    expect(run(['offers', 'compare', offers, '--db', db]).out.stored).toMatchObject({ id: 2 });
    const unknown = trellis(['offers', 'compare', '--db', db, '--id', '7']);
    expect(unknown).toMatchObject({ code: 1, stderr: 'trellis: no stored offer file 7; stored: 1, 2\n' });
    const offer = trellis(['offers', 'leave', '--db', db, '--offer', 'Bigcoo', '--month', '3']);
    expect(offer.code).toBe(1);
    expect(offer.stderr).toBe(
      'offer file 2: offers: no offer named "Bigcoo" (did you mean "Bigco"?); the file has "Bigco", "Seedling"\n',
    );
    // A command that fails stores nothing.
    expect(trellis(['offers', 'leave', offers, '--db', db, '--offer', 'Nope', '--month', '3']).code).toBe(1);
    expect(run(['offers', 'compare', '--db', db]).out.stored).toMatchObject({ id: 2 });
  });
});

describe('trellis earnings simulate --db', () => {
  it('stores the scenario and simulates a stored one, as the API does', async () => {
    const db = freshDb();
    const plain = run(['earnings', 'simulate', earnings, '--runs', '20']).out;
    const stored = run(['earnings', 'simulate', earnings, '--runs', '20', '--db', db]);
    expect(stored.rest).toEqual(plain);
    expect(stored.out.stored).toEqual({ id: 1, name: '40 years from 120000 USD', db });
    expect(run(['earnings', 'simulate', '--db', db, '--runs', '20']).rest).toEqual(plain);

    const server = await testServer(db);
    try {
      const simulated = await server.app.inject({
        method: 'POST',
        url: '/api/earnings/simulate',
        payload: { id: 1, runs: 20 },
      });
      expect(simulated.json()).toEqual(plain);
    } finally {
      await server.close();
    }
    const unknown = trellis(['earnings', 'simulate', '--db', db, '--id', '3']);
    expect(unknown).toMatchObject({ code: 1, stderr: 'trellis: no stored scenario 3; stored: 1\n' });
  });
});

describe('trellis assess --db', () => {
  it('stores FILE pinned to the framework in use, assesses the most recent or --id, and compares stored ones', async () => {
    const db = freshDb();
    const plain = run(['assess', assessment]).out;
    const stored = run(['assess', assessment, '--db', db]);
    expect(stored.rest).toEqual(plain);
    expect(stored.out.stored).toEqual({
      id: 1,
      db,
      date: '2026-11-01',
      framework: { id: 'reference', version: '1.2.0' },
    });
    const text = trellis(['assess', assessment, '--db', db]);
    expect(text.stdout).toBe(`${trellis(['assess', assessment]).stdout}Stored as assessment 2 in ${db}.\n`);

    const server = await testServer(db);
    let manager: number;
    try {
      const got = await server.app.inject({ method: 'GET', url: '/api/assessments/1' });
      const ratings = (load(readFileSync(assessment, 'utf8')) as { ratings: Record<string, number> }).ratings;
      expect(got.json()).toMatchObject({ id: 1, current: 'senior', assessor: 'self', ratings });
      // A later assessment through the API: the command reads it as the most recent.
      const posted = await server.app.inject({
        method: 'POST',
        url: '/api/assessments',
        payload: {
          date: '2026-12-01',
          assessor: 'manager',
          current: 'senior',
          ratings: { ...ratings, influence: 4 },
        },
      });
      expect(posted.statusCode).toBe(201);
      manager = posted.json<{ id: number }>().id;
    } finally {
      await server.close();
    }
    const latest = run(['assess', '--db', db]);
    expect(latest.out.stored).toMatchObject({ id: manager, date: '2026-12-01' });
    expect(run(['assess', '--db', db, '--id', '1']).rest).toEqual(plain);

    const compared = run(['assess', '--db', db, '--compare-id', '1']).out;
    // b against a: assessment 1 rated influence one lower than the latest.
    expect(compared.summary).toEqual({ higher: 0, lower: 1, same: 12, unrated: 0 });
    const table = trellis(['assess', '--db', db, '--id', '1', '--compare-id', String(manager)]);
    expect(table.stdout.split('\n')[0]).toBe(
      `assessment 1: ${String(plain.level)}    assessment ${manager}: ${String(latest.out.level)}`,
    );

    const unknown = trellis(['assess', '--db', db, '--id', '9']);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: `trellis: no stored assessment 9; stored: 1, 2, ${manager}\n`,
    });
  });

  it('checks FILE as the API does: file problems located, evidence ids that must exist', async () => {
    const db = await emptyDb((d) => ['assess', '--db', d]);
    const empty = trellis(['assess', '--db', db]);
    expect(empty).toMatchObject({ code: 1 });
    expect(empty.stderr).toBe(
      `trellis: no assessment stored in ${db} yet: store one with trellis assess FILE --db, or POST /api/assessments\n`,
    );
    const bad = writeTemp(
      'bad.yaml',
      'current: senor\nratings:\n  debugging: 3\nevidence:\n  debugging: [4]\n',
    );
    const r = trellis(['assess', bad, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${bad}:1:10: current: unknown level "senor" (did you mean "senior"?)\n`);
    const unlinked = writeTemp(
      'unlinked.yaml',
      'current: senior\nratings:\n  debugging: 3\nevidence:\n  debugging: [4]\n',
    );
    const missing = trellis(['assess', unlinked, '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`${unlinked}:5:15: evidence.debugging[0]: no evidence entry with id 4\n`);
    // Nothing was stored by either.
    expect(trellis(['assess', '--db', db]).code).toBe(1);
  });
});

describe('trellis tshape and learn plan --db', () => {
  it('saves the T-shape to the profile, and plans from the stored profile and latest assessment', async () => {
    const db = await emptyDb((d) => ['learn', 'plan', '--db', d, '--hours', '5']);
    const nothing = trellis(['learn', 'plan', '--db', db, '--hours', '5']);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^trellis: nothing to plan from in .* yet: save a profile/);
    expect(trellis(['tshape', '--db', db]).stderr).toBe(
      `trellis: no profile stored in ${db} yet: save it with trellis tshape FILE --db, or PUT /api/profile\n`,
    );

    const plainShape = run(['tshape', skills]).out;
    const saved = run(['tshape', skills, '--db', db]);
    expect(saved.rest).toEqual(plainShape);
    expect(run(['tshape', '--db', db]).rest).toEqual(plainShape);
    expect(trellis(['tshape', '--db', db]).stdout).toBe(
      `${trellis(['tshape', skills]).stdout}From the profile in ${db}.\n`,
    );

    expect(trellis(['assess', assessment, '--db', db]).code).toBe(0);
    // The plan from the workspace is the plan of a file holding the same profile and ratings.
    const shape = load(readFileSync(skills, 'utf8')) as Json;
    const { date: _d, assessor: _a, ...rated } = load(readFileSync(assessment, 'utf8')) as Json;
    const same = writeTemp('same.json', JSON.stringify({ ...rated, ...shape }));
    const fromFile = run(['learn', 'plan', same, '--hours', '5']).out;
    const fromStore = run(['learn', 'plan', '--db', db, '--hours', '5']);
    expect(fromStore.rest).toEqual(fromFile);
    expect(fromStore.out.from).toEqual({ db, profile: true, assessment: 1 });

    // With FILE, the plan is saved in the workspace's learning plans.
    const planned = run(['learn', 'plan', learning, '--db', db, '--hours', '3']);
    expect(planned.rest).toEqual(run(['learn', 'plan', learning, '--hours', '3']).out);
    expect(planned.out.stored).toEqual({ id: 1, name: '3 h a week toward staff', db });

    const server = await testServer(db);
    try {
      const profile = await server.app.inject({ method: 'GET', url: '/api/profile' });
      expect(profile.json()).toMatchObject(shape);
      const exported = (await server.app.inject({ method: 'GET', url: '/api/export' })).json<{
        learningPlans: { id: number; file: Json }[];
      }>();
      expect(exported.learningPlans).toMatchObject([{ id: 1, file: planned.rest }]);
    } finally {
      await server.close();
    }
  });
});

describe('--db usage', () => {
  it('keeps the missing-FILE error, and refuses --id without --db, --id with FILE and an input file taken as the database', () => {
    const dir = tempDir();
    const missing = trellis(['offers', 'compare'], { cwd: dir });
    expect(missing).toMatchObject({
      code: 2,
      stderr: "error: missing required argument 'file'\n(run with --help for usage)\n",
    });
    expect(trellis(['assess', assessment, '--id', '1'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'trellis: --id names something stored in the workspace: give --db too\n',
    });
    expect(
      trellis(['earnings', 'simulate', earnings, '--db', 'w.sqlite', '--id', '1'], { cwd: dir }),
    ).toMatchObject({
      code: 2,
      stderr: 'trellis: --id reads something stored, FILE stores a new one: give one of them\n',
    });
    expect(trellis(['assess', '--db', 'w.sqlite', '--id', 'x'], { cwd: dir }).code).toBe(2);
    const swapped = trellis(['tshape', '--db', 'skills.yaml'], { cwd: dir });
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain('"skills.yaml" looks like an input file: write it before --db');
    expect(existsSync(join(dir, 'w.sqlite')) || existsSync(join(dir, 'skills.yaml'))).toBe(false);
  });
});
