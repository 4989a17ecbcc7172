import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../web/src/nav.js';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { samples } from '../helpers/cli.js';
import { callApi, startWebServer, watchedPage, webAppReady, type WebServer } from '../helpers/webapp.js';

/**
 * The personal app finished, in a real browser against the real server: past assessments loaded
 * and compared, frameworks imported and switched, several earnings scenarios, the printed packet,
 * no ids or command lines in the text, and Offers' results beside the form.
 */

const shots = join(resolve(import.meta.dirname, '../..'), '.screenshots');
if (!webAppReady && process.env.CI) throw new Error('e2e needs Chromium, web/dist and dist (npm run build)');

const temp = mkdtempSync(join(tmpdir(), 'trellis-finish-e2e-'));
let server: WebServer;
let browser: Browser;
const errors: string[] = [];

const newPage = (width = 1280) => watchedPage(browser, errors, width);

const call = (method: string, path: string, body?: unknown) => callApi(server, method, path, body);

describe.skipIf(!webAppReady)('the personal app finished, in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startWebServer(temp);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    await call('PUT', '/profile', { name: 'Ada Lovelace', current: 'mid' });
    await call('POST', '/assessments', {
      date: '2026-03-01',
      assessor: 'self',
      current: 'mid',
      ratings: { 'system-design': 2, debugging: 3, delivery: 3 },
    });
    await call('POST', '/assessments', {
      date: '2026-09-01',
      assessor: 'self',
      current: 'mid',
      ratings: { 'system-design': 3, debugging: 3, delivery: 4 },
    });
    await call('POST', '/evidence', {
      date: '2026-06-10',
      title: 'Designed the billing service',
      scope: 'team',
      competencies: ['system-design'],
      links: ['https://example.com/billing-design'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
    rmSync(temp, { recursive: true, force: true });
  }, 120_000);

  it('lists past assessments, loads one into the form and compares two', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/assessment`);
    const history = page.getByRole('region', { name: 'Saved assessments' });
    await history.getByRole('row').nth(2).waitFor();
    const rows = await history.getByRole('row').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^2026-03-01\s+Trellis reference .+ \d+\.\d+\.\d+\s+Mid/);
    expect(rows[1]).toMatch(/meets|no level met yet/);
    // Loaded, the form holds the first assessment's ratings and says that saving replaces it.
    await page.getByRole('button', { name: 'Load the assessment of 2026-03-01' }).click();
    await page.getByRole('status').filter({ hasText: 'Editing the assessment of 2026-03-01' }).waitFor();
    expect(await page.getByLabel('Date').inputValue()).toBe('2026-03-01');
    const systemDesign = page.getByRole('group', { name: 'System design' });
    expect(await systemDesign.getByRole('radio', { checked: true }).getAttribute('value')).toBe('2');
    // Side by side: system design 2 → 3 and delivery 3 → 4 differ, debugging stays at 3.
    const compare = page.getByRole('table', { name: 'Assessments side by side' });
    expect(await compare.locator('tr.differs th').allInnerTexts()).toEqual(['System design', 'Delivery']);
    expect(await compare.getByRole('row', { name: /^Debugging/ }).innerText()).toMatch(/3\s+3\s+same/);
    expect(await compare.getByRole('row', { name: /^System design/ }).innerText()).toMatch(/2\s+3\s+up 1/);
    expect(await compare.getByRole('row', { name: /^Verdict/ }).count()).toBe(1);
    // Saving the loaded one replaces it: still two assessments.
    await systemDesign.getByRole('radio').nth(3).check();
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByText('Saved. It is in your history below.').waitFor();
    const stored = (await call('GET', '/assessments')) as {
      assessments: { ratings: Record<string, number> }[];
    };
    expect(stored.assessments.map((a) => a.ratings['system-design'])).toEqual([4, 3]);
    await page.screenshot({ path: join(shots, 'finish-assessment-history.png'), fullPage: true });
    await page.close();
  }, 120_000);

  it('imports a Monzo and an FT ladder from files, shows notes and fidelity, and switches', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/frameworks`);
    await page.getByRole('status').filter({ hasText: 'In use: ' }).waitFor();
    await page
      .getByLabel('Files')
      .setInputFiles([
        join(samples, 'monzo', 'frameworks', 'engineering', 'backend.md'),
        join(samples, 'monzo', 'frameworks', 'generic.md'),
      ]);
    await page.getByRole('button', { name: 'Check the import' }).click();
    const notes = page.getByRole('list', { name: 'Notes from the import' });
    await notes.waitFor();
    expect(await notes.innerText()).toContain('inherited the generic criteria of "communication", "impact"');
    await page.getByText(/^\d+ of \d+ source statements imported/).waitFor();
    expect(await page.getByText('Not stored yet:').innerText()).toContain('6 levels');
    await page.getByRole('button', { name: 'Store and use it' }).click();
    await page.getByText(/^Stored .*: it is the framework in use\.$/).waitFor();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'In use:' }).innerText())
      .toMatch(/Backend Engineering/);
    // The notes and the fidelity report stay after storing.
    expect(await notes.isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'finish-frameworks.png'), fullPage: true });

    await page.getByLabel('Format').selectOption('ft');
    await page.getByLabel('Files').setInputFiles(join(samples, 'ft', 'job-families', 'engineering.yml'));
    await page.getByRole('button', { name: 'Check the import' }).click();
    await page.getByText('Not stored yet:').waitFor();
    await page.getByRole('button', { name: 'Store and use it' }).click();
    await page.getByText(/^Stored .*: it is the framework in use\.$/).waitFor();
    // Back to the reference framework; the ladder reads it again.
    await page.getByRole('button', { name: /^Use Trellis reference/ }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'In use:' }).innerText())
      .toMatch(/Trellis reference/);
    const list = (await call('GET', '/frameworks')) as { frameworks: { origin: string }[] };
    expect(list.frameworks.filter((f) => f.origin === 'imported')).toHaveLength(2);
    await page.goto(`${server.url}/`);
    await page.locator('.ladder .level-card').first().waitFor();
    await page.close();
  }, 120_000);

  it('keeps several earnings scenarios by name, never overwriting one', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/earnings`);
    const name = page.getByLabel('Scenario name');
    await name.fill('Stay put');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await name.fill('Move often');
    await page.getByLabel('Years', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(async () => names()).toEqual(['Stay put', 'Move often']);
    // The same name again replaces that one.
    await page.getByLabel('Years', { exact: true }).fill('25');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(async () => years()).toEqual([30, 25]);
    const picker = page.getByLabel('Saved scenarios');
    expect(await picker.locator('option').allInnerTexts()).toEqual([
      'Stay put',
      'Move often',
      'New scenario…',
    ]);
    await picker.selectOption({ label: 'Stay put' });
    expect(await name.inputValue()).toBe('Stay put');
    await page.getByRole('button', { name: 'Delete the scenario Stay put' }).click();
    await expect.poll(async () => names()).toEqual(['Move often']);
    await page.close();

    async function list() {
      return ((await call('GET', '/scenarios')) as { scenarios: { name: string; file: { years: number } }[] })
        .scenarios;
    }
    async function names() {
      return (await list()).map((s) => s.name);
    }
    async function years() {
      return (await list()).map((s) => s.file.years);
    }
  }, 120_000);

  it('prints the packet with a title and its evidence links written out', async () => {
    await call('PUT', '/frameworks/active', { id: null });
    const page = await newPage();
    await page.goto(`${server.url}/evidence?print=1&level=senior`);
    const title = page.getByRole('heading', { level: 1 });
    const today = new Date().toISOString().slice(0, 10);
    await expect
      .poll(() => title.innerText())
      .toBe(`Ada Lovelace: promotion packet for Senior engineer, ${today}`);
    expect(await page.title()).toBe(`Ada Lovelace: promotion packet for Senior engineer, ${today} · Trellis`);
    await page.emulateMedia({ media: 'print' });
    expect(await title.isVisible()).toBe(true);
    const link = page.getByRole('link', { name: 'https://example.com/billing-design' });
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe('https://example.com/billing-design');
    await page.pdf({ path: join(shots, 'finish-packet.pdf') });
    await page.close();
  }, 120_000);

  it('shows no competency ids or command lines on any personal page', async () => {
    await call('PUT', '/frameworks/active', { id: null });
    const bundle = (await call('GET', '/framework/bundle')) as {
      framework: { competencies: { id: string }[] };
    };
    // Ids of one word ("delivery") read as words; those with a hyphen cannot be anything but ids.
    const ids = bundle.framework.competencies.map((c) => c.id).filter((id) => id.includes('-'));
    expect(ids.length).toBeGreaterThan(5);
    const page = await newPage();
    for (const { path } of [...pages, { path: '/evidence?print=1&level=senior' }]) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      for (const id of ids)
        expect(text, `${path} shows "${id}"`).not.toMatch(new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`));
      expect(text, `${path} shows a command line`).not.toMatch(/\btrellis [a-z]|\bnpm (start|run)/);
    }
    await page.close();
  }, 120_000);

  it('puts the Offers results beside the form at 1280 px, and under it on a phone', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/offers`);
    await page.getByRole('button', { name: 'Start from the example' }).click();
    const results = page.getByRole('region', { name: 'Comparison results' });
    await results.getByRole('table', { name: 'Offers side by side' }).waitFor();
    const form = page.getByRole('form', { name: 'Offers' });
    const [f, r] = [(await form.boundingBox())!, (await results.boundingBox())!];
    expect(r.x).toBeGreaterThanOrEqual(f.x + f.width);
    // Typing in the second offer, far down the form, the results are still in view at the top.
    const second = page.getByLabel('Base salary').nth(1);
    await second.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const box = (await results.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(20);
    await page.screenshot({ path: join(shots, 'finish-offers-1280.png') });
    await page.setViewportSize({ width: 375, height: 800 });
    const [f2, r2] = [(await form.boundingBox())!, (await results.boundingBox())!];
    expect(r2.y).toBeGreaterThanOrEqual(f2.y + f2.height);
    await page.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
