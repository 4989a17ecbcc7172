import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { chromium, type BrowserContext, type Dialog, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The web app in a real browser against the real server (`trellis serve`, as `npm start` runs it)
 * on a free port over a temporary database. One server and one browser for every test; each test
 * saves a screenshot of its page under .screenshots/ to be looked at.
 */

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, '.screenshots');
const ready = existsSync(chromiumPath) && existsSync(join(root, 'web/dist/index.html'));
// CI installs Chromium (.ci/run) and builds the app (npm test): there, a missing one is a failure, not a skip.
if (!ready && process.env.CI) throw new Error(`e2e needs ${chromiumPath} and web/dist (run npm run build)`);

let server: ChildProcess;
let base = '';
let context: BrowserContext;
let page: Page;
const temp = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));

async function startServer(): Promise<string> {
  server = spawn(
    process.execPath,
    [join(root, 'dist/cli/main.js'), 'serve', '--port', '0', '--db', join(temp, 'db.sqlite')],
    {
      cwd: temp,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving (http:\/\/[^/\s]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** Confirmation dialogs are accepted unless a test takes them over. */
const acceptDialog = (dialog: Dialog) => void dialog.accept();

describe.skipIf(!ready)('the web app in Chromium', () => {
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    base = await startServer();
    context = await chromium.launchPersistentContext(join(temp, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', acceptDialog);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    server?.kill('SIGTERM');
    rmSync(temp, { recursive: true, force: true });
  });

  it('serves every page on a direct link, with its heading', async () => {
    for (const [path, heading] of [
      ['/paths?from=senior&to=staff', 'Paths'],
      ['/fit', 'IC or manager?'],
      ['/earnings', 'Earnings'],
      ['/learning', 'Learning plan'],
    ] as const) {
      await page.goto(base + path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await page.goto(`${base}/nowhere`);
    await page.getByRole('heading', { name: 'No such page' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('navigates the ladder with the keyboard only', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'The dual-track ladder' }).waitFor();
    // Tab from the top of the page until the Staff engineer card has focus, then open it with Enter.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(
        () => document.activeElement?.textContent?.startsWith('Staff engineer') ?? false,
      );
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Staff engineer' }).waitFor();
    expect(page.url()).toContain('level=staff');
    // The focused card shows a visible focus ring.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.getByLabel('I work at').selectOption('google');
    await page.getByLabel('at level').selectOption('L5');
    await page.getByText('you are here').waitFor();
    await shot('ladder');
  });

  it('creates an assessment and shows the gap list, kept after a reload', async () => {
    await page.goto(`${base}/assessment`);
    await page.getByLabel('Level you hold now').selectOption('senior');
    // Rate every competency 3 ("Proficient").
    const radios = page.locator('input[type=radio][value="3"]');
    await radios.first().waitFor();
    const count = await radios.count();
    for (let i = 0; i < count; i++) await radios.nth(i).check();
    const gaps = page.getByRole('list', { name: 'Gaps to Staff engineer' });
    await gaps.waitFor();
    expect(await gaps.getByRole('listitem').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.reload();
    await page.getByRole('cell', { name: 'Senior engineer' }).first().waitFor();
    expect(await page.getByLabel('Level you hold now').inputValue()).toBe('senior');
    await page.locator('figure.chart svg').first().waitFor();
    await shot('assessment');
  });

  it('adds evidence, shows what has none yet, and exports the packet', async () => {
    await page.goto(`${base}/evidence`);
    await page.getByLabel('What you did').fill('Led the migration to the new queue');
    await page.getByLabel('Links (optional)').fill('not a link');
    await page.getByLabel('Links (optional)').press('Tab');
    await page.getByText('line 1: must be an http or https URL').waitFor();
    await page.getByLabel('Links (optional)').fill('https://example.com/design');
    await page.getByLabel('Scope of the impact').selectOption('multi-team');
    await page.getByRole('checkbox', { name: 'System design' }).check();
    await page.getByRole('button', { name: 'Add entry' }).click();
    await page.getByText('Led the migration to the new queue').last().waitFor();
    const missing = page.getByRole('list', { name: 'Expectations without evidence' });
    await missing.waitFor();
    expect(await missing.textContent()).not.toContain('System design');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as Markdown' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Promotion packet: Staff engineer');
    expect(text).toContain('Led the migration to the new queue');
    await shot('evidence');
    // A half-typed entry is not dropped by opening another one: the page asks first.
    await page.getByLabel('What you did').fill('Half-typed, not saved');
    // The click waits while the dialog is open, so the answer is given from a listener.
    page.off('dialog', acceptDialog);
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: /^Edit/ }).first().click();
    page.on('dialog', acceptDialog);
    expect(asked).toBe('Discard the entry you are writing?');
    expect(await page.getByLabel('What you did').inputValue()).toBe('Half-typed, not saved');
    await page.getByLabel('What you did').fill('');
    await page.getByRole('button', { name: 'Print-ready page' }).click();
    await page.getByRole('heading', { name: 'Promotion packet: Staff engineer' }).waitFor();
    await shot('evidence-packet');
  });

  it('compares two offers and moves the leave slider', async () => {
    await page.goto(`${base}/offers`);
    await page.getByRole('button', { name: 'Start from the example' }).click();
    await page.getByRole('table', { name: 'Offers side by side' }).waitFor();
    await page.getByRole('button', { name: 'Save offers' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const slider = page.getByRole('slider', { name: /Leave after/ });
    await slider.focus();
    // Month 12 → 11 with the keyboard: the year-one cliff is not reached, so all the RSUs are forfeited.
    await page.keyboard.press('ArrowLeft');
    await page.getByText('Leave after 11 months').waitFor();
    expect(await page.getByTestId('forfeited').textContent()).toContain('50 shares');
    expect(await page.getByTestId('clawback').textContent()).toContain('$2,500');
    // A bad base salary is reported next to the field and stops the save.
    const base0 = page.getByLabel('Base salary').first();
    await base0.fill('-5');
    await page.getByText('must not be negative').first().waitFor();
    await base0.fill('145000');
    await page.locator('figure.chart svg').first().waitFor();
    await shot('offers');
    await page.reload();
    await page.getByRole('table', { name: 'Offers side by side' }).waitFor();
  });

  it('plans a path and answers "where can I be in N years"', async () => {
    await page.goto(`${base}/paths`);
    // The start comes from the saved assessment.
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('senior');
    await page.getByLabel('To', { exact: true }).selectOption('em');
    const paths = page.getByRole('list', { name: 'Paths, best first' });
    await paths.waitFor();
    expect(await paths.textContent()).toContain('Engineering manager');
    await page.getByLabel('Years from now').fill('4');
    await page.getByRole('button', { name: 'Product manager' }).waitFor();
    await shot('paths');
  });

  it('scores the questionnaire, runs the earnings simulation and plans the learning', async () => {
    await page.goto(`${base}/fit`);
    const fours = page.locator('input[type=radio][value="4"]');
    await fours.first().waitFor();
    for (let i = 0; i < (await fours.count()); i++) await fours.nth(i).check();
    await page.getByText('You are undecided').waitFor({ timeout: 5000 });
    await shot('fit');
    await page.goto(`${base}/earnings`);
    await page.getByRole('rowheader', { name: 'stay-promoted' }).waitFor({ timeout: 5000 });
    await page.locator('figure.chart svg').first().waitFor();
    await shot('earnings');
    await page.goto(`${base}/learning`);
    await page.getByLabel('Years of experience').fill('6');
    await page.getByRole('slider', { name: /Backend/ }).fill('4');
    await page.getByText(/Shape:/).waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: 'Save to my profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await shot('learning');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'The dual-track ladder' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('ladder-375');
    await page.goto(`${base}/offers`);
    await page.getByRole('table', { name: 'Offers side by side' }).waitFor();
    await shot('offers-375');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
  });
});
