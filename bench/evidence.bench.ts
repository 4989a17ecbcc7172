// `evidence suggest` over a generated history of 100,000 commits (four authors, a monorepo of
// twelve areas, a ticket in one commit of ten), against git alone listing the same history.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suggestEvidence } from '../src/core/evidence/suggest/suggest.js';
import { loadFrameworkOrThrow } from '../src/core/framework/load.js';
import { readFileSync } from 'node:fs';
import { readGitHistory } from '../src/store/git.js';

const COMMITS = 100_000;
const TARGET_MS = 10_000;
const AUTHORS = ['ada@acme.example', 'bob@acme.example', 'cy@acme.example', 'di@acme.example'];
const AREAS = [
  'services/billing',
  'services/webhooks',
  'apps/web',
  'apps/admin',
  'docs',
  'infra',
  'packages/ui',
  'packages/sdk',
  'lib',
  'cmd/cli',
  'migrations',
  'tests',
];

/** A fast-import stream: one commit an hour, each touching one file of one area. */
function history(): string {
  const parts: string[] = [];
  const start = Date.UTC(2020, 0, 1) / 1000;
  for (let i = 1; i <= COMMITS; i++) {
    const email = AUTHORS[i % AUTHORS.length]!;
    const area = AREAS[(i * 7) % AREAS.length]!;
    const message = `${i % 10 === 0 ? `PAY-${i % 500} ` : ''}Change ${area} (${i})\n`;
    const content = `${i}\n`;
    const stamp = `${start + i * 3600} +0000`;
    parts.push(
      'commit refs/heads/main',
      `mark :${i}`,
      `author Dev <${email}> ${stamp}`,
      `committer Dev <${email}> ${stamp}`,
      `data ${Buffer.byteLength(message)}`,
      message + (i > 1 ? `from :${i - 1}` : ''),
      `M 100644 inline ${area}/file${i % 50}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content,
    );
  }
  return `${parts.join('\n')}\n`;
}

function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  return work().then((value) => ({ ms: performance.now() - start, value }));
}

export default async function (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-bench-git-'));
  try {
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    const made = performance.now();
    const imported = spawnSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: history() });
    if (imported.status !== 0) throw new Error(imported.stderr.toString());
    console.log(
      `  generated ${COMMITS.toLocaleString('en')} commits in ${((performance.now() - made) / 1000).toFixed(1)} s`,
    );

    const baseline = await time(
      async () =>
        execFileSync('git', ['-C', dir, 'log', '--name-status', '--format=%H'], { maxBuffer: 1 << 30 })
          .length,
    );
    const framework = loadFrameworkOrThrow(
      readFileSync(join(import.meta.dirname, '..', 'frameworks', 'reference.yaml'), 'utf8'),
      'reference.yaml',
    );
    const subject = await time(async () => {
      const commits = await readGitHistory(dir, { authors: ['ada@acme.example'] });
      return {
        commits: commits.length,
        pieces: suggestEvidence({ framework, commits, pulls: [], authors: ['ada@acme.example'] }).length,
      };
    });
    console.log(`  git log --name-status alone           ${baseline.ms.toFixed(0).padStart(7)} ms`);
    console.log(
      `  suggest for one author (${subject.value.commits.toLocaleString('en')} commits → ${subject.value.pieces.toLocaleString('en')} pieces) ${subject.ms.toFixed(0).padStart(7)} ms`,
    );
    console.log(
      `  ratio to baseline: ${(subject.ms / baseline.ms).toFixed(2)}×  ${subject.ms <= TARGET_MS ? 'meets' : 'MISSES'} target < ${TARGET_MS} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
