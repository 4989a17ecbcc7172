import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrast } from '../../web/src/lib/contrast.js';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { callApi, startWebServer, watchedPage, webAppReady, type WebServer } from '../helpers/webapp.js';

/**
 * Charts and forms laid out so that nothing hides anything, at 1280 and 375 px, measured from the
 * boxes the browser drew: a stored earnings strategy that names a preset with overrides comes back
 * and is drawn; the paths' pay lines told apart by colour and dash with a legend; the T-shape's
 * threshold names over no bar; the radar's full competency names inside the chart; the IC-or-manager
 * statements inside their fieldsets' borders.
 */

const shots = join(resolve(import.meta.dirname, '../..'), '.screenshots');
if (!webAppReady && process.env.CI) throw new Error('e2e needs Chromium, web/dist and dist (npm run build)');

const temp = mkdtempSync(join(tmpdir(), 'trellis-chart-layout-e2e-'));
let server: WebServer;
let browser: Browser;
const errors: string[] = [];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;

const call = (method: string, path: string, body?: unknown) => callApi(server, method, path, body);

const newPage = (width: number) => watchedPage(browser, errors, width);

const scenario = {
  currency: 'USD',
  start: { salary: 150000 },
  years: 20,
  runs: 500,
  seed: 7,
  strategies: [
    { preset: 'stay-promoted' },
    { name: 'switch-every-4-modest', preset: 'switch-seed', switch: { every: 4, raise: [0.1, 0.2] } },
  ],
};

