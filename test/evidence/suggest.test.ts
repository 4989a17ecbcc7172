import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../src/core/evidence/suggest/suggest.js';
import { repoRoot, tempDir, trellis } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git.js';

const ADA = 'Ada Lovelace <ada@acme.example>';
const BOB = 'Bob Baker <bob@acme.example>';
/** Someone whose email starts with Ada's: exact matching must keep their work out. */
const LOOKALIKE = 'Ada Other <ada@acme.example.org>';
const prs = join(repoRoot, 'test', 'fixtures', 'evidence', 'gh-prs.json');
const me = ['--author', 'ada@acme.example', '--author', 'ada-l'];

let payments: TestRepo;
let client: TestRepo;

/**
 * Two repositories: `acme/payments`, a monorepo on a GitHub-style remote, with Ada's work on main,
 * on a branch Bob merged, under a ticket, a renamed design document and an incident follow-up,
 * among Bob's and a look-alike's commits; and a client library with no remote that shares a ticket.
 */
beforeAll(() => {
  payments = new TestRepo('git@github.com:acme/payments.git');
  payments.commit(BOB, '2026-03-01', 'Start the payments service', {
    'README.md': 'payments\n',
    'docs/design.md': 'invoices\n',
  });
  payments.commit(ADA, '2026-03-02', 'Add invoice schema', {
    'services/billing/migrations/001_invoices.sql': 'create table invoices();\n',
    'services/billing/src/invoice.ts': 'export {};\n',
  });
  payments.commit(BOB, '2026-03-02', 'Tweak the README', { 'README.md': 'payments service\n' });
  payments.commit(ADA, '2026-03-03', 'Add invoice API', { 'services/billing/src/api.ts': 'export {};\n' });
  payments.commit(ADA, '2026-03-03', 'Show invoices in the web app', {
    'apps/web/src/invoices.tsx': 'export {};\n',
  });
  payments.commit(LOOKALIKE, '2026-03-04', 'Not Ada at all', { 'services/billing/src/other.ts': 'x\n' });
  payments.git('checkout', '-q', '-b', 'feature/retry');
  payments.commit(ADA, '2026-03-10', 'Retry failed webhooks', {
    'services/webhooks/retry.ts': 'export {};\n',
  });
  payments.commit(ADA, '2026-03-11', 'Cover webhook retries', {
    'services/webhooks/retry.test.ts': 'export {};\n',
  });
  payments.git('checkout', '-q', 'main');
  payments.merge(BOB, '2026-03-12', 'feature/retry');
  payments.commit(ADA, '2026-03-20', 'PAY-42 Fix rounding in totals', {
    'services/billing/src/total.ts': 'export {};\n',
  });
  payments.commit(ADA, '2026-03-25', 'PAY-42 Cover rounding edge cases', {
    'services/billing/src/total.test.ts': 'x\n',
  });
  payments.rename(
    ADA,
    '2026-04-01',
    'Move the invoice design to an ADR',
    'docs/design.md',
    'docs/adr/0001-invoices.md',
  );
  payments.commit(
    ADA,
    '2026-04-20',
    'Alert on failed charges\n\nPostmortem follow-up for the March outage.',
    {
      'services/billing/alerts.yaml': 'alerts: []\n',
    },
  );
  payments.commit(ADA, '2026-05-04', 'Add refunds endpoint (#7)', {
    'services/billing/src/refunds.ts': 'export {};\n',
  });

  client = new TestRepo();
  client.commit(ADA, '2026-03-26', 'PAY-42 Use the rounded totals in the client', {
    'lib/client.ts': 'export {};\n',
  });
});

let everything: { suggestions: Suggestion[]; alreadyInLog: number } | undefined;

/** The suggestions over both repositories and the export; the run without flags is made once. */
function suggest(extra: string[] = []): { suggestions: Suggestion[]; alreadyInLog: number } {
  if (extra.length === 0) return (everything ??= run([]));
  return run(extra);
}

