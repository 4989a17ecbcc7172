import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs } from '../helpers/chromium.js';
import { tempDir } from '../helpers/cli.js';
import { chromiumPath } from '../helpers/chromium.js';
import { startWebServer, webAppReady, type WebServer } from '../helpers/webapp.js';

/**
 * The lattice map and the pages on a phone, in Chromium against the built server: the map by
 * keyboard, its text alternative, the path of the Paths page on it, focus moving to a chosen level,
 * and the assessment's verdict in view at 375 px. Screenshots go under test/artifacts/.
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

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('close', () => expect(errors).toEqual([]));
  await page.goto(server.url + path);
  await page.locator('main h1').waitFor();
  return page;
}

const focusedNode = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? document.activeElement?.tagName);

/** The focused element's box against the viewport: whether it is wholly in view. */
const inView = (page: Page, selector?: string) =>
  page.evaluate((s) => {
    const e = s ? document.querySelector(s) : document.activeElement;
    if (!e) return false;
    const r = e.getBoundingClientRect();
    // A pixel of slack: scrolling to an element may leave it a fraction of a pixel above the top.
    return r.top >= -1 && r.left >= -1 && r.top < window.innerHeight && r.right <= window.innerWidth + 1;
  }, selector);

describe.skipIf(!webAppReady)('the lattice map and the pages on a phone', () => {
  it('moves between neighbours with the arrow keys, one tab stop for the whole map, and Enter opens', async () => {
    const page = await open('/lattice');
    const map = page.getByRole('group', { name: /^The lattice of/ });
    await map.waitFor();
    expect(await page.locator('.lattice-node').count()).toBe(15);
    expect(await page.locator('.lattice-node[tabindex="0"]').count()).toBe(1);
    // The scrolling region is reachable by Tab, and the next Tab lands on the map's one node in the tab order.
    await page.getByRole('region', { name: 'The lattice map' }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedNode(page)).toBe('junior');
    await page.keyboard.press('ArrowUp');
    expect(await focusedNode(page)).toBe('mid');
    await page.keyboard.press('ArrowUp');
    expect(await focusedNode(page)).toBe('senior');
    await page.keyboard.press('ArrowRight');
    expect(await focusedNode(page)).toBe('tech-lead');
    await page.keyboard.press('ArrowUp');
    expect(await focusedNode(page)).toBe('em');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedNode(page)).toBe('staff');
    // The roving tab stop follows focus.
    expect(await page.locator('.lattice-node[tabindex="0"]').getAttribute('data-id')).toBe('staff');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Staff engineer' }).waitFor();
    expect(page.url()).toContain('node=staff');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('level-panel'))).toBe(true);
    // A role opens its own panel.
    await page.locator('.lattice-node[data-id="pm"]').click();
    await page.getByRole('heading', { level: 2, name: 'Product manager' }).waitFor();
    await page.screenshot({ path: join(shots, 'lattice-1280.png'), fullPage: true });
    await page.close();
  });

  it('lists every level and role with its moves as the text alternative', async () => {
    const page = await open('/lattice');
    await page.getByText('The lattice as a list').click();
    const list = page.locator('.lattice-list');
    await list.getByRole('heading', { name: 'Product management' }).waitFor();
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('Senior engineer, band 3');
    expect(text).toContain('Lateral move to Product manager');
    expect(text).toContain('Company change to Senior engineer (to a startup)');
    expect(await list.locator(':scope > section > ul > li').count()).toBe(15);
    await page.close();
  });

  it('scrolls the map inside its labelled region at 375 px, keeping the focused node in view', async () => {
    const page = await open('/lattice', 375);
    const region = page.getByRole('region', { name: 'The lattice map' });
    await region.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await page.locator('.lattice-node[data-id="senior"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await focusedNode(page)).toBe('senior-devrel');
    expect(await inView(page)).toBe(true);
    await page.screenshot({ path: join(shots, 'lattice-375.png'), fullPage: true });
    await region.screenshot({ path: join(shots, 'lattice-map-375.png') });
    await page.close();
  });

  it('draws the chosen path of the Paths page on the map', async () => {
    const page = await open('/paths?from=senior&to=em');
    const map = page.getByRole('group', { name: /path 1 marked/ });
    await map.waitFor();
    // Senior engineer → Engineering manager: the start is numbered 0 and the target last.
    await map
      .getByRole('button', { name: 'Senior engineer, Individual contributor, band 3, step 0 of the path' })
      .waitFor();
    const steps = await page.locator('.lattice-node[aria-label*="step"]').count();
    expect(steps).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.edge.on-path').count()).toBe(steps - 1);
    expect(await map.getByRole('button', { name: /^Engineering manager, .*step/ }).count()).toBe(1);
    const first = await page.locator('.edge.on-path').evaluateAll((es) => es.map((e) => e.getAttribute('d')));
    await page.getByLabel('Path shown').selectOption('1');
    await page.getByRole('group', { name: /path 2 marked/ }).waitFor();
    const second = await page
      .locator('.edge.on-path')
      .evaluateAll((es) => es.map((e) => e.getAttribute('d')));
    expect(second).not.toEqual(first);
    await page.locator('.map-scroll').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'paths-map-1280.png'), fullPage: true });
    // Enter on a node opens it on the lattice page.
    await page.locator('.lattice-node[data-id="em"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Engineering manager' }).waitFor();
    expect(page.url()).toContain('/lattice?node=em');
    await page.close();
  });

  it('brings a chosen level of the ladder into view at 375 px and moves focus to it', async () => {
    const page = await open('/', 375);
    await page.getByRole('button', { name: /^Staff engineer/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Staff engineer' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('level-panel')))
      .toBe(true);
    expect(await inView(page)).toBe(true);
    await page.screenshot({ path: join(shots, 'ladder-chosen-375.png') });
    await page.close();
  });

  it('keeps the verdict in view over the ratings at 375 px, and goes to it', async () => {
    const page = await open('/assessment', 375);
    await page.getByLabel('Level you hold now').selectOption('senior');
    const radios = page.locator('input[type=radio][value="3"]');
    await radios.first().waitFor();
    const count = await radios.count();
    for (let i = 0; i < count; i++) await radios.nth(i).check();
    // At the last rating, thousands of pixels below the top, the verdict is still on the screen.
    await radios.nth(count - 1).scrollIntoViewIfNeeded();
    const summary = page.locator('.verdict-summary');
    expect(await summary.textContent()).toMatch(/^Verdict: (you meet Senior engineer|no level is met yet)/);
    expect(await inView(page, '.verdict-summary')).toBe(true);
    await page.screenshot({ path: join(shots, 'assessment-verdict-375.png') });
    await summary.getByRole('button', { name: 'Read the verdict' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('verdict');
    expect(await inView(page)).toBe(true);
    // Beside the ratings at 1280 px it is not needed.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await summary.isVisible()).toBe(false);
    await page.close();
  });
});
