/**
 * Takes the pictures of the review cycle and promotion case walkthrough in docs/organisation.md:
 * makes an organisation on examples/org/ladder-v1.yaml with the command line, starts the built
 * server over it, fills it through the API with each person's API token as the walkthrough does
 * (a cycle, self, manager and peer assessments, a calibration adjustment, a case declined, appealed
 * and approved), and signs each reader in through the sign-in page to save, at 1280 px,
 * docs/images/org-review-*.png, org-calibration.png and org-case-*.png, and My reviews at 375 px.
 *
 *   npm run build --silent && node_modules/.bin/tsx scripts/org-screenshots.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { OrganisationRepository, OrgRepositories, orgScope } from '../src/store/repositories/org/index.js';
import { Workspace } from '../src/store/workspace.js';
import { chromiumArgs, chromiumPath } from '../test/helpers/chromium.js';
import { startWebServer, webAppReady, type WebServer } from '../test/helpers/webapp.js';

const root = resolve(import.meta.dirname, '..');
const images = join(root, 'docs/images');
const PASSWORD = 'a long enough passphrase';

/** Mira manages Sam, Eva and Noa; Hana is hr; Kai and Lee, outside Eva's chain, sit on committees. */
const people = [
  'name,email,level,manager_email,team,start_date,level_start_date,gender',
  'Mira Manager,mira@acme.test,manager,,Core,2021-02-01,2021-02-01,woman',
  'Sam Senior,sam@acme.test,senior,mira@acme.test,Core,2022-04-04,2024-01-08,man',
  'Eva Engineer,eva@acme.test,engineer,mira@acme.test,Core,2023-09-04,2023-09-04,woman',
  'Noa New,noa@acme.test,engineer,mira@acme.test,Core,2025-01-06,2025-01-06,non-binary',
  'Hana Hill,hana@acme.test,senior,,People,2020-05-04,2022-03-07,woman',
  'Kai Kent,kai@acme.test,senior,,Web,2020-06-01,2023-06-05,man',
  'Lee Lead,lee@acme.test,manager,,Platform,2019-03-04,2021-09-06,man',
];
const roles = {
  hana: 'hr',
  mira: 'manager',
  sam: 'employee',
  eva: 'employee',
  noa: 'employee',
  kai: 'committee',
  lee: 'committee',
} as const;
type Who = keyof typeof roles;

/** The organisation, made as the walkthrough makes it; returns each account's API token. */
async function makeOrganisation(db: string, dir: string): Promise<Record<Who, string>> {
  const trellis = (...args: string[]) =>
    execFileSync(process.execPath, [join(root, 'dist/cli/main.js'), ...args, '--db', db], {
      encoding: 'utf8',
    });
  writeFileSync(join(dir, 'pw.txt'), `${PASSWORD}\n`);
  writeFileSync(join(dir, 'people.csv'), people.join('\n'));
  trellis(
    ...['org', 'init', '--name', 'Acme', '--admin-email', 'root@acme.test'],
    ...[
      '--framework',
      join(root, 'examples/org/ladder-v1.yaml'),
      '--admin-password-file',
      join(dir, 'pw.txt'),
    ],
  );
  trellis('org', 'people', 'import', join(dir, 'people.csv'));
  const tokens = {} as Record<Who, string>;
  for (const [who, role] of Object.entries(roles) as [Who, string][]) {
    trellis('org', 'role', '--email', `${who}@acme.test`, '--add', role);
    const made = trellis(
      'org',
      'token',
      'create',
      '--email',
      `${who}@acme.test`,
      '--role',
      role,
      '--name',
      who,
      '--json',
    );
    tokens[who] = (JSON.parse(made) as { token: string }).token;
  }
  // Passwords have no command (people set theirs through a link): set them in the store.
  const workspace = await Workspace.open(db);
  try {
    const [organisation] = await new OrganisationRepository(workspace.db).list();
    const acme = new OrgRepositories(orgScope(workspace.db, organisation!.id, 'screenshots'));
    for (const who of Object.keys(roles)) await acme.accounts.setPassword(`${who}@acme.test`, PASSWORD);
  } finally {
    await workspace.close();
  }
  return tokens;
}

