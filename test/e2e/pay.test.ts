import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';

/**
 * Pay along the lattice in a real browser against the real server: the paths page takes positions
 * and the fit result's preference and draws the pay of each path; the earnings page shows the level
 * held over time. Screenshots at a desktop and a phone width go under .screenshots/.
 */

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, '.screenshots');
const ready = existsSync(chromiumPath) && existsSync(join(root, 'web/dist/index.html'));
if (!ready && process.env.CI) throw new Error(`e2e needs ${chromiumPath} and web/dist (run npm run build)`);

const temp = mkdtempSync(join(tmpdir(), 'trellis-pay-e2e-'));
let server: ChildProcess;
let browser: Browser;
let base = '';
const errors: string[] = [];

function startServer(): Promise<string> {
  server = spawn(
    process.execPath,
    [join(root, 'dist/cli/main.js'), 'serve', '--port', '0', '--db', join(temp, 'db.sqlite')],
    { cwd: temp, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving (http:\/\/[^/\s]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  });
}

async function pageAt(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!ready)('pay along the lattice in the web app', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    base = await startServer();
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    rmSync(temp, { recursive: true, force: true });
  });

  for (const width of [1280, 390]) {
    it(`plans between positions and draws the pay of each path at ${width} px`, async () => {
      const page = await pageAt(width);
      await page.goto(`${base}/paths?from=senior:backend@big-company&to=senior:data-ml`);
      const from = page.getByRole('group', { name: 'From' });
      await from.getByLabel('Level or role').waitFor({ timeout: 90_000 });
      expect(await from.getByLabel('Specialisation').inputValue()).toBe('backend');
      expect(await from.getByLabel('Company kind').inputValue()).toBe('big-company');
      const paths = page.getByRole('list', { name: 'Paths, best first' });
      await paths.waitFor();
      // Each step names its specialisation.
      expect(await paths.textContent()).toContain('Data');
      await page.getByRole('heading', { name: 'Pay along each path' }).waitFor();
      await page.locator('figure.chart svg').first().waitFor({ timeout: 30_000 });
      expect(await page.getByText(/Path 1: \$[\d,]+ on the way/).count()).toBeGreaterThan(0);
      expect(await pageWidth(page)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(shots, `pay-paths-${width}.png`), fullPage: true });
      await page.close();
    }, 120_000);

    it(`shows the level held over time on the earnings page at ${width} px`, async () => {
      const page = await pageAt(width);
      await page.goto(`${base}/earnings`);
      await page.getByRole('heading', { name: 'Level held over time' }).waitFor({ timeout: 90_000 });
      await page.locator('figure.chart svg').nth(1).waitFor({ timeout: 30_000 });
      expect(await page.getByText(/In year \d+: /).textContent()).toMatch(/engineer \d+%/);
      expect(await pageWidth(page)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(shots, `pay-earnings-${width}.png`), fullPage: true });
      await page.close();
    }, 120_000);
  }

  it('fills the preference from the fit result', async () => {
    const page = await pageAt(1280);
    await page.goto(`${base}/fit`);
    await page.locator('input[type=radio]').first().waitFor({ timeout: 90_000 });
    // Strong agreement with every statement that leans management, strong disagreement with the rest.
    const management = [
      'growing-others',
      'people-problems',
      'multiply',
      'team-strategy',
      'ambiguity',
      'calendar',
      'status',
      'money',
    ];
    const names = await page
      .locator('input[type=radio][value="1"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).name.replace(/^q-/, '')));
    for (const id of names)
      await page.locator(`input[name="q-${id}"][value="${management.includes(id) ? 5 : 1}"]`).check();
    await page.goto(`${base}/paths?from=senior&to=principal`);
    const prefer = page.getByLabel('Prefer the track');
    await prefer.waitFor({ timeout: 90_000 });
    expect(await prefer.inputValue()).toBe('management');
    await page.getByText('from your IC-or-manager result').waitFor();
    await page.close();
  }, 120_000);

  afterAll(() => expect(errors).toEqual([]));
});