describe.skipIf(!webAppReady)('charts and forms that hide nothing, in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startWebServer(temp);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    await call('PUT', '/profile', {
      name: 'Alex Morgan',
      current: 'senior',
      specialisation: 'backend',
      yearsOfExperience: 7,
      skills: { backend: 4, infrastructure: 3, databases: 2, frontend: 1 },
    });
    await call('POST', '/scenarios', { name: 'Stay or switch', file: scenario });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
    rmSync(temp, { recursive: true, force: true });
    expect(errors).toEqual([]);
  }, 120_000);

  it('brings back a stored strategy that names a preset with overrides, draws it and saves it unchanged', async () => {
    const page = await newPage(1280);
    await page.goto(`${server.url}/earnings`);
    const outcomes = page.getByRole('region', { name: 'Outcomes by strategy' });
    await outcomes.getByRole('row').nth(2).waitFor({ timeout: 60_000 });
    expect(await outcomes.locator('tbody th').allInnerTexts()).toEqual([
      'stay-promoted',
      'switch-every-4-modest',
    ]);
    await expect
      .poll(() => page.locator('figure.chart').first().locator('.recharts-legend-item-text').allInnerTexts())
      .toEqual(['stay-promoted (median)', 'switch-every-4-modest (median)']);
    await expect
      .poll(() => page.locator('figure.chart').first().locator('.recharts-line path').count())
      .toBe(2);
    await expect(
      page
        .getByText('the preset switch-seed, with a switch every 4 years for 10–20%', { exact: false })
        .count(),
    ).resolves.toBe(1);
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const stored = (await call('GET', '/scenarios')) as { scenarios: { name: string; file: unknown }[] };
    expect(stored.scenarios).toEqual([expect.objectContaining({ name: 'Stay or switch', file: scenario })]);
    await page.close();
  }, 120_000);

  for (const width of [1280, 375]) {
    it(`tells the paths' pay lines apart by colour and dash, with a legend, at ${width} px`, async () => {
      const page = await newPage(width);
      await page.goto(`${server.url}/paths?from=senior&to=em`);
      const section = page.locator('section[aria-labelledby="pay-title"]');
      await section.locator('.recharts-line path').nth(1).waitFor();
      const lines = await section.locator('.recharts-line path').evaluateAll((paths) =>
        paths.map((p) => ({
          stroke: p.getAttribute('stroke') ?? '',
          dash: p.getAttribute('stroke-dasharray') ?? 'solid',
        })),
      );
      const background = await section.evaluate((s) => getComputedStyle(s).backgroundColor);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(new Set(lines.map((l) => l.stroke)).size).toBe(lines.length);
      expect(new Set(lines.map((l) => l.dash)).size).toBe(lines.length);
      for (const l of lines) expect(contrast(l.stroke, background)).toBeGreaterThanOrEqual(4.5);
      const legend = section.getByRole('list', { name: 'Paths drawn' });
      expect(await legend.getByRole('listitem').allInnerTexts()).toEqual(
        lines.map((_, i) => `Path ${i + 1}`),
      );
      const swatches = await legend.locator('line').evaluateAll((ls) =>
        ls.map((l) => ({
          stroke: l.getAttribute('stroke') ?? '',
          dash: l.getAttribute('stroke-dasharray') ?? 'solid',
        })),
      );
      expect(swatches).toEqual(lines);
      await section.screenshot({ path: join(shots, `path-pay-${width}.png`) });
      await page.close();
    }, 60_000);

    it(`puts the T-shape's threshold names over no bar, inside the chart, at ${width} px`, async () => {
      const page = await newPage(width);
      await page.goto(`${server.url}/learning`);
      const svg = page.locator('figure.chart .recharts-wrapper > svg.recharts-surface').first();
      await svg.locator('.recharts-bar-rectangle').first().waitFor();
      const svgBox = (await svg.boundingBox())!;
      const labels = await Promise.all(
        ['depth', 'breadth'].map(
          async (name) => (await svg.locator('text', { hasText: name }).boundingBox())!,
        ),
      );
      const bars = await svg
        .locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
      expect(bars.length).toBeGreaterThanOrEqual(3);
      for (const label of labels) {
        expect(inside(label, svgBox)).toBe(true);
        for (const bar of bars) expect(overlap(label, bar)).toBe(false);
      }
      expect(overlap(labels[0]!, labels[1]!)).toBe(false);
      // On a phone the bars lie down, so that the specialisations' names, written across, run into
      // none of each other (slanted at desktop width, their boxes overlap though their letters do not).
      if (width < 600) {
        const names = await svg
          .locator('text.tshape-name')
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
        expect(names.length).toBeGreaterThanOrEqual(3);
        for (const [i, a] of names.entries())
          for (const b of names.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      }
      await page
        .locator('figure.chart')
        .first()
        .screenshot({ path: join(shots, `tshape-${width}.png`) });
      await page.close();
    }, 60_000);

    it(`writes the radar's competency names out in full inside the chart at ${width} px`, async () => {
      const view = (await call('GET', '/framework')) as { competencies: { name: string }[] };
      const page = await newPage(width);
      await page.goto(`${server.url}/assessment`);
      await page.getByLabel('Level you hold now').selectOption('senior');
      const radios = page.locator('input[type=radio][value="3"]');
      await radios.first().waitFor();
      for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).check();
      const svg = page.locator('figure.chart .recharts-wrapper > svg.recharts-surface').first();
      await svg.locator('.recharts-polar-angle-axis-tick text').first().waitFor();
      const svgBox = (await svg.boundingBox())!;
      const labels = await svg.locator('.recharts-polar-angle-axis-tick text').evaluateAll((ts) =>
        ts.map((t) => ({
          text: [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' '),
          box: t.getBoundingClientRect().toJSON() as Box,
        })),
      );
      expect(labels.map((l) => l.text).sort()).toEqual(view.competencies.map((c) => c.name).sort());
      for (const l of labels) {
        expect(l.text).not.toContain('…');
        expect({ label: l.text, inside: inside(l.box, svgBox) }).toEqual({ label: l.text, inside: true });
      }
      for (const [i, a] of labels.entries())
        for (const b of labels.slice(i + 1))
          expect({ pair: [a.text, b.text], overlap: overlap(a.box, b.box) }).toEqual({
            pair: [a.text, b.text],
            overlap: false,
          });
      await page
        .locator('figure.chart')
        .first()
        .screenshot({ path: join(shots, `radar-${width}.png`) });
      await page.close();
    }, 60_000);

    it(`keeps every statement's legend inside its fieldset's border at ${width} px`, async () => {
      const page = await newPage(width);
      await page.goto(`${server.url}/fit`);
      await page.locator('fieldset legend').first().waitFor();
      const boxes = await page.locator('form fieldset').evaluateAll((sets) =>
        sets.map((f) => {
          const border = parseFloat(getComputedStyle(f).borderTopWidth);
          const outer = f.getBoundingClientRect();
          const legend = f.querySelector('legend')!.getBoundingClientRect();
          return {
            text: f.querySelector('legend')!.textContent,
            lines: Math.round(
              legend.height / parseFloat(getComputedStyle(f.querySelector('legend')!).lineHeight),
            ),
            inside:
              legend.top >= outer.top + border &&
              legend.left >= outer.left + border &&
              legend.right <= outer.right - border &&
              legend.bottom <= outer.bottom - border,
          };
        }),
      );
      expect(boxes).toHaveLength(15);
      // Some statements take two lines or more at each width: the case that crossed the border.
      expect(boxes.some((b) => b.lines >= 2)).toBe(true);
      expect(boxes.filter((b) => !b.inside).map((b) => b.text)).toEqual([]);
      await page.screenshot({ path: join(shots, `fit-legends-${width}.png`) });
      await page.close();
    }, 60_000);
  }
});