/** The walkthrough's requests, in its order; person ids are the import's (Mira 1 … Lee 7). */
type Step = [Who, 'POST' | 'PUT', string, unknown];
const rated = (craft: number, people: number, comments: { craft?: string; people?: string } = {}) => ({
  craft: { rating: craft, ...(comments.craft && { comment: comments.craft }) },
  people: { rating: people, ...(comments.people && { comment: comments.people }) },
});
const selfRatings = {
  craft: {
    rating: 3,
    evidence: ['https://git.acme.test/billing/pull/88'],
    comment: 'Led the billing rewrite',
  },
  people: { rating: 2, comment: 'Onboarded Noa' },
};
const cycle: Step[] = [
  ['hana', 'POST', '/api/org/cycles', { name: '2026 H2', selfDue: '2026-12-10', managerDue: '2026-12-20' }],
  ['eva', 'PUT', '/api/org/cycles/1/self', { ratings: selfRatings, submit: false }],
  ['eva', 'POST', '/api/org/cycles/1/people/3/peers', { peers: [2], competencies: ['people'] }],
  ['mira', 'PUT', '/api/org/cycles/1/people/2/manager', { ratings: rated(3, 2), submit: true }],
  ['mira', 'PUT', '/api/org/cycles/1/people/4/manager', { ratings: rated(2, 1), submit: true }],
];
const assessed: Step[] = [
  ['eva', 'PUT', '/api/org/cycles/1/self', { ratings: selfRatings, submit: true }],
  [
    'sam',
    'PUT',
    '/api/org/cycles/1/people/3/peer',
    { ratings: { people: { rating: 2, comment: 'Pairs with Noa every week' } }, submit: true },
  ],
  [
    'mira',
    'PUT',
    '/api/org/cycles/1/people/3/manager',
    {
      ratings: rated(3, 3, { craft: 'The rewrite shipped on time', people: 'Mentors Noa' }),
      submit: true,
    },
  ],
];
const calibrated: Step[] = [
  [
    'hana',
    'POST',
    '/api/org/cycles/1/people/4/adjust',
    { outcome: 'below', reason: 'Rated on two months only; the on-call work is not yet theirs' },
  ],
];
const nominated: Step[] = [
  [
    'mira',
    'POST',
    '/api/org/cases',
    { personId: 3, targetLevel: 'senior', summary: 'Led the billing rewrite' },
  ],
  ['hana', 'POST', '/api/org/cases/1/committee', { members: [6] }],
];
const declined: Step[] = [
  [
    'kai',
    'POST',
    '/api/org/cases/1/votes',
    { vote: 'decline', rationale: 'The people rating rests on one quarter of mentoring' },
  ],
  [
    'hana',
    'POST',
    '/api/org/cases/1/decision',
    { decision: 'decline', rationale: 'Not yet: show the mentoring over a second quarter' },
  ],
];
const appealed: Step[] = [
  [
    'eva',
    'POST',
    '/api/org/cases/1/appeal',
    { reason: 'The mentoring ran two quarters: Noa since July, and the intern before' },
  ],
  ['hana', 'POST', '/api/org/cases/1/committee', { members: [7] }],
  [
    'lee',
    'POST',
    '/api/org/cases/1/votes',
    { vote: 'approve', rationale: 'Two quarters of mentoring, with the intern review as evidence' },
  ],
  [
    'hana',
    'POST',
    '/api/org/cases/1/decision',
    {
      decision: 'approve',
      rationale: 'On appeal: the senior rule holds on both competencies',
      effectiveDate: '2027-01-01',
    },
  ],
];

async function send(server: WebServer, tokens: Record<Who, string>, steps: Step[]): Promise<void> {
  for (const [who, method, path, body] of steps) {
    const response = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${who} ${method} ${path}: ${response.status} ${await response.text()}`);
  }
}

/** A page of a reader signed in through the sign-in page, at a width. */
async function signedIn(browser: Browser, server: WebServer, who: Who, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width === 1280 ? 800 : 812 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console error: ${message.text()}`);
  });
  await page.goto(`${server.url}/org/people`);
  await page.getByLabel('Email').fill(`${who}@acme.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  return page;
}

/** Opens `path` as `who` and saves it as docs/images/NAME.png once its data is in. */
async function shoot(
  browser: Browser,
  server: WebServer,
  who: Who,
  path: string,
  name: string,
  width = 1280,
): Promise<void> {
  const page = await signedIn(browser, server, who, width);
  try {
    await page.goto(server.url + path);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
    // Charts animate in; wait for them to settle.
    await page.waitForTimeout(1200);
    const file = join(images, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${file.slice(root.length + 1)}  ${Math.round(statSync(file).size / 1024)} KB`);
  } finally {
    await page.context().close();
  }
}

async function main(): Promise<void> {
  if (!webAppReady) throw new Error(`needs ${chromiumPath} and the built app: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'trellis-org-shots-'));
  // startWebServer serves dir/db.sqlite.
  const tokens = await makeOrganisation(join(dir, 'db.sqlite'), dir);
  const server = await startWebServer(dir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    await send(server, tokens, cycle);
    await shoot(browser, server, 'eva', '/org/reviews', 'org-review-self');
    await shoot(browser, server, 'eva', '/org/reviews', 'org-review-self-375', 375);
    await shoot(browser, server, 'sam', '/org/reviews', 'org-review-peer');
    await send(server, tokens, assessed);
    await shoot(browser, server, 'mira', '/org/team', 'org-review-team');
    await send(server, tokens, calibrated);
    await shoot(browser, server, 'hana', '/org/cycles/1', 'org-review-cycle');
    await shoot(browser, server, 'hana', '/org/cycles/1/calibration', 'org-calibration');
    await send(server, tokens, nominated);
    await shoot(browser, server, 'kai', '/org/cases/1', 'org-case-vote');
    await send(server, tokens, declined);
    await shoot(browser, server, 'eva', '/org/cases/1', 'org-case-declined');
    await send(server, tokens, appealed);
    await shoot(browser, server, 'eva', '/org/cases/1', 'org-case-final');
  } finally {
    await browser.close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
