// Hostile inputs against a real server process and the real command line: each answered in under
// 1 s (a command: past its start-up), peak memory under 300 MB, against a trivial valid request (and
// `trellis --version`) in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adversarial } from './adversarial.js';
import { serve } from './serve.js';

const MAX_MS = 1000;
const MAX_MB = 300;
const binary = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');

/** The peak resident memory of a live process so far, in MB (Linux). */
function peakMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** One figure: its time, its ratio to the baseline, and the target, met or missed, on `workMs`. */
function line(name: string, ms: number, baselineMs: number, extra: string, workMs = ms): void {
  console.log(
    `  ${name.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / baselineMs).toFixed(1).padStart(7)}× baseline  ` +
      `${workMs < MAX_MS ? 'meets' : 'MISSES'} < ${MAX_MS} ms${workMs === ms ? '' : ` (${workMs.toFixed(0)} ms past start-up)`}  ${extra}`,
  );
}

export default async function bench(): Promise<void> {
  const server = await serve(['trellis']);
  const bodies: [string, string, string][] = [
    ...Object.entries(adversarial.aliasBombs).map(
      ([name, yaml]) =>
        [`alias bomb ${name}`, '/api/frameworks', JSON.stringify({ source: yaml })] as [
          string,
          string,
          string,
        ],
    ),
    ['JSON nested 100,000 deep (200 KB)', '/api/assess', adversarial.deepJson(100_000, 'ratings')],
    [
      'YAML nested 400,000 deep (800 KB)',
      '/api/frameworks',
      JSON.stringify({ source: adversarial.deepYaml(400_000) }),
    ],
    ['100,000 unknown answers (850 KB)', '/api/fit', adversarial.wideObject(100_000, 'answers')],
    ['a 900 KB title', '/api/evidence', JSON.stringify({ date: '2024-01-01', title: 'x'.repeat(900_000) })],
    ['100,000 empty entries (import, 300 KB)', '/api/import', adversarial.emptyEntries(100_000)],
    ['1,000,000 empty entries (import, 3 MB)', '/api/import', adversarial.emptyEntries(1_000_000)],
    ['1,000,000 settings keys (import, 9 MB)', '/api/import', adversarial.wideImport(1_000_000)],
    ['a valid import of 50,000 entries (15 MB)', '/api/import', adversarial.largeExport(50_000, 160)],
    [
      'an import over the body limit (17 MB)',
      '/api/import',
      adversarial
        .largeExport(50_000, 160)
        .replace('"settings":{}', `"settings":{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`),
    ],
  ];
  try {
    const time = async (path: string, body?: string) => {
      const started = performance.now();
      const response = await fetch(`${server.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
      });
      await response.text();
      return { ms: performance.now() - started, status: response.status };
    };
    for (let i = 0; i < 5; i++) await time('/api/health');
    const baseline = (await time('/api/health')).ms;
    console.log(`  baseline: GET /api/health ${baseline.toFixed(1)} ms`);
    for (const [name, path, body] of bodies) {
      const { ms, status } = await time(path, body);
      line(`${name} → ${status}`, ms, baseline, `server peak ${peakMb(server.pid).toFixed(0)} MB`);
    }
    const peak = peakMb(server.pid);
    console.log(
      `  server peak memory ${peak.toFixed(0)} MB  ${peak < MAX_MB ? 'meets' : 'MISSES'} < ${MAX_MB} MB`,
    );
  } finally {
    await server.stop();
  }

  // The command line on files up to 10 MB, each in its own process; peak memory from /usr/bin/time.
  const dir = mkdtempSync(join(tmpdir(), 'trellis-adversarial-'));
  try {
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const cli = (args: string[]) => {
      const started = performance.now();
      const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, binary, ...args], {
        encoding: 'utf8',
      });
      const ms = performance.now() - started;
      const kb = Number(result.stderr.trim().split('\n').at(-1));
      return { ms, code: result.status, mb: kb / 1024 };
    };
    // The target is on the work a command does past the program's own start (`--version`): the
    // start-up, loading the program's modules, is the same for every command.
    const base = cli(['--version']);
    console.log(`  baseline: trellis --version ${base.ms.toFixed(0)} ms, ${base.mb.toFixed(0)} MB`);
    const runs: [string, string[]][] = [
      [
        'framework validate: alias bomb',
        ['framework', 'validate', file('bomb.yaml', adversarial.aliasBombs['right after a colon'])],
      ],
      [
        'framework validate: 1,000,000 deep (2 MB)',
        ['framework', 'validate', file('deep.yaml', adversarial.deepYaml(1_000_000))],
      ],
      [
        'framework validate: 9.5 MB of mistakes',
        ['framework', 'validate', file('wrong.yaml', adversarial.wrongFramework(9.5 * 1024 * 1024))],
      ],
      [
        'framework validate: 170,000 unknown fields (9.5 MB)',
        ['framework', 'validate', file('wide.yaml', adversarial.wideFramework(9.5 * 1024 * 1024))],
      ],
      [
        'framework validate: 11 MB (over the limit)',
        ['framework', 'validate', file('huge.yaml', `# ${'x'.repeat(11 * 1024 * 1024)}\n`)],
      ],
      [
        'offers compare: alias bomb',
        ['offers', 'compare', file('offers.yaml', adversarial.aliasBombs['as merge keys'])],
      ],
      [
        'import: 1,000,000 empty entries (3 MB)',
        ['import', file('export.json', adversarial.emptyEntries(1_000_000)), '--db', join(dir, 'w.sqlite')],
      ],
      [
        'import: 100,000 empty entries (300 KB)',
        ['import', file('empty.json', adversarial.emptyEntries(100_000)), '--db', join(dir, 'w.sqlite')],
      ],
      [
        'import: a valid export of 30,000 entries (10 MB)',
        ['import', file('valid.json', adversarial.largeExport(30_000, 190)), '--db', join(dir, 'w.sqlite')],
      ],
    ];
    for (const [name, args] of runs) {
      const { ms, code, mb } = cli(args);
      line(
        `${name} → exit ${code}`,
        ms,
        base.ms,
        `peak ${mb.toFixed(0)} MB ${mb < MAX_MB ? 'meets' : 'MISSES'} < ${MAX_MB} MB`,
        Math.max(0, ms - base.ms),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
