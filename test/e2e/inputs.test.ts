import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { startWebServer, webAppReady, type WebServer } from '../helpers/webapp.js';

/**
 * What a person types and what goes over the wire, in a real browser against the real server:
 * rates typed as percentages, warnings beside implausible ones, fields that can be cleared, the
 * simulation off the page's thread, and the first load compressed, cached and in few requests.
 */

const shots = join(resolve(import.meta.dirname, '../..'), '.screenshots');
if (!webAppReady && process.env.CI) throw new Error('e2e needs Chromium, web/dist and dist (npm run build)');

const temp = mkdtempSync(join(tmpdir(), 'trellis-inputs-e2e-'));
let server: WebServer;
let browser: Browser;
const errors: string[] = [];

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return page;
}

/** The texts tied to a control by `aria-describedby` that carry `className`. */
function describedBy(control: Locator, className: string): Promise<string> {
  return control.evaluate(
    (e, name) =>
      (e.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id))
        .filter((d) => d?.classList.contains(name))
        .map((d) => d!.textContent)
        .join(' '),
    className,
  );
}

describe.skipIf(!webAppReady)('inputs and the wire in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startWebServer(temp);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it('sends / compressed, cached and with the framework in one request', async () => {
    const page = await newPage();
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${server.url}/`);
    await page.locator('.ladder .level-card').first().waitFor();
    const document = responses.find((r) => r.url() === `${server.url}/`)!;
    expect(await document.headerValue('cache-control')).toBe('no-cache');
    expect(await document.headerValue('etag')).toBeTruthy();
    const scripts = responses.filter((r) => r.request().resourceType() === 'script');
    let scriptBytes = 0;
    for (const script of scripts) {
      expect(new URL(script.url()).pathname).toMatch(/^\/assets\//);
      expect(await script.headerValue('cache-control')).toBe('public, max-age=31536000, immutable');
      const { responseBodySize } = await script.request().sizes();
      // Every script worth compressing arrives as brotli (Chromium asks for it).
      if (responseBodySize > 1024)
        expect(await script.headerValue('content-encoding'), script.url()).toBe('br');
      scriptBytes += responseBodySize;
    }
    expect(scriptBytes / 1024).toBeLessThan(120);
    const api = responses.map((r) => new URL(r.url()).pathname).filter((p) => p.startsWith('/api/'));
    expect(api.filter((p) => p.startsWith('/api/framework'))).toEqual(['/api/framework/bundle']);
    const bundle = responses.find((r) => r.url().endsWith('/api/framework/bundle'))!;
    expect(await bundle.headerValue('content-encoding')).toBe('br');
    await page.close();
  });

  it('reads a yearly raise of 3 as 3%: year 2 of the offer is $310,550', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/offers`);
    await page.getByLabel('Comparison name').fill('One offer');
    await page.getByRole('button', { name: 'Remove Offer B' }).click();
    await page.getByLabel('Base salary').fill('185000');
    const raise = page.getByLabel('Yearly raise');
    await raise.fill('3');
    // The unit is beside the field and read with it.
    expect(await describedBy(raise, 'unit')).toBe('% a year');
    await page.getByRole('button', { name: 'Add RSUs' }).click();
    await page.getByLabel('Grant value').fill('480000');
    await page.getByLabel('Share price', { exact: true }).fill('100');
    const table = page.getByRole('table', { name: 'Offers side by side' });
    // By hand: 185,000 × 1.03 = 190,550 of base and 480,000 / 4 = 120,000 of stock in year 2.
    await expect.poll(() => table.getByRole('row', { name: /^2 / }).textContent()).toBe('2$310,550');
    expect(await table.getByRole('row', { name: /^1 / }).textContent()).toBe('1$305,000');
    // Written with its sign, the same.
    await raise.fill('3%');
    await expect.poll(() => table.getByRole('row', { name: /^2 / }).textContent()).toBe('2$310,550');
    await page.screenshot({ path: join(shots, 'inputs-offers-percent.png'), fullPage: true });
    await page.close();
  });

  it('warns beside a raise over 100% and a bonus over 200% of base', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/offers`);
    const raise = page.getByLabel('Yearly raise').first();
    await raise.fill('150');
    const bonus = page.getByLabel('Bonus target').first();
    await bonus.fill('250');
    await expect
      .poll(() => describedBy(raise, 'warning'))
      .toBe('over 100% a year: is that right? (150 means 150%)');
    expect(await describedBy(bonus, 'warning')).toBe('over 200% of base: is that right? (250 means 250%)');
    expect(await describedBy(bonus, 'unit')).toBe('% of base');
    await raise.fill('100');
    await expect.poll(() => describedBy(raise, 'warning')).toBe('');
    await page.screenshot({ path: join(shots, 'inputs-offers-warning.png'), fullPage: true });
    await page.close();
  });

  it('reads a merit raise of 4 as 4% and keeps typing free at the largest number of runs', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/earnings`);
    await page.getByRole('button', { name: 'Add my own strategy' }).click();
    const merit = page.getByLabel('Merit raise');
    expect(await merit.inputValue()).toBe('3.5');
    await merit.fill('4');
    const row = page.getByRole('row', { name: /^my-plan / });
    await row.waitFor();
    // 4% (not 400%) a year on $120,000 for 30 years with a 15% raise every 4: millions, not trillions.
    const p50 = Number((await row.locator('td').nth(1).textContent())!.replace(/[$,]/g, ''));
    expect(p50).toBeGreaterThan(3_000_000);
    expect(p50).toBeLessThan(30_000_000);
    // Over 30 years 400% a year passes any salary the core can count; over 5 it is only implausible.
    const years = page.getByLabel('Years', { exact: true });
    await years.fill('5');
    await merit.fill('400');
    await expect
      .poll(() => describedBy(merit, 'warning'))
      .toBe('over 100% a year: is that right? (400 means 400%)');
    await merit.fill('4');
    await years.fill('30');
    // 20,000 careers per strategy run in the worker: the page answers while they run.
    await page.getByRole('textbox', { name: 'Runs per strategy' }).fill('20000');
    const status = page.getByRole('status').filter({ hasText: /Simulating/ });
    await page.getByRole('textbox', { name: 'Seed' }).fill('8');
    let answeredWhileSimulating = 0;
    for (let i = 0; i < 50 && (await status.count()) > 0; i++) {
      if (await page.evaluate(() => document.body.textContent!.includes('Simulating')))
        answeredWhileSimulating++;
    }
    expect(answeredWhileSimulating).toBeGreaterThan(0);
    await expect.poll(() => status.count(), { timeout: 60_000 }).toBe(0);
    await page.close();
  });

  it('lets "Years from now" be cleared: typing 6 gives 6', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/paths?from=senior`);
    const years = page.getByLabel('Years from now');
    await years.fill('');
    expect(await years.inputValue()).toBe('');
    await years.pressSequentially('6');
    expect(await years.inputValue()).toBe('6');
    expect(new URL(page.url()).searchParams.get('within')).toBe('6');
    await page.close();
    expect(errors).toEqual([]);
  });
});
