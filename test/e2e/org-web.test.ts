import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/org/policy.js';
import { readTextFile } from '../../src/store/files.js';
import { readCsvRecords } from '../../src/store/spreadsheet.js';
import { Workspace } from '../../src/store/workspace.js';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { tempDir } from '../helpers/cli.js';
import { newOrganisation, peopleCsv } from '../helpers/org.js';
import { startServer, type RunningServer } from '../server/helpers.js';

/**
 * The organisation's pages in Chromium against the built server over an organisation seeded
 * through the store: a signed-out visitor gets the sign-in page; each role sees what the policy
 * gives it and no more; every page passes axe (no critical or serious violation) at 1280 and 375 px.
 * Screenshots go under test/artifacts/.
 */

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'test/artifacts');
const ready = existsSync(chromiumPath) && existsSync(join(root, 'web/dist/index.html'));
if (!ready && process.env.CI) throw new Error(`e2e needs ${chromiumPath} and web/dist (run npm run build)`);

const PASSWORD = 'correct horse battery staple';
const emailOf: Record<Role, string> = {
  admin: 'root@acme.test',
  hr: 'hana@acme.test',
  manager: 'ben@acme.test',
  employee: 'cy@acme.test',
  committee: 'com@acme.test',
};

/*
 * Pay in 2026 (euros, full time): the women are Ana (150,000 + 20,000 = 170,000) and Hana (60,000);
 * the one man is Ben (100,000 + 10,000 = 110,000). Women's mean (170,000 + 60,000) ÷ 2 = 115,000,
 * and with two the median is the same, so both gaps are (110,000 − 115,000) ÷ 110,000 = −4.5%.
 * Cy (non-binary), Dee, Eli and Fay are in neither group.
 */
const pay2026 = [
  'ana@acme.test,2026,150000,20000,',
  'ben@acme.test,2026,100000,10000,',
  'cy@acme.test,2026,70000,,',
  'dee@acme.test,2026,55000,,',
  'eli@acme.test,2026,90000,5000,',
  'fay@acme.test,2026,40000,2000,',
  'hana@acme.test,2026,60000,,',
];

/*
 * Pay in 2025: Pat 1–5 (women) 50,000 each and Pat 6–10 (men) 60,000 each, all mid (band 2). With
 * five of each the category is shown; its mean gap (60,000 − 50,000) ÷ 60,000 = 16.7% reaches 5%,
 * so it is flagged, and hr may justify it.
 */
const pay2025 = Array.from({ length: 10 }, (_, i) => `pat${i + 1}@acme.test,2025,${i < 5 ? 50000 : 60000},,`);

let server: RunningServer;
let browser: Browser;
const ids: Record<string, number> = {};

beforeAll(async () => {
  if (!ready) return;
  mkdirSync(shots, { recursive: true });
  const file = join(tempDir(), 'org.sqlite');
  const workspace = await Workspace.open(file);
  const acme = await newOrganisation(workspace, 'Acme', emailOf.admin);
  // Ana at the top; Ben manages Cy and Dee; Eli manages Fay and twenty more, so the directory has
  // more than one page of twenty.
  const extra = Array.from(
    { length: 20 },
    (_, i) =>
      `Pat ${String(i + 1).padStart(2, '0')},pat${i + 1}@acme.test,mid,eli@acme.test,Web,2024-01-01,2024-01-01,${i < 5 ? 'woman' : i < 10 ? 'man' : ''}`,
  );
  await acme.people.importCsv(
    peopleCsv([
      'Ana Arden,ana@acme.test,director,,Leadership,2019-01-07,2022-01-03,woman',
      'Ben Brook,ben@acme.test,em,ana@acme.test,Core,2020-03-02,2023-04-03,man',
      'Cy Cole,cy@acme.test,senior,ben@acme.test,Core,2021-05-03,2024-01-08,non-binary',
      'Dee Dale,dee@acme.test,mid,ben@acme.test,Core,2023-09-04,2023-09-04,',
      'Eli Eden,eli@acme.test,staff,ana@acme.test,Web,2020-06-01,2024-06-03,',
      'Fay Ford,fay@acme.test,junior,eli@acme.test,Web,2025-09-01,2025-09-01,',
      'Hana Hill,hana@acme.test,mid,ana@acme.test,People,2022-02-07,2022-02-07,woman',
      ...extra,
    ]),
    new Map(),
  );
  await acme.accounts.create(emailOf.hr, ['hr']);
  await acme.accounts.create(emailOf.manager, ['manager']);
  await acme.accounts.create(emailOf.employee, []);
  await acme.accounts.create(emailOf.committee, ['committee']);
  for (const email of Object.values(emailOf)) await acme.accounts.setPassword(email, PASSWORD);
  for (const p of await acme.people.all()) ids[p.email.split('@')[0]!] = p.id;
  await acme.pay.setBands(readTextFile(join(root, 'examples', 'pay.yaml')), 'pay.yaml');
  await acme.pay.importCsv(
    readCsvRecords(['email,period,base,variable,fte', ...pay2026, ...pay2025].join('\n'), 'pay.csv'),
  );
  await workspace.close();
  server = await startServer(['--port', '0', '--db', file]);
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.child.kill();
});

