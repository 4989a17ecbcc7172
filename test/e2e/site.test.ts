import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { repoRoot, samples, tempDir, trellis } from '../helpers/cli.js';

/**
 * The static site of `framework render --format html` in a real browser: axe finds no
 * accessibility violation on the index, a level, a competency and the changes page, and each page
 * is photographed at a desktop and a phone width into /tmp/site-shots/ to be looked at.
 */

const shots = '/tmp/site-shots';
const ready = existsSync(chromiumPath);
if (!ready && process.env.CI) throw new Error(`the site test needs ${chromiumPath}`);

let browser: Browser;
let page: Page;
const sites: Record<string, string> = {};

function render(name: string, args: string[]): string {
  const dir = join(tempDir(), name);
  const r = trellis(['framework', 'render', ...args, '--format', 'html', '-o', dir]);
  expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^wrote .* \(\d+ files\)\n$/)]);
  return dir;
}

beforeAll(async () => {
  const ladder = join(repoRoot, 'examples');
  sites.ladder = render('ladder', [
    join(ladder, 'ladder-v1.1.yaml'),
    '--previous',
    join(ladder, 'ladder.yaml'),
  ]);
  const ft = join(tempDir(), 'ft.yaml');
  const imported = trellis([
    'framework',
    'import',
    '--from',
    'ft',
    join(samples, 'ft', 'job-families', 'engineering.yml'),
    '-o',
    ft,
  ]);
  expect(imported.code).toBe(0);
  sites.ft = render('ft', [ft]);
  if (!ready) return;
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function violations(site: string, file: string): Promise<string[]> {
  await page.goto(pathToFileURL(join(sites[site]!, file)).href);
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    return run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

async function photograph(site: string, file: string): Promise<void> {
  const name = `${site}-${file.replace(/[/.]/g, '-')}`;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(pathToFileURL(join(sites[site]!, file)).href);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(wide, `${file} is wider than ${width} px`).toBe(false);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
  }
}

describe('the published site', () => {
  it('is plain HTML and CSS: no script anywhere, every page linked to the stylesheet', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
      );
    const all = files(sites.ladder!);
    expect(all.map((f) => f.slice(sites.ladder!.length + 1)).sort()).toEqual([
      'changes.html',
      'competencies/craft.html',
      'competencies/people.html',
      'index.html',
      'levels/engineer.html',
      'levels/manager.html',
      'levels/senior.html',
      'style.css',
    ]);
    for (const file of all.filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
      expect(text).toContain('style.css"');
    }
  });

  it.skipIf(!ready)(
    'passes axe on the index, a level, a competency and the changes page, at 1280 and 390 px',
    async () => {
      for (const [site, file] of [
        ['ladder', 'index.html'],
        ['ladder', 'levels/senior.html'],
        ['ladder', 'competencies/craft.html'],
        ['ladder', 'changes.html'],
        ['ft', 'index.html'],
        ['ft', 'levels/senior-2-pm.html'],
        ['ft', 'competencies/technical.html'],
      ] as const) {
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          expect(await violations(site, file), `${site} ${file} at ${width} px`).toEqual([]);
        }
        await photograph(site, file);
      }
    },
    300_000,
  );
});
