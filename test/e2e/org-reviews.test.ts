import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/store/workspace.js';
import { OrganisationRepository, OrgRepositories, orgScope } from '../../src/store/repositories/org/index.js';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { tempDir, trellis, writeTemp } from '../helpers/cli.js';
import { startServer, type RunningServer } from '../server/helpers.js';

/**
 * One whole review cycle in Chromium, four roles each signed in through the sign-in page: hr opens
 * the cycle, the employee submits their self-assessment, the manager theirs and reads self against
 * manager, nominates; hr seats the committee, its member votes, hr approves; the person's page shows
 * the new level and its history. Every new page passes axe (no critical or serious violation) at
 * 1280 and 375 px; screenshots go under test/artifacts/.
 */

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'test/artifacts');
const ready =
  existsSync(chromiumPath) &&
  existsSync(join(root, 'web/dist/index.html')) &&
  existsSync(join(root, 'dist/cli/main.js'));
if (!ready && process.env.CI)
  throw new Error(`e2e needs ${chromiumPath}, web/dist and dist (run npm run build)`);

const PASSWORD = 'correct horse battery staple';
const emailOf = {
  hr: 'hana@acme.test',
  manager: 'ben@acme.test',
  employee: 'cy@acme.test',
  committee: 'kai@acme.test',
} as const;
type Who = keyof typeof emailOf;

let server: RunningServer;
let browser: Browser;
const ids: Record<string, number> = {};

beforeAll(async () => {
  if (!ready) return;
  mkdirSync(shots, { recursive: true });
  const dir = tempDir();
  const db = join(dir, 'org.sqlite');
  const run = (...args: string[]) => {
    const result = trellis([...args, '--db', db]);
    expect(result.code, result.stderr).toBe(0);
  };
  // Ana at the top; Ben manages Cy; Hana (hr) and Kai (on the committee, outside Cy's chain) report to Ana.
  run(
    'org',
    'init',
    '--name',
    'Acme',
    '--admin-email',
    'root@acme.test',
    '--admin-password-file',
    writeTemp('pw.txt', PASSWORD, dir),
  );
  const people = [
    'name,email,level,manager_email,team,start_date,level_start_date,gender',
    'Ana Arden,ana@acme.test,director,,Leadership,2019-01-07,2022-01-03,woman',
    'Ben Brook,ben@acme.test,em,ana@acme.test,Core,2020-03-02,2023-04-03,man',
    'Cy Cole,cy@acme.test,senior,ben@acme.test,Core,2021-05-03,2023-01-09,non-binary',
    'Hana Hill,hana@acme.test,mid,ana@acme.test,People,2022-02-07,2022-02-07,woman',
    'Kai Kent,kai@acme.test,staff,ana@acme.test,Web,2020-06-01,2024-06-03,man',
  ].join('\n');
  run('org', 'people', 'import', writeTemp('people.csv', people, dir));
  run('org', 'role', '--email', emailOf.hr, '--add', 'hr');
  run('org', 'role', '--email', emailOf.manager, '--add', 'manager');
  run('org', 'role', '--email', emailOf.employee, '--add', 'employee');
  run('org', 'role', '--email', emailOf.committee, '--add', 'committee');
  // Passwords have no command (people set theirs through a link): set them in the store.
  const workspace = await Workspace.open(db);
  const [organisation] = await new OrganisationRepository(workspace.db).list();
  const acme = new OrgRepositories(orgScope(workspace.db, organisation!.id, 'test'));
  for (const email of Object.values(emailOf)) await acme.accounts.setPassword(email, PASSWORD);
  for (const p of await acme.people.all()) ids[p.email.split('@')[0]!] = p.id;
  await workspace.close();
  server = await startServer(['--port', '0', '--db', db]);
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.child.kill();
});

