import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkCommit } from '../../src/core/evidence/suggest/records.js';
import { suggestEvidence } from '../../src/core/evidence/suggest/suggest.js';
import { evidenceEntrySchema } from '../../src/core/evidence/schema.js';
import { entryOf } from '../../src/core/evidence/suggest/suggest.js';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import { repoRoot } from '../helpers/cli.js';

const framework = loadFrameworkOrThrow(
  readFileSync(join(repoRoot, 'frameworks', 'reference.yaml'), 'utf8'),
  'reference.yaml',
);
const people = ['ada@acme.example', 'ADA@acme.example', 'ada@acme.example.org', 'bob@acme.example'];

const commit = fc.record({
  repository: fc.constantFrom('acme/payments', 'acme/web', 'tools'),
  sha: fc.stringMatching(/^[0-9a-f]{40}$/),
  authorEmail: fc.constantFrom(...people),
  date: fc
    // Days already past: an entry is never dated in the future.
    .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 10, 30) })
    .map((ms) => new Date(ms).toISOString()),
  subject: fc.constantFrom(
    'Fix the flaky test',
    'PAY-42 Round totals',
    'Add invoice schema',
    'Tidy up',
    'Write the runbook',
  ),
  body: fc.constantFrom('', 'Postmortem follow-up.', 'Refs PAY-7'),
  parents: fc.constant(['0'.repeat(40)]),
  files: fc.array(
    fc.record({
      path: fc.constantFrom(
        'docs/a.md',
        'services/billing/x.ts',
        'apps/web/y.tsx',
        'migrations/1.sql',
        'README.md',
      ),
    }),
    { maxLength: 4 },
  ),
}) as fc.Arbitrary<WorkCommit>;

describe('suggestions from any history', () => {
  it('every commit of the person is in exactly one piece, nobody else’s in any, and each becomes a valid entry', () => {
    fc.assert(
      fc.property(fc.uniqueArray(commit, { selector: (c) => c.sha, maxLength: 60 }), (commits) => {
        const suggestions = suggestEvidence({ framework, commits, pulls: [], authors: ['ada@acme.example'] });
        const mine = commits.filter((c) => c.authorEmail.toLowerCase() === 'ada@acme.example');
        expect(suggestions.reduce((sum, s) => sum + s.basis.commits, 0)).toBe(mine.length);
        expect(new Set(suggestions.map((s) => s.source)).size).toBe(suggestions.length);
        for (const suggestion of suggestions) {
          expect(evidenceEntrySchema.safeParse(entryOf(suggestion)).success).toBe(true);
          expect(['self', 'team', 'multi-team']).toContain(suggestion.scope);
        }
      }),
      { numRuns: 200 },
    );
  });
});
