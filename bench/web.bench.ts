// The web app: gzipped JavaScript per route from the built manifest, and first contentful paint and
// time to interactive for `/` and `/offers` in headless Chromium, each beside a blank page served
// by the same server in the same run. Needs `npm run build` and /usr/bin/chromium.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, chromiumPath } from '../test/helpers/chromium.js';
import { chromium } from 'playwright-core';
import { buildServer } from '../src/server/app.js';
import { Workspace } from '../src/store/workspace.js';

const dist = resolve(import.meta.dirname, '../web/dist');
const RUNS = 5;
const BUDGET_KB = 250;
/** Stop measuring after this long, whatever is left: a benchmark must not hang a run. */
const TIME_LIMIT_MS = 90_000;

interface Chunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function bundleSizes(): void {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  const gz = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gz.get(file);
    if (size === undefined) gz.set(file, (size = gzipSync(readFileSync(join(dist, file))).length));
    return size;
  };
  // A chunk and everything it imports statically: what must arrive before it runs.
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) closure(next, seen);
    return seen;
  };
  const total = (keys: Set<string>) => [...keys].reduce((sum, key) => sum + sizeOf(manifest[key]!.file), 0);
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const shell = closure(entry);
  const shellSize = total(shell);
  console.log(
    `  app shell (router, data fetching, React)  ${kb(shellSize).padStart(10)} gzipped  (baseline)`,
  );
  const pages = Object.entries(manifest).filter(
    ([key, chunk]) => chunk.isDynamicEntry && key.includes('/pages/'),
  );
  for (const [key, chunk] of pages.sort()) {
    const route = new Set([...shell, ...closure(key)]);
    const size = total(route);
    const lazy = (chunk.dynamicImports ?? []).map(
      (k) => `${manifest[k]?.name ?? k} +${kb(total(closure(k, new Set(route))) - size)}`,
    );
    const name = key.replace(/^.*\/pages\//, '').replace(/\.tsx$/, '');
    console.log(
      `  ${name.padEnd(40)} ${kb(size).padStart(10)} gzipped  ${(size / shellSize).toFixed(2)}× shell` +
        (lazy.length > 0 ? `; later: ${lazy.join(', ')}` : ''),
    );
    if (name === 'Ladder')
      console.log(
        `  initial JS for /: ${kb(size)}: ${size / 1024 <= BUDGET_KB ? 'meets' : 'MISSES'} budget ≤ ${BUDGET_KB} KB`,
      );
  }
}

interface Timing {
  fcp: number;
  tti: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function pageTimings(): Promise<void> {
  // A copy of the built app with a blank page beside it, served by the real server over a temporary workspace.
  const temp = mkdtempSync(join(tmpdir(), 'trellis-bench-web-'));
  const root = join(temp, 'web');
  cpSync(dist, root, { recursive: true });
  writeFileSync(
    join(root, 'blank.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><h1>blank</h1></body></html>',
  );
  const workspace = await Workspace.open(join(temp, 'db.sqlite'));
  const app = await buildServer({ workspace, webRoot: root });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  const started = Date.now();
  try {
    const time = async (path: string, ready: string): Promise<Timing> => {
      // A fresh context each run: a first visit, nothing cached.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(base + path);
      // Interactive: the page's own content has rendered, which in this app happens after its data and handlers are in place.
      await page.waitForSelector(ready);
      const timing = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        tti: performance.now(),
      }));
      await context.close();
      return timing;
    };
    const series = async (path: string, ready: string) => {
      const runs: Timing[] = [];
      for (let i = 0; i < RUNS && Date.now() - started < TIME_LIMIT_MS; i++)
        runs.push(await time(path, ready));
      return { fcp: median(runs.map((r) => r.fcp)), tti: median(runs.map((r) => r.tti)), runs: runs.length };
    };
    const blank = await series('/blank.html', 'h1');
    console.log(
      `  blank page  FCP ${blank.fcp.toFixed(0).padStart(5)} ms  interactive ${blank.tti.toFixed(0).padStart(5)} ms  (median of ${blank.runs}, baseline)`,
    );
    for (const [path, ready] of [
      ['/', '.ladder .level-card'],
      ['/offers', 'main h1'],
    ] as const) {
      const t = await series(path, ready);
      console.log(
        `  ${path.padEnd(10)}  FCP ${t.fcp.toFixed(0).padStart(5)} ms  interactive ${t.tti.toFixed(0).padStart(5)} ms  (median of ${t.runs}; ${(t.fcp / blank.fcp).toFixed(2)}× and ${(t.tti / blank.tti).toFixed(2)}× the blank page)`,
      );
    }
  } finally {
    await browser.close();
    await app.close();
    await workspace.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

export default async function webBench(): Promise<void> {
  if (!existsSync(join(dist, '.vite/manifest.json'))) {
    console.log('  skipped: build the app first (npm run build)');
    return;
  }
  bundleSizes();
  if (!existsSync(chromiumPath)) {
    console.log(`  page timings skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
    return;
  }
  await pageTimings();
}