/** A fresh browser (its own cookies) signed in through the sign-in page; axe's script let in. */
async function signedIn(who: Who): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/org/people`);
  await page.getByLabel('Email').fill(emailOf[who]);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  return page;
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

/** Axe and a screenshot of each page at 1280 and 375 px; what is wrong, said per page and width. */
async function checkPages(page: Page, pages: Record<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.locator('.loading').count()).toBe(0);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      if (wide) problems.push(`${name} at ${width}: wider than the viewport`);
      problems.push(...(await seriousViolations(page)).map((v) => `${name} at ${width}: ${v}`));
      await page.screenshot({ path: join(shots, `org-${name}-${width}.png`), fullPage: true });
    }
  }
  return problems;
}

describe.skipIf(!ready)('a whole review cycle and promotion in Chromium', () => {
  it('runs from opening the cycle to an approved promotion changing the level', async () => {
    const debugging = 'Rating for Debugging and problem decomposition';
    const problems: string[] = [];

    // hr opens the cycle.
    const hr = await signedIn('hr');
    await hr.goto(`${server.url}/org/cycles`);
    await hr.getByLabel('Cycle name').fill('2026 H2');
    await hr.getByLabel('Self-assessments due').fill('2026-12-20');
    await hr.getByLabel('Manager assessments due').fill('2026-12-30');
    await hr.getByRole('button', { name: 'Open the cycle' }).click();
    await hr.getByRole('heading', { name: 'Cycle: 2026 H2', level: 1 }).waitFor();
    const cycleUrl = new URL(hr.url()).pathname;
    await expect
      .poll(() => hr.getByRole('region', { name: 'Status' }).textContent())
      .toContain('everyone: 5 people');

    // The employee submits their self-assessment.
    const cy = await signedIn('employee');
    await cy.goto(`${server.url}/org/reviews`);
    const self = cy.getByRole('form', { name: 'Self-assessment for 2026 H2' });
    await self.getByLabel(debugging).selectOption('4');
    await self.getByLabel('Comment on Debugging and problem decomposition').fill('led the incident review');
    await self.getByRole('button', { name: 'Submit' }).click();
    // Submitted, it leaves the to-do.
    await cy.getByRole('heading', { name: 'Nothing waits for you' }).waitFor();
    expect(await self.count()).toBe(0);

    // The manager submits theirs and reads self against manager.
    const ben = await signedIn('manager');
    await ben.goto(`${server.url}/org/team`);
    const mine = ben.getByRole('form', { name: 'Manager assessment of Cy Cole' });
    await mine.getByLabel(debugging).selectOption('3');
    await mine.getByRole('button', { name: 'Submit' }).click();
    const compared = ben.getByRole('region', { name: 'Self against manager for Cy Cole' });
    await expect.poll(() => compared.textContent()).toContain('differs: -1');
    await expect
      .poll(() => ben.getByRole('region', { name: "The manager's verdict" }).textContent())
      .toContain('Level met');
    expect(await ben.getByRole('region', { name: "The self-assessment's verdict" }).textContent()).toContain(
      'Level met',
    );

    // The manager nominates Cy for staff.
    await ben.getByLabel('Target level for Cy Cole').fill('staff');
    await ben.getByRole('button', { name: 'Nominate for promotion' }).click();
    const caseLink = ben.getByRole('status').getByRole('link', { name: /^case \d+$/ });
    await caseLink.waitFor();
    const caseUrl = (await caseLink.getAttribute('href'))!;

    // hr seats the committee.
    await hr.goto(`${server.url}${caseUrl}`);
    await hr.getByLabel('Committee members').selectOption({ label: 'Kai Kent' });
    await hr.getByRole('button', { name: 'Assign the committee' }).click();
    const committee = hr.getByRole('region', { name: 'Committee' });
    await expect.poll(() => committee.locator('p').first().textContent()).toBe('Kai Kent');

    // The committee member votes.
    const kai = await signedIn('committee');
    await kai.goto(`${server.url}${caseUrl}`);
    const vote = kai.getByRole('form', { name: 'Your vote' });
    await vote.getByLabel('Vote').selectOption('approve');
    await vote.getByLabel('Rationale').fill('ready: leads the incident reviews');
    await vote.getByRole('button', { name: 'Record the vote' }).click();
    await expect
      .poll(() => kai.getByRole('region', { name: 'Committee' }).textContent())
      .toContain('Votes: 1 approve');

    // hr approves.
    await hr.reload();
    const decide = hr.getByRole('form', { name: 'Decide the case' });
    await decide.getByLabel('Decision').selectOption('approve');
    await decide.getByLabel('Effective date').fill('2026-12-01');
    await decide.getByLabel('Rationale').fill('the committee agrees');
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await expect
      .poll(() => hr.getByRole('region', { name: 'Decision' }).textContent())
      .toContain('approve on');

    // The person's page shows the new level and its history.
    await cy.goto(`${server.url}/org/people/${ids.cy}`);
    const record = cy.getByRole('region', { name: 'Record' });
    await expect.poll(() => record.textContent()).toContain('(staff');
    const history = cy.getByRole('table', { name: 'Each level held, oldest first' }).getByRole('row');
    await expect
      .poll(() => history.allTextContents())
      .toEqual([
        'LevelSinceWhyRecorded',
        expect.stringMatching(/^senior2023-01-09/),
        expect.stringMatching(/^staff2026-12-01/),
      ]);
    await expect
      .poll(() => cy.getByRole('region', { name: 'Ratings over time', exact: true }).textContent())
      .toContain('4 / 3');

    problems.push(
      ...(await checkPages(cy, { reviews: '/org/reviews', 'person-ratings': `/org/people/${ids.cy}` })),
    );
    problems.push(...(await checkPages(ben, { team: '/org/team' })));
    problems.push(...(await checkPages(kai, { 'case-committee': caseUrl })));
    problems.push(
      ...(await checkPages(hr, {
        cycles: '/org/cycles',
        cycle: cycleUrl,
        calibration: `${cycleUrl}/calibration`,
        cases: '/org/cases',
        case: caseUrl,
      })),
    );
    expect(problems).toEqual([]);
    for (const page of [hr, cy, ben, kai]) await page.context().close();
  }, 400_000);
});
