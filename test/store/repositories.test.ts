import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/problems.js';
import type { FrameworkInUse } from '../../src/store/repositories/frameworks.js';
import { Workspace } from '../../src/store/workspace.js';
import { migrations as allMigrations } from '../../src/store/migrations/index.js';
import { tempDir } from '../helpers/cli.js';
import { stores } from '../helpers/stores.js';

const offers = {
  offers: [
    { name: 'Bigco', base: 145000, equity: [{ type: 'rsu', shares: 50, price: 2000, vesting: 'amazon' }] },
    { name: 'Seedling', base: 160000 },
  ],
};

async function problemsOf(promise: Promise<unknown>): Promise<{ code: string; paths: string[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, paths: error.problems.map((p) => p.path.join('.')) };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('an SQLite workspace file', () => {
  let dir: string;
  let workspace: Workspace;

  beforeEach(async () => {
    dir = tempDir();
    workspace = await Workspace.open(join(dir, 'nested', 'trellis.sqlite'));
  });
  afterEach(async () => workspace.close());

  it('creates the file, runs the migration once, and turns on WAL and foreign keys', async () => {
    expect(existsSync(join(dir, 'nested', 'trellis.sqlite'))).toBe(true);
    await workspace.close();
    workspace = await Workspace.open(join(dir, 'nested', 'trellis.sqlite'));
    const raw = new Database(join(dir, 'nested', 'trellis.sqlite'), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const migrations = raw.prepare('select name from kysely_migration').all() as { name: string }[];
    expect(migrations.map((m) => m.name)).toEqual(Object.keys(allMigrations).sort());
    raw.close();
  });

  it('backs up the live database to a file that opens as a workspace', async () => {
    const { framework } = await workspace.activeFramework();
    await workspace.evidence.create({ date: '2026-01-15', title: 'in the backup' }, framework);
    mkdirSync(join(dir, 'backups'));
    const target = join(dir, 'backups', 'copy.sqlite');
    await workspace.backup(target);
    const copy = await Workspace.open(target);
    try {
      expect((await copy.evidence.list()).map((e) => e.title)).toEqual(['in the backup']);
    } finally {
      await copy.close();
    }
  });
});

describe.each(stores())('workspace repositories on a real migrated $kind database', (store) => {
  let workspace: Workspace;
  let active: FrameworkInUse;

  beforeEach(async () => {
    workspace = await Workspace.open(await store.fresh());
    active = await workspace.activeFramework();
  });
  afterEach(async () => workspace.close());

  it('runs the migration once: opening again changes nothing', async () => {
    const target = await store.fresh();
    const first = await Workspace.open(target);
    await first.close();
    const again = await Workspace.open(target);
    try {
      expect(await again.frameworks.list()).toHaveLength(1);
    } finally {
      await again.close();
    }
  });

  it('stores the reference framework once and uses it by default', async () => {
    expect(active.row).toMatchObject({ frameworkId: 'reference', origin: 'reference' });
    await workspace.frameworks.ensureReference();
    expect(await workspace.frameworks.list()).toHaveLength(1);
  });

  it('keeps evidence in date order, filters it, and refuses a bad entry naming each field', async () => {
    const later = await workspace.evidence.create(
      { date: '2026-03-01', title: 'Ran the incident review', scope: 'team', competencies: ['debugging'] },
      active.framework,
    );
    const earlier = await workspace.evidence.create(
      { date: '2026-01-15', title: 'Wrote the design doc' },
      active.framework,
    );
    expect((await workspace.evidence.list()).map((e) => e.id)).toEqual([earlier.id, later.id]);
    expect((await workspace.evidence.list({ competency: 'debugging' })).map((e) => e.id)).toEqual([later.id]);
    expect((await workspace.evidence.list({ since: '2026-02-01' })).map((e) => e.id)).toEqual([later.id]);
    expect(await workspace.evidence.get(later.id)).toMatchObject({
      title: 'Ran the incident review',
      scope: 'team',
    });

    const bad = await problemsOf(
      workspace.evidence.create(
        { date: '2026-02-30', title: '', competencies: ['debuging'] },
        active.framework,
      ),
    );
    expect(bad.code).toBe('invalid-input');
    expect(bad.paths).toEqual(expect.arrayContaining(['date', 'title', 'competencies.0']));
    expect(await workspace.evidence.count()).toBe(2);
  });

  it('writes a batch in one transaction: one bad entry and none is kept', async () => {
    const bad = await problemsOf(
      workspace.evidence.createMany(
        [
          { date: '2026-01-01', title: 'fine' },
          { date: 'yesterday', title: 'not fine' },
        ],
        active.framework,
      ),
    );
    expect(new Set(bad.paths)).toEqual(new Set(['1.date']));
    expect(await workspace.evidence.count()).toBe(0);
  });

  it('pins an assessment to the framework version and links evidence per competency', async () => {
    const entry = await workspace.evidence.create(
      { date: '2026-01-15', title: 'Led the migration' },
      active.framework,
    );
    const assessment = await workspace.assessments.create(
      {
        date: '2026-02-01',
        current: 'senior',
        ratings: { 'system-design': 3 },
        evidence: { 'system-design': [entry.id] },
      },
      active,
    );
    expect(assessment).toMatchObject({
      assessor: 'self',
      current: 'senior',
      framework: { id: 'reference', version: active.row.version },
      evidence: { 'system-design': [entry.id] },
    });
    const bad = await problemsOf(
      workspace.assessments.create(
        { ratings: { 'system-desing': 3 }, evidence: { debugging: [999] } },
        active,
      ),
    );
    expect(bad.paths).toEqual(['ratings.system-desing', 'evidence.debugging.0']);

    // Deleting the evidence removes the link, never the assessment.
    await workspace.evidence.delete(entry.id);
    expect((await workspace.assessments.get(assessment.id)).evidence).toEqual({});
    await workspace.assessments.delete(assessment.id);
    expect((await problemsOf(workspace.assessments.get(assessment.id))).code).toBe('not-found');
  });

  it('refuses a changed framework under an old version, and keeps old assessments on their version', async () => {
    const custom = active.row.source
      .replace(/^version: .*$/m, 'version: 9.9.9')
      .replace(/^id: .*$/m, 'id: ours');
    const added = await workspace.addFramework(custom, 'ours.yaml');
    expect(added.row).toMatchObject({ frameworkId: 'ours', version: '9.9.9', origin: 'custom' });
    expect((await workspace.activeFramework()).row.id).toBe(added.row.id);
    const assessment = await workspace.assessments.create({ ratings: {} }, await workspace.activeFramework());
    expect(assessment.framework).toEqual({ id: 'ours', version: '9.9.9' });

    const changed = custom.replace(/^name: .*$/m, 'name: Changed');
    expect((await problemsOf(workspace.addFramework(changed, 'ours.yaml'))).paths).toEqual(['version']);
    await workspace.useFramework(null);
    expect((await workspace.activeFramework()).row.frameworkId).toBe('reference');
    expect((await workspace.assessments.get(assessment.id)).framework.id).toBe('ours');
  });

  it('stores offer files whole and validates them with the offer file parser', async () => {
    const stored = await workspace.offers.create({ file: offers });
    expect(stored.name).toBe('Bigco vs Seedling');
    expect((await workspace.offers.get(stored.id)).file).toMatchObject({
      currency: 'USD',
      offers: [{ name: 'Bigco' }, { name: 'Seedling' }],
    });
    const bad = await problemsOf(
      workspace.offers.create({
        file: {
          offers: [{ name: 'A', base: 1, equity: [{ type: 'rsu', shares: 1, price: 1, vesting: 'amazn' }] }],
        },
      }),
    );
    expect(bad.paths).toEqual(['file.offers.0.equity.0.vesting']);
    const renamed = await workspace.offers.update(stored.id, { name: 'Spring', file: offers });
    expect(renamed.name).toBe('Spring');
    expect((await problemsOf(workspace.offers.update(999, { file: offers }))).code).toBe('not-found');
  });

  it('stores earnings scenarios and profiles, checked against the framework', async () => {
    const scenario = await workspace.scenarios.create({
      name: 'ten years',
      file: { start: { salary: 100000 }, years: 10 },
    });
    expect(scenario.file).toMatchObject({ years: 10, runs: 1000, seed: 1 });
    expect(
      (
        await problemsOf(
          workspace.scenarios.create({
            file: { start: { salary: 1 }, years: 5, strategies: [{ preset: 'nope' }] },
          }),
        )
      ).paths,
    ).toEqual(['file.strategies.0.preset']);

    expect(await workspace.profile.get()).toBeUndefined();
    const first = await workspace.profile.put(
      { current: 'senior', yearsOfExperience: 7, skills: { backend: 4 } },
      active.framework,
    );
    expect(first.created).toBe(true);
    const second = await workspace.profile.put({ current: 'staff' }, active.framework);
    expect(second.created).toBe(false);
    expect(await workspace.profile.get()).toMatchObject({ current: 'staff' });
    expect(
      (
        await problemsOf(
          workspace.profile.put({ current: 'senoir', skills: { backnd: 4 } }, active.framework),
        )
      ).paths,
    ).toEqual(expect.arrayContaining(['current', 'skills.backnd']));
  });

  it('exports everything and imports it back identically, ids and timestamps included', async () => {
    const entry = await workspace.evidence.create(
      {
        date: '2026-01-15',
        title: 'Led the migration',
        links: ['https://example.com/pr/1'],
        description: 'Two teams.',
      },
      active.framework,
    );
    await workspace.assessments.create(
      { ratings: { debugging: 3 }, evidence: { debugging: [entry.id] } },
      active,
    );
    await workspace.offers.create({ file: offers });
    await workspace.scenarios.create({ file: { start: { salary: 100000 }, years: 10 } });
    await workspace.learningPlans.create({ name: 'Q1', file: { hours: 5 } });
    await workspace.profile.put({ current: 'senior' }, active.framework);
    const exported = await workspace.export();

    const other = await Workspace.open(await store.fresh());
    try {
      await other.evidence.create({ date: '2020-01-01', title: 'replaced by the import' }, active.framework);
      await other.import(JSON.parse(JSON.stringify(exported)));
      expect(await other.export()).toEqual(exported);
      // New rows continue after the imported ids.
      const next = await other.evidence.create({ date: '2026-05-01', title: 'after' }, active.framework);
      expect(next.id).toBeGreaterThan(entry.id);
    } finally {
      await other.close();
    }
  });

  it('refuses an import with a broken reference and changes nothing', async () => {
    await workspace.evidence.create({ date: '2026-01-15', title: 'keep me' }, active.framework);
    const before = await workspace.export();
    const broken = structuredClone(before);
    broken.assessments.push({
      id: 1,
      date: '2026-01-01',
      assessor: 'self',
      current: null,
      ratings: { debugging: 3 },
      evidence: { debugging: [42] },
      framework: { id: 'reference', version: active.row.version },
      createdAt: 'x',
      updatedAt: 'x',
    });
    expect((await problemsOf(workspace.import(broken))).paths).toEqual([
      'assessments.0.evidence.debugging.0',
    ]);
    expect((await problemsOf(workspace.import({ format: 'something else' }))).code).toBe('invalid-input');
    expect(await workspace.export()).toEqual(before);
  });
});