function run(extra: string[]): { suggestions: Suggestion[]; alreadyInLog: number } {
  const r = trellis([
    'evidence',
    'suggest',
    '--git',
    payments.dir,
    client.dir,
    '--prs',
    prs,
    ...me,
    '--json',
    ...extra,
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const byTitle = (suggestions: Suggestion[], title: string) => {
  const found = suggestions.find((s) => s.title === title);
  expect(
    found,
    `a suggestion titled "${title}" in ${suggestions.map((s) => s.title).join(' | ')}`,
  ).toBeDefined();
  return found!;
};

describe(
  'trellis evidence suggest: pieces of work from a real history and a gh export',
  { timeout: 120_000 },
  () => {
    it('groups Ada’s work into pieces, and only Ada’s', () => {
      const { suggestions } = suggest();
      expect(suggestions.map((s) => [s.date, s.title])).toEqual([
        ['2026-03-03', 'Add invoice schema'],
        ['2026-03-03', 'Show invoices in the web app'],
        ['2026-03-11', 'Retry failed webhooks'],
        ['2026-03-26', 'PAY-42 Fix rounding in totals'],
        ['2026-04-01', 'Move the invoice design to an ADR'],
        ['2026-04-20', 'Alert on failed charges'],
        ['2026-05-05', 'Add refunds endpoint'],
        ['2026-05-11', 'Reviewed 1 pull request in acme/payments (May 2026)'],
      ]);
      const text = JSON.stringify(suggestions);
      for (const foreign of ['Tweak the README', 'Not Ada at all', 'Bump the linter', 'Merge branch'])
        expect(text).not.toContain(foreign);
    });

    it('a piece on main: two commits close in time in one area of the monorepo, with commit links', () => {
      const piece = byTitle(suggest().suggestions, 'Add invoice schema');
      expect(piece.basis).toEqual({ commits: 2, files: 3, repositories: 1, pullRequests: 0, reviews: 0 });
      expect(piece.scope).toBe('team');
      expect(piece.links).toHaveLength(2);
      for (const link of piece.links)
        expect(link).toMatch(/^https:\/\/github\.com\/acme\/payments\/commit\/[0-9a-f]{40}$/);
      expect(piece.description).toContain('- Add invoice API');
      const ids = piece.competencies.map((c) => c.id);
      expect(ids).toContain('system-design');
      expect(piece.competencies.find((c) => c.id === 'system-design')!.because).toEqual(
        expect.arrayContaining(['keyword "schema"', 'keyword "api"', 'paths **/migrations/** (1 file)']),
      );
    });

    it('a merged branch is one piece even though someone else merged it', () => {
      const piece = byTitle(suggest().suggestions, 'Retry failed webhooks');
      expect(piece.basis.commits).toBe(2);
      expect(piece.description).toContain('branch feature/retry');
    });

    it('a ticket worked on in two repositories is one piece that reaches beyond the team', () => {
      const piece = byTitle(suggest().suggestions, 'PAY-42 Fix rounding in totals');
      expect(piece.basis).toMatchObject({ commits: 3, repositories: 2 });
      expect(piece.scope).toBe('multi-team');
      expect(piece.competencies.map((c) => c.id)).toContain('debugging');
    });

    it('a renamed design document is recognised by its new path', () => {
      const piece = byTitle(suggest().suggestions, 'Move the invoice design to an ADR');
      const writing = piece.competencies.find((c) => c.id === 'written-communication')!;
      expect(writing.because).toEqual(
        expect.arrayContaining(['kind design-document', 'paths docs/** (1 file)']),
      );
    });

    it('an incident follow-up is recognised from the message body', () => {
      const piece = byTitle(suggest().suggestions, 'Alert on failed charges');
      expect(piece.competencies.find((c) => c.id === 'culture')!.because).toContain(
        'kind incident-follow-up',
      );
    });

    it('a pull request takes its squashed commit, its files and its link; reviews given are their own piece', () => {
      const { suggestions } = suggest();
      const pull = byTitle(suggestions, 'Add refunds endpoint');
      expect(pull.links[0]).toBe('https://github.com/acme/payments/pull/7');
      expect(pull.basis).toMatchObject({ commits: 1, pullRequests: 1, files: 2 });
      expect(pull.description).toContain('Customers can ask for a refund');
      const reviews = byTitle(suggestions, 'Reviewed 1 pull request in acme/payments (May 2026)');
      expect(reviews.links).toEqual(['https://github.com/acme/payments/pull/9']);
      expect(reviews.competencies.find((c) => c.id === 'mentoring')!.because).toContain('kind review-given');
    });

    it('--since and --until keep to the range', () => {
      const { suggestions } = suggest(['--since', '2026-04-01', '--until', '2026-04-30']);
      expect(suggestions.map((s) => s.title)).toEqual([
        'Move the invoice design to an ADR',
        'Alert on failed charges',
      ]);
    });
  },
);

describe('the person decides: --interactive', { timeout: 120_000 }, () => {
  it('adds the accepted ones (an edited title kept), and never suggests them again', () => {
    const log = join(tempDir(), 'brag.md');
    const r = trellis(
      [
        'evidence',
        'suggest',
        '--git',
        payments.dir,
        ...me,
        '--until',
        '2026-03-31',
        '--interactive',
        '--log',
        log,
      ],
      { input: 'a\nd\ne\nMade webhook delivery survive outages\nq\n' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added 2 entries to');
    expect(r.stdout).toContain('dropped 1');
    const text = readFileSync(log, 'utf8');
    expect(text).toContain('## 2026-03-03 Add invoice schema');
    expect(text).toContain('## 2026-03-11 Made webhook delivery survive outages');
    expect(text).toMatch(/- source: git:acme\/payments:[0-9a-f]{40}/);
    expect(trellis(['evidence', 'list', '--log', log, '--json']).code).toBe(0);

    const again = JSON.parse(
      trellis([
        'evidence',
        'suggest',
        '--git',
        payments.dir,
        ...me,
        '--until',
        '2026-03-31',
        '--log',
        log,
        '--json',
      ]).stdout,
    ) as { suggestions: Suggestion[]; alreadyInLog: number };
    expect(again.alreadyInLog).toBe(2);
    expect(again.suggestions.map((s) => s.title)).not.toContain('Add invoice schema');
    expect(again.suggestions.map((s) => s.title)).toContain('Show invoices in the web app');
  });

  it('into the workspace database, with no duplicates on a second run', () => {
    const db = join(tempDir(), 'trellis.sqlite');
    expect(trellis(['evidence', 'list', '--db', db]).code).not.toBe(0); // nothing made by a read
    const run = () =>
      trellis(['evidence', 'suggest', '--prs', prs, ...me, '--interactive', '--db', db], { input: 'a\na\n' });
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Added 2 entries');
    const second = run();
    expect(second.stdout).toContain('No new suggestions (2 already in the log).');
    const listed = JSON.parse(trellis(['evidence', 'list', '--db', db, '--json']).stdout) as {
      entries: { title: string }[];
    };
    expect(listed.entries.map((e) => e.title)).toEqual([
      'Add refunds endpoint',
      'Reviewed 1 pull request in acme/payments (May 2026)',
    ]);
  });
});

describe('bad input: a clear error, nothing stored', { timeout: 120_000 }, () => {
  it('without --author, or without records, is a usage error', () => {
    expect(trellis(['evidence', 'suggest', '--git', payments.dir]).code).toBe(2);
    expect(trellis(['evidence', 'suggest', '--author', 'ada@acme.example']).code).toBe(2);
  });

  it('a folder that is not a repository is named', () => {
    const r = trellis(['evidence', 'suggest', '--git', tempDir(), ...me]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a git repository/);
  });

  it('an export that is not one is located', () => {
    const dir = tempDir();
    const file = join(dir, 'prs.json');
    writeFileSync(file, '[\n  {"number": "seven", "title": "x"}\n]\n');
    const r = trellis(['evidence', 'suggest', '--prs', file, ...me]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2:14`);
  });
});
