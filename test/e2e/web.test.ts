import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { chromium, type BrowserContext, type Dialog, type Locator, type Page } from 'playwright-core';
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

/** Each chart on its own, with a margin around it so that whatever sticks out shows. */
async function chartShots(name: string): Promise<void> {
  const figures = page.locator('figure.chart');
  const viewport = page.viewportSize()!;
  for (let i = 0; i < (await figures.count()); i++) {
    await figures.nth(i).scrollIntoViewIfNeeded();
    const box = (await figures.nth(i).boundingBox())!;
    const x = Math.max(0, box.x - 24);
    const y = Math.max(0, box.y - 8);
    await page.screenshot({
      path: join(shots, `${name}-chart-${i + 1}.png`),
      clip: { x, y, width: Math.min(viewport.width - x, box.width + 48), height: box.height + 16 },
    });
  }
}

/** Every page, with what to wait for before its layout is measured. */
const routes: {
  name: string;
  path: string;
  /** The page's main heading, or a heading that shows the page has its data. */
  heading: string;
  charts?: boolean;
  ready?: (page: Page) => Promise<unknown>;
}[] = [
  { name: 'ladder', path: '/?level=staff', heading: 'The dual-track ladder' },
  { name: 'assessment', path: '/assessment', heading: 'Self-assessment', charts: true },
  {
    name: 'evidence',
    path: '/evidence',
    heading: 'Evidence log',
    ready: (p) => p.getByRole('list', { name: 'Expectations without evidence' }).waitFor(),
  },
  {
    name: 'evidence-packet',
    path: '/evidence?print=1',
    heading: 'Promotion packet for Staff engineer',
  },
  {
    name: 'paths',
    path: '/paths?from=senior&to=em',
    heading: 'Paths',
    ready: (p) => p.getByRole('list', { name: 'Paths, best first' }).waitFor(),
  },
  {
    name: 'fit',
    path: '/fit',
    heading: 'IC or manager?',
    ready: (p) => p.getByText('You are undecided').waitFor(),
  },
  { name: 'offers', path: '/offers', heading: 'Offers', charts: true },
  { name: 'earnings', path: '/earnings', heading: 'Earnings', charts: true },
  { name: 'learning', path: '/learning', heading: 'Learning plan', charts: true },
];

