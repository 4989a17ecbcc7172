// The web app as a browser meets it: the bytes actually sent (compressed, as the server sends them)
// and the time until a page shows its real content (not "Loading…"), for every page, each beside a
// blank page served by the same server in the same run. Also the first load of each route from the
// built manifest. Needs `npm run build` and /usr/bin/chromium.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, chromiumPath } from '../test/helpers/chromium.js';
import { chromium, type Browser, type Response } from 'playwright-core';
import { buildServer } from '../src/server/app.js';
import { Workspace } from '../src/store/workspace.js';

const dist = resolve(import.meta.dirname, '../web/dist');
const RUNS = 5;
/** JavaScript on the wire for the first load of `/`. */
const BUDGET_KB = 120;
/** Real content on every page, median on localhost. */
const CONTENT_MS = 500;
/** Stop measuring after this long, whatever is left: a benchmark must not hang a run. */
const TIME_LIMIT_MS = 240_000;

/** Every page of the app, by its address. */
const PAGES = ['/', '/assessment', '/evidence', '/paths', '/fit', '/offers', '/earnings', '/learning'];

interface Chunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** What the server sends for a built file to a browser that accepts brotli: its `.br` copy when there is one. */
function sentSize(file: string): number {
  const path = join(dist, file);
  return statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
}

function bundleSizes(): void {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  // A chunk and everything it imports statically: what must arrive before it runs.
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) closure(next, seen);
    return seen;
  };
  const total = (keys: Set<string>) => [...keys].reduce((sum, key) => sum + sentSize(manifest[key]!.file), 0);
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const shell = closure(entry);
  console.log(`  app shell (router, data fetching, React)  ${kb(total(shell)).padStart(10)} brotli`);
  const pages = Object.keys(manifest).filter(
    (key) => manifest[key]!.isDynamicEntry && key.includes('/pages/'),
  );
  for (const key of pages.sort()) {
    const size = total(new Set([...shell, ...closure(key)]));
    console.log(
      `  ${key.replace(/^.*\/pages\//, '').padEnd(40)} ${kb(size).padStart(10)} brotli, first load`,
    );
  }
}

interface Visit {
  /** ms from navigation to the page's real content. */
  contentMs: number;
  /** ms until every chart of the first view is drawn too (charts load after the content). */
  chartsMs: number;
  /** Bytes on the wire: every answer's headers and (compressed) body. */
  bytes: number;
  /** Of which JavaScript bodies. */
  scriptBytes: number;
  requests: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A first visit (fresh context, nothing cached) until the page shows its content. */
async function visit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses: Response[] = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(url);
  // Real content: a heading in the page's main region and nothing left saying it is loading.
  const ready = await page.waitForFunction(
    () =>
      document.querySelector('main h1') !== null &&
      document.querySelector('.loading, .progress') === null &&
      performance.now(),
    undefined,
    { polling: 'raf' },
  );
  const contentMs = (await ready.jsonValue()) as number;
  // A page whose first view has no chart waiting to be drawn has its charts, if any, at its content.
  const waiting = await page.evaluate(() => document.querySelector('.chart-placeholder') !== null);
  const chartsMs = waiting
    ? ((await (
        await page.waitForFunction(
          () => document.querySelector('.chart-placeholder') === null && performance.now(),
          undefined,
          { polling: 'raf' },
        )
      ).jsonValue()) as number)
    : contentMs;
  let bytes = 0;
  let scriptBytes = 0;
  for (const response of responses) {
    const sizes = await response.request().sizes();
    bytes += sizes.responseHeadersSize + sizes.responseBodySize;
    if (response.request().resourceType() === 'script') scriptBytes += sizes.responseBodySize;
  }
  await context.close();
  return { contentMs, chartsMs, bytes, scriptBytes, requests: responses.length };
}

async function pageTimings(): Promise<void> {
  // A copy of the built app with a blank page beside it, served by the real server over a temporary workspace.
  const temp = mkdtempSync(join(tmpdir(), 'trellis-bench-web-'));
  const root = join(temp, 'web');
  cpSync(dist, root, { recursive: true });
  writeFileSync(
    join(root, 'blank.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><main><h1>blank</h1></main></body></html>',
  );
  const workspace = await Workspace.open(join(temp, 'db.sqlite'));
  const app = await buildServer({ workspace, webRoot: root });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const started = Date.now();
  try {
    const series = async (path: string) => {
      const runs: Visit[] = [];
      for (let i = 0; i < RUNS && (i === 0 || Date.now() - started < TIME_LIMIT_MS); i++)
        runs.push(await visit(browser, base + path));
      return {
        contentMs: median(runs.map((r) => r.contentMs)),
        chartsMs: median(runs.map((r) => r.chartsMs)),
        bytes: median(runs.map((r) => r.bytes)),
        scriptBytes: median(runs.map((r) => r.scriptBytes)),
        requests: median(runs.map((r) => r.requests)),
        runs: runs.length,
      };
    };
    const blank = await series('/blank.html');
    console.log(
      `  ${'blank page'.padEnd(12)} content ${blank.contentMs.toFixed(0).padStart(5)} ms  sent ${kb(blank.bytes).padStart(9)} in ${blank.requests} requests  (median of ${blank.runs}, baseline)`,
    );
    const misses: string[] = [];
    for (const path of PAGES) {
      const t = await series(path);
      const charts = t.chartsMs > t.contentMs ? `, charts ${t.chartsMs.toFixed(0)} ms` : '';
      console.log(
        `  ${path.padEnd(12)} content ${t.contentMs.toFixed(0).padStart(5)} ms${charts}  sent ${kb(t.bytes).padStart(9)} in ${t.requests} requests, ${kb(t.scriptBytes)} of it JavaScript  (median of ${t.runs}; ${(t.contentMs / blank.contentMs).toFixed(2)}× the blank page's time, ${(t.bytes / blank.bytes).toFixed(0)}× its bytes)`,
      );
      if (t.contentMs > CONTENT_MS) misses.push(`${path} content after ${t.contentMs.toFixed(0)} ms`);
      if (path === '/' && t.scriptBytes / 1024 > BUDGET_KB)
        misses.push(`/ sends ${kb(t.scriptBytes)} of JavaScript`);
    }
    console.log(
      misses.length === 0
        ? `  meets targets: content < ${CONTENT_MS} ms on every page, JavaScript for / ≤ ${BUDGET_KB} KB on the wire`
        : `  MISSES targets (content < ${CONTENT_MS} ms, JavaScript for / ≤ ${BUDGET_KB} KB): ${misses.join('; ')}`,
    );
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