/**
 * A fresh browser (its own cookies) signed in as the role's account, on the people directory.
 * `bypassCSP` lets axe's script in, which the server's own policy (script-src 'self') keeps out.
 */
async function signedIn(role: Role, { bypassCSP = false } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
  const page = await context.newPage();
  await page.goto(`${server.url}/org/people`);
  await page.getByLabel('Email').fill(emailOf[role]);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  return page;
}

const navLinks = (page: Page) =>
  page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();

/** The record section of a person's page, once it has loaded. */
async function record(page: Page, person: string): Promise<string> {
  await page.goto(`${server.url}/org/people/${ids[person]}`);
  const section = page.getByRole('region', { name: 'Record' });
  await section.waitFor();
  return (await section.textContent()) ?? '';
}

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

describe.skipIf(!ready)('the organisation pages in Chromium', () => {
  it('shows a signed-out visitor the sign-in page, with a wrong password said beside the form', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/org/settings`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await navLinks(page)).toEqual([]);
    await page.getByLabel('Email').fill(emailOf.admin);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The email or password is wrong.');
    await context.close();
  });

  it('gives the admin every organisation page, settings included', async () => {
    const page = await signedIn('admin');
    expect(await navLinks(page)).toEqual([
      'People',
      'Org chart',
      'Audit log',
      'Settings',
      'Review cycles',
      'Promotion cases',
      'Structure',
      'Pay',
      'My pay',
      'Ladder',
      'Lattice',
      'Assessment',
      'Evidence',
      'Paths',
      'IC or manager?',
      'Offers',
      'Earnings',
      'Learning',
    ]);
    // The directory pages by twenty: 27 people are two pages.
    await expect.poll(() => page.getByRole('row').count()).toBe(21);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(8);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByLabel('Search').fill('cole');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Team').selectOption('Core');
    await expect.poll(() => page.getByRole('cell', { name: 'Dee Dale' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('row').count()).toBe(4);
    await page.getByLabel('Team').selectOption('');
    await page.getByLabel('Manager', { exact: true }).selectOption({ label: 'Ben Brook' });
    await expect.poll(() => page.getByRole('row').count()).toBe(3);

    await page.goto(`${server.url}/org/settings`);
    await page.getByRole('heading', { name: 'Framework versions' }).waitFor();
    await page.getByLabel('Name').fill('payroll');
    await page.getByLabel('Account email').fill(emailOf.hr);
    await page.getByLabel('Role', { exact: true }).selectOption('hr');
    await page.getByRole('button', { name: 'Create the token' }).click();
    const secret = page.locator('code.secret');
    await expect.poll(async () => (await secret.textContent())?.length ?? 0).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Revoke payroll' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /^revoked / }).count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    expect(await page.locator('code.secret').count()).toBe(0);
    await page.context().close();
  });

  it("sets a password through an admin's one-time reset link, which then works no more", async () => {
    const admin = await signedIn('admin');
    await admin.goto(`${server.url}/org/settings`);
    const row = admin.getByRole('listitem').filter({ hasText: emailOf.committee });
    await row.getByRole('button', { name: 'Make a reset link' }).click();
    const url = (await row.locator('code').textContent()) ?? '';
    expect(url).toMatch(new RegExp(`^${server.url}/reset#token=`));
    await admin.context().close();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel('New password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set the password and sign in' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    expect(await page.getByText(`Signed in as ${emailOf.committee}`).count()).toBe(1);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.goto(url);
    await page.getByLabel('New password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set the password and sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('already used');
    await context.close();
  });

  it('shows hr every record with gender, and the audit log, but not the settings', async () => {
    const page = await signedIn('hr');
    expect((await navLinks(page)).slice(0, 4)).toEqual(['People', 'Org chart', 'Audit log', 'My reviews']);
    expect(await navLinks(page)).toEqual(expect.arrayContaining(['Structure', 'Pay', 'My pay']));
    const cy = await record(page, 'cy');
    expect(cy).toContain('Senior engineer');
    expect(cy).toContain('non-binary');
    await page.goto(`${server.url}/org/settings`);
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('your roles do not allow');
    await page.context().close();
  });

  it("shows a manager their reports' levels, and nobody else's", async () => {
    const page = await signedIn('manager');
    expect((await navLinks(page)).slice(0, 4)).toEqual(['People', 'Org chart', 'My reviews', 'My team']);
    expect(await navLinks(page)).toContain('My pay');
    expect(await navLinks(page)).not.toContain('Pay');
    const cy = await record(page, 'cy');
    expect(cy).toContain('Senior engineer');
    expect(cy).not.toContain('non-binary');
    expect(await record(page, 'eli')).toContain('Your role does not show');
    await page.context().close();
  });

  it("shows an employee the directory and their own level, never another person's", async () => {
    const page = await signedIn('employee');
    expect((await navLinks(page)).slice(0, 4)).toEqual([
      'People',
      'Org chart',
      'My reviews',
      'Promotion cases',
    ]);
    expect(await navLinks(page)).toContain('My pay');
    expect(await navLinks(page)).not.toContain('Structure');
    expect(await record(page, 'cy')).toContain('Senior engineer');
    const dee = await record(page, 'dee');
    expect(dee).toContain('Your role does not show');
    expect(dee).not.toContain('Mid-level');
    // The reporting lines are the directory's: everyone sees them.
    await expect
      .poll(() => page.getByRole('region', { name: 'Reporting lines' }).textContent())
      .toContain('Ben Brook');
    await page.context().close();
  });

  it("shows the committee the directory but no one's record", async () => {
    const page = await signedIn('committee');
    expect(await record(page, 'cy')).toContain('Your role does not show');
    await page.context().close();
  });

  it('opens and closes the org chart from the keyboard', async () => {
    const page = await signedIn('employee');
    await page.goto(`${server.url}/org/chart`);
    const tree = page.getByRole('list', { name: 'Reporting tree' });
    await tree.waitFor();
    // Ana's reports are shown; Ben's are not until his button is pressed.
    await expect.poll(() => tree.getByRole('link', { name: 'Ben Brook' }).count()).toBe(1);
    expect(await tree.getByRole('link', { name: 'Cy Cole' }).count()).toBe(0);
    const ben = page.getByRole('button', { name: 'Expand the reports of Ben Brook' });
    await ben.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tree.getByRole('link', { name: 'Cy Cole' }).count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => tree.getByRole('link', { name: 'Cy Cole' }).count()).toBe(0);
    await page.context().close();
  });

  it("shows hr the structure report with the API's figures, and refuses it to an employee", async () => {
    const page = await signedIn('hr');
    const api = (await (await page.request.get(`${server.url}/api/org/reports/structure`)).json()) as {
      headcount: { level: string; people: number }[];
      layers: number;
    };
    await page.goto(`${server.url}/org/structure`);
    const headcount = page.getByRole('region', { name: 'Headcount by level and track', exact: true });
    await headcount.getByRole('table').waitFor();
    const rows = await headcount.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual(
      api.headcount.map((h) => expect.stringContaining(`${h.level}`) as unknown as string),
    );
    expect(api.headcount.find((h) => h.level === 'mid')?.people).toBe(22);
    expect(await headcount.textContent()).toContain('22');
    expect(await page.getByRole('figure').count()).toBe(1);
    const layers = page.getByRole('region', { name: 'Management layers', exact: true });
    expect(await layers.getByRole('cell').allTextContents()).toEqual([String(api.layers)]);
    await page.context().close();

    const employee = await signedIn('employee');
    expect(await navLinks(employee)).not.toContain('Structure');
    const refused = await employee.request.get(`${server.url}/api/org/reports/structure`);
    expect(refused.status()).toBe(403);
    await employee.goto(`${server.url}/org/structure`);
    await employee.getByText('The structure report could not be loaded').waitFor();
    await employee.context().close();
  });

  it("shows hr the pay-gap report with the API's figures; an employee their own pay, and not the report", async () => {
    const page = await signedIn('hr');
    const api = (await (
      await page.request.get(`${server.url}/api/org/reports/pay-gap?period=2026`)
    ).json()) as {
      workers: { women: number; men: number };
      pay: { meanGap: number; medianGap: number };
    };
    expect(api.workers).toEqual({ women: 2, men: 1 });
    expect(api.pay.meanGap).toBeCloseTo(-5000 / 110000, 10);
    expect(api.pay.medianGap).toBeCloseTo(-5000 / 110000, 10);
    await page.goto(`${server.url}/org/pay`);
    const gaps = page.getByRole('region', { name: 'Pay and variable pay gaps', exact: true });
    await gaps.getByRole('table').waitFor();
    const row = await gaps.getByRole('row', { name: /Pay \(base \+ variable\)/ }).allTextContents();
    expect(row).toEqual([expect.stringContaining('-4.5%-4.5%21') as unknown as string]);
    expect(await page.getByRole('figure').count()).toBe(1);
    await page
      .getByRole('region', {
        name: 'Parity between tracks at each band (IC against management)',
        exact: true,
      })
      .waitFor();
    await page.context().close();

    const employee = await signedIn('employee', { bypassCSP: true });
    expect(await navLinks(employee)).not.toContain('Pay');
    const refused = await employee.request.get(`${server.url}/api/org/reports/pay-gap?period=2026`);
    expect(refused.status()).toBe(403);
    await employee.goto(`${server.url}/org/pay`);
    await employee.getByText('Band health could not be loaded').waitFor();
    await employee.goto(`${server.url}/org/pay?period=2026`);
    await employee.getByText('The pay-gap report could not be loaded').waitFor();
    await employee.goto(`${server.url}/org/pay/me`);
    const mine = employee.getByRole('region', { name: /^2026, category/ });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('€70,000');
    const problems: string[] = [];
    for (const width of [1280, 375]) {
      await employee.setViewportSize({ width, height: 900 });
      await mine.waitFor();
      const wide = await employee.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      if (wide) problems.push(`pay-me at ${width}: wider than the viewport`);
      problems.push(...(await seriousViolations(employee)).map((v) => `pay-me at ${width}: ${v}`));
      await employee.screenshot({ path: join(shots, `org-pay-me-${width}.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
    await employee.getByRole('link', { name: 'pay and progression criteria' }).click();
    await employee.getByRole('heading', { name: /Pay and progression criteria:/ }).waitFor();
    await employee.context().close();
  }, 120_000);

  it('lets hr justify a flagged category on the pay page, which the report then shows; refuses anyone else', async () => {
    const reason = 'Mid-level pay in 2025 follows the on-call rota, which is open to everyone';
    const page = await signedIn('hr');
    await page.goto(`${server.url}/org/pay`);
    // The period field offers the periods with pay, the latest first chosen.
    const period = page.getByLabel('Period');
    await expect.poll(() => period.inputValue()).toBe('2026');
    expect(await period.locator('option').allTextContents()).toEqual(['2025', '2026']);
    // 2026 has no category of five women and five men: nothing to justify.
    await page.getByRole('region', { name: 'Categories of work of equal value', exact: true }).waitFor();
    expect(await page.getByRole('form', { name: 'Justify a flagged category' }).count()).toBe(0);
    await period.selectOption('2025');
    const categories = page.getByRole('region', { name: 'Categories of work of equal value', exact: true });
    await expect.poll(() => categories.getByRole('row', { name: /band-2/ }).textContent()).toContain('16.7%');
    expect(await categories.getByRole('row', { name: /band-2/ }).textContent()).toContain(
      '5% or more: joint pay assessment',
    );
    const form = page.getByRole('form', { name: 'Justify a flagged category' });
    expect(await form.getByLabel('Category').inputValue()).toBe('band-2');
    await form.getByLabel('Objective, gender-neutral reason').fill(reason);
    await form.getByRole('button', { name: 'Justify' }).click();
    await expect.poll(() => categories.getByRole('row', { name: /band-2/ }).textContent()).toContain(reason);
    const report = (await (
      await page.request.get(`${server.url}/api/org/reports/pay-gap?period=2025`)
    ).json()) as { categories: { category: string; meanGap: number; justification?: string }[] };
    expect(report.categories).toEqual([
      expect.objectContaining({ category: 'band-2', women: 5, men: 5, flagged: true, justification: reason }),
    ]);
    expect(report.categories[0]!.meanGap).toBeCloseTo(10000 / 60000, 10);
    await page.context().close();

    // admin reads the report and its justification, but may not record one: no form, and a 403.
    const admin = await signedIn('admin');
    await admin.goto(`${server.url}/org/pay?period=2025`);
    const shown = admin.getByRole('region', { name: 'Categories of work of equal value', exact: true });
    await expect.poll(() => shown.getByRole('row', { name: /band-2/ }).textContent()).toContain(reason);
    expect(await admin.getByRole('form', { name: 'Justify a flagged category' }).count()).toBe(0);
    // Each call carries the CSRF header, so that a refusal is the policy's and not the header's.
    const justify = (from: Page, reasonText: string) =>
      from.request.post(`${server.url}/api/org/pay/justifications`, {
        data: { period: '2025', category: 'band-2', reason: reasonText },
        headers: { 'x-trellis-csrf': '1' },
      });
    for (const role of ['admin', 'manager', 'employee'] as const) {
      const other = role === 'admin' ? admin : await signedIn(role);
      const refused = await justify(other, 'Overwritten');
      expect(refused.status()).toBe(403);
      expect(await refused.text()).toContain('your roles do not allow justifying a pay gap');
      await other.context().close();
    }
    const hr = await signedIn('hr');
    expect((await justify(hr, reason)).status()).toBe(200);
    const after = await hr.request.get(`${server.url}/api/org/reports/pay-gap?period=2025`);
    expect(((await after.json()) as typeof report).categories[0]!.justification).toBe(reason);
    await hr.context().close();
  }, 120_000);

  it('passes axe on every organisation page at 1280 and 375 px, and saves their screenshots', async () => {
    const page = await signedIn('admin', { bypassCSP: true });
    const pages = {
      people: '/org/people',
      chart: '/org/chart',
      person: `/org/people/${ids.cy}`,
      audit: '/org/audit?kind=person.create',
      settings: '/org/settings',
      structure: '/org/structure',
      pay: '/org/pay',
      'pay-criteria': '/org/pay/criteria',
    };
    const problems: string[] = [];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${server.url}${path}`);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        if (wide) problems.push(`${name} at ${width}: wider than the viewport`);
        problems.push(...(await seriousViolations(page)).map((v) => `${name} at ${width}: ${v}`));
        await page.screenshot({ path: join(shots, `org-${name}-${width}.png`), fullPage: true });
      }
    }
    const out = await browser.newContext({ viewport: { width: 375, height: 900 }, bypassCSP: true });
    const signIn = await out.newPage();
    for (const width of [1280, 375]) {
      await signIn.setViewportSize({ width, height: 900 });
      await signIn.goto(`${server.url}/org/people`);
      await signIn.getByRole('heading', { name: 'Sign in' }).waitFor();
      problems.push(...(await seriousViolations(signIn)).map((v) => `sign-in at ${width}: ${v}`));
      await signIn.screenshot({ path: join(shots, `org-sign-in-${width}.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
    await out.close();
    await page.context().close();
  }, 300_000);

  it('explains the sign-in limit after five failures', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Email').fill(emailOf.committee);
    for (let i = 0; i < 6; i++) {
      await page.getByLabel('Password').fill(`wrong password number ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('wait a minute');
    await context.close();
  });
});