/**
 * What sticks out: the page wider than the viewport, a chart wider than its figure, the figure wider
 * than the content column, or a chart's text (tick labels, legend) outside the chart's drawing.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const slack = 1;
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
      problems.push(`page is ${root.scrollWidth} px wide in a ${window.innerWidth} px viewport`);
      // Name the outermost elements that stick out (outside any box that scrolls or clips), to say where to look.
      const sticksOut = (e: Element) => e.getBoundingClientRect().right > window.innerWidth + slack;
      const clipped = (e: Element) => {
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
          if (getComputedStyle(p).overflowX !== 'visible') return true;
        return false;
      };
      const out = [...document.body.querySelectorAll('*')].filter(
        (e) => sticksOut(e) && !(e.parentElement && sticksOut(e.parentElement)) && !clipped(e),
      );
      for (const e of out.slice(0, 3))
        problems.push(
          `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''} reaches ${Math.round(e.getBoundingClientRect().right)} px: "${(e.textContent ?? '').slice(0, 40)}"`,
        );
    }
    // The content column: main inside its padding.
    const mainElement = document.querySelector('main')!;
    const padding = getComputedStyle(mainElement);
    const outer = mainElement.getBoundingClientRect();
    const main = {
      left: outer.left + parseFloat(padding.paddingLeft),
      right: outer.right - parseFloat(padding.paddingRight),
    };
    document.querySelectorAll('figure.chart').forEach((figure, i) => {
      const box = figure.getBoundingClientRect();
      if (box.left < main.left - slack || box.right > main.right + slack)
        problems.push(
          `chart ${i + 1} (${Math.round(box.left)}–${Math.round(box.right)}) leaves the content column`,
        );
      // The chart's own drawing, not one of the little svgs of its legend.
      const svg = figure.querySelector('.recharts-wrapper > svg.recharts-surface');
      if (!svg) return;
      const drawn = svg.getBoundingClientRect();
      if (drawn.left < box.left - slack || drawn.right > box.right + slack)
        problems.push(
          `chart ${i + 1} is ${Math.round(drawn.width)} px wide in a ${Math.round(box.width)} px box`,
        );
      svg.querySelectorAll('text').forEach((text) => {
        const r = text.getBoundingClientRect();
        if (r.width === 0) return;
        if (
          r.left < drawn.left - slack ||
          r.right > drawn.right + slack ||
          r.top < drawn.top - slack ||
          r.bottom > drawn.bottom + slack
        )
          problems.push(`chart ${i + 1}: label "${text.textContent}" is cut off`);
      });
    });
    return problems;
  });
}

/** The error message tied to a control (`aria-describedby`), once it shows. */
async function errorOf(control: Locator): Promise<string> {
  await expect.poll(() => control.getAttribute('aria-invalid')).toBe('true');
  return control.evaluate((e) =>
    (e.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((d) => d?.classList.contains('error'))
      .map((d) => d!.textContent)
      .join(' '),
  );
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
    // The server's Content-Security-Policy must let the whole app run: a violation is an error too.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    page.on('dialog', acceptDialog);
    // A cold browser and a fresh build make the first page slow to come up: wait for it here, under the
    // setup's own time limit, so that no test's limit is spent on it.
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'The dual-track ladder' }).waitFor({ timeout: 90_000 });
  }, 120_000);

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
    // Every bad line is reported, not only the first.
    await page.getByLabel('Links (optional)').fill('not a link\nftp://x');
    await page.getByLabel('Links (optional)').press('Tab');
    await page
      .getByText('line 1: must be an http or https URL; line 2: must be an http or https URL')
      .waitFor();
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
    await page.getByRole('heading', { name: 'Promotion packet for Staff engineer' }).waitFor();
    await shot('evidence-packet');
  });

  it('drafts entries from a pull-request export in the browser, and adds the one accepted', async () => {
    await page.goto(`${base}/evidence`);
    const section = page.getByRole('region', { name: 'Suggestions from your pull requests' });
    await section
      .getByLabel('Export file')
      .setInputFiles(join(root, 'test', 'fixtures', 'evidence', 'gh-prs.json'));
    await section.getByLabel('You').fill('ada-l');
    const suggested = section.getByRole('list', { name: 'Suggested entries' });
    await suggested.waitFor();
    expect(
      await suggested
        .getByRole('listitem')
        .filter({ has: page.getByRole('button') })
        .count(),
    ).toBe(2);
    await section.getByRole('textbox', { name: /^Title \(2026-05-05\)/ }).fill('Shipped refunds');
    await section.getByRole('button', { name: 'Add to my log Add refunds endpoint' }).click();
    await page.getByRole('button', { name: 'Edit Shipped refunds' }).waitFor();
    // Added once: it is no longer offered; the review piece still is.
    await section.getByRole('button', { name: /^Drop Reviewed 1 pull request/ }).waitFor();
    expect(await section.getByRole('button', { name: /^Add to my log Add refunds/ }).count()).toBe(0);
    await shot('evidence-suggest');
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
    // A bad base salary is reported next to the field and stops the save, in words a person reads.
    const base0 = page.getByLabel('Base salary').first();
    await base0.fill('-5');
    await page.getByText('must not be negative').first().waitFor();
    for (const label of ['Base salary', 'Yearly raise']) {
      const field = page.getByLabel(label).first();
      const before = await field.inputValue();
      await field.fill('abc');
      expect(await errorOf(field)).toBe('must be a number');
      await field.fill(before);
    }
    await base0.fill('145000');
    const name1 = page.getByLabel('Offer name').nth(1);
    await name1.fill('Bigco');
    expect(await errorOf(name1)).toBe('"Bigco" is already the name of offer 1; names must be unique');
    await name1.fill('Seedling');
    expect(await page.locator('body').textContent()).not.toMatch(/Invalid input|offers\[\d\]|NaN/);
    await page.locator('figure.chart svg').first().waitFor();
    await shot('offers');
    await page.reload();
    await page.getByRole('table', { name: 'Offers side by side' }).waitFor();
  });

  it('plans a path and answers "where can I be in N years"', async () => {
    await page.goto(`${base}/paths`);
    // The start comes from the saved assessment.
    const level = (which: string) => page.getByRole('group', { name: which }).getByLabel('Level or role');
    expect(await level('From').inputValue()).toBe('senior');
    await level('To').selectOption('em');
    const paths = page.getByRole('list', { name: 'Paths, best first' });
    await paths.waitFor();
    expect(await paths.textContent()).toContain('Engineering manager');
    await page.getByLabel('Years from now').fill('4');
    await page.getByRole('button', { name: 'Product manager', exact: true }).waitFor();
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
    expect(errors).toEqual([]);
  });

  it('wraps a long unbroken title, description and link instead of widening the page', async () => {
    await page.goto(`${base}/evidence`);
    // The longest title an entry may have (see the limits in docs/api.md).
    const long = 'x'.repeat(1000);
    await page.getByLabel('What you did').fill(long);
    await page.getByLabel('Details (optional)').fill(`A word longer than any column: ${'y'.repeat(400)}`);
    await page.getByLabel('Links (optional)').fill(`https://example.com/${'z'.repeat(300)}`);
    await page.getByRole('button', { name: 'Add entry' }).click();
    await page.locator('.entries li').filter({ hasText: long }).waitFor();
    expect(await layoutProblems(page)).toEqual([]);
    await shot('evidence-long');
    expect(errors).toEqual([]);
  });

  // Runs last, over the data the tests above stored, so every page shows its tables and charts.
  for (const width of [1280, 375]) {
    it(
      `lays out every page at ${width} px: no sideways scrolling, charts and their labels inside their box`,
      { timeout: 60_000 },
      async () => {
        await page.setViewportSize({ width, height: 900 });
        const found: Record<string, string[]> = {};
        try {
          for (const route of routes) {
            await page.goto(base + route.path);
            await page.getByRole('heading', { name: route.heading }).first().waitFor();
            if (route.ready) await route.ready(page);
            if (route.charts) await page.locator('figure.chart .recharts-wrapper > svg').first().waitFor();
            // A chart sizes itself to its box after a frame; measure once it has settled.
            await page.waitForTimeout(250);
            await shot(`${route.name}-${width}`);
            await chartShots(`${route.name}-${width}`);
            const problems = await layoutProblems(page);
            if (problems.length > 0) found[route.path] = problems;
          }
        } finally {
          await page.setViewportSize({ width: 1280, height: 900 });
        }
        expect(found).toEqual({});
        expect(errors).toEqual([]);
      },
    );
  }
});
