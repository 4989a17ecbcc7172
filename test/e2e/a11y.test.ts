import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrast } from '../../web/src/lib/contrast.js';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { tempDir } from '../helpers/cli.js';
import { startWebServer, webAppReady, type WebServer } from '../helpers/webapp.js';

/**
 * Every personal page in Chromium at 1280 and 375 px: no critical or serious axe-core violation;
 * every text of every chart (ticks, labels, legends, the lattice map) at 4.5:1 or better against
 * what it is drawn on, measured from the colours the browser computed, since axe does not look at
 * SVG text; every scrolling box reachable by keyboard and labelled or holding something focusable;
 * and no word broken in the middle. Screenshots go under test/artifacts/.
 */

const shots = join(resolve(import.meta.dirname, '../..'), 'test/artifacts');
if (!webAppReady && process.env.CI)
  throw new Error('e2e needs Chromium, web/dist and dist (run npm run build)');

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  if (!webAppReady) return;
  mkdirSync(shots, { recursive: true });
  server = await startWebServer(tempDir());
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** Every personal page, with what brings its charts out. */
const pages: { name: string; path: string; prepare?: (page: Page) => Promise<unknown>; charts?: boolean }[] =
  [
    { name: 'ladder', path: '/?level=staff' },
    { name: 'lattice', path: '/lattice?node=senior' },
    {
      name: 'assessment',
      path: '/assessment',
      charts: true,
      prepare: async (page) => {
        await page.getByLabel('Level you hold now').selectOption('senior');
        const radios = page.locator('input[type=radio][value="3"]');
        await radios.first().waitFor();
        for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).check();
      },
    },
    { name: 'evidence', path: '/evidence' },
    {
      name: 'paths',
      path: '/paths?from=senior&to=em',
      charts: true,
      prepare: (page) => page.getByRole('list', { name: 'Paths, best first' }).waitFor(),
    },
    { name: 'fit', path: '/fit' },
    {
      name: 'offers',
      path: '/offers',
      charts: true,
      prepare: (page) => page.getByRole('button', { name: 'Start from the example' }).click(),
    },
    { name: 'earnings', path: '/earnings', charts: true },
    // Its chart needs a saved assessment: its colours are the T-shape chart's, checked in the layout test's data.
    { name: 'learning', path: '/learning' },
  ];

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    return run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Each distinct text colour drawn in a chart's SVG or in its legend, with the background it sits
 * on: the first opaque background of its ancestors, or the fill of a box it is drawn inside.
 */
function chartText(page: Page) {
  return page.evaluate(() => {
    const backgroundOf = (e: Element): string => {
      for (let p: Element | null = e; p; p = p.parentElement) {
        const bg = getComputedStyle(p).backgroundColor;
        if (bg && bg !== 'transparent' && !bg.endsWith(', 0)')) return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const found: { text: string; colour: string; background: string; where: string }[] = [];
    const charts = document.querySelectorAll('figure.chart, figure.lattice-map');
    charts.forEach((figure, i) => {
      figure.querySelectorAll('svg text, .recharts-legend-item-text').forEach((t) => {
        if (!t.textContent?.trim() || t.getBoundingClientRect().width === 0) return;
        const style = getComputedStyle(t);
        const svgText = t instanceof SVGElement;
        let colour = svgText ? style.fill : style.color;
        if (colour === 'none') return;
        if (Number(style.opacity) < 1) colour = `faded ${colour}`;
        // Text inside a drawn box (a map node's badge) sits on that box's fill.
        const box = t.parentElement?.querySelector(':scope > rect, :scope > circle');
        const background = box ? getComputedStyle(box).fill : backgroundOf(figure);
        found.push({ text: t.textContent.trim().slice(0, 30), colour, background, where: `chart ${i + 1}` });
      });
    });
    return found;
  });
}

/** Scrolling boxes a keyboard cannot reach: neither focusable themselves nor holding anything focusable. */
function unreachableScrollers(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((e) => {
        const style = getComputedStyle(e);
        const scrolls =
          (/(auto|scroll)/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1) ||
          (/(auto|scroll)/.test(style.overflowY) && e.scrollHeight > e.clientHeight + 1);
        if (!scrolls) return false;
        const focusable = (e as HTMLElement).tabIndex >= 0;
        const labelled = e.getAttribute('role') === 'region' && !!e.getAttribute('aria-label');
        return (
          !(focusable && labelled) &&
          !e.querySelector('a[href], button, input, select, textarea, [tabindex="0"]')
        );
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
}

/** Words of letters drawn on two lines: a mid-word break ("Distinguish|ed"). */
function brokenWords(page: Page) {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (node.parentElement?.closest('svg, option, select, .visually-hidden')) continue;
      for (const match of text.matchAll(/[A-Za-z]{4,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

describe.skipIf(!webAppReady)('every personal page, accessible at 1280 and 375 px', () => {
  for (const width of [1280, 375]) {
    it(`passes axe, keeps chart text at 4.5:1 and scrolling boxes reachable at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const route of pages) {
        await page.goto(server.url + route.path);
        await page.locator('main h1').waitFor();
        await route.prepare?.(page);
        if (route.charts)
          await page
            .locator('figure.chart svg')
            .first()
            .waitFor({ timeout: 15_000 })
            .catch(() => problems.push(`${route.name} at ${width}: no chart drawn`));
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const at = `${route.name} at ${width}`;
        problems.push(...(await seriousViolations(page)).map((v) => `${at}: ${v}`));
        for (const t of await chartText(page)) {
          const ratio = t.colour.startsWith('faded') ? 0 : contrast(t.colour, t.background);
          if (ratio < 4.5)
            problems.push(
              `${at}, ${t.where}: "${t.text}" ${t.colour} on ${t.background} is ${ratio.toFixed(2)}:1`,
            );
        }
        problems.push(...(await unreachableScrollers(page)).map((s) => `${at}: ${s} scrolls out of reach`));
        if (width === 375)
          problems.push(...(await brokenWords(page)).map((w) => `${at}: "${w}" broken mid-word`));
        await page.screenshot({ path: join(shots, `a11y-${route.name}-${width}.png`), fullPage: true });
      }
      expect([...new Set(problems)]).toEqual([]);
      await context.close();
    }, 240_000);
  }
});
