/**
 * Retakes the screenshots of the personal pages in docs/web.md: starts the built server over a new
 * workspace, fills it through the API as a senior engineer's would be (a profile, two assessments,
 * five evidence entries with links, two offers, an earnings scenario), then saves each page as
 * docs/images/web-*.png at 1280 px wide, and the Ladder, Assessment, Paths, IC-or-manager, Offers,
 * Earnings and Learning pages at 375 px too.
 *
 *   npm run build --silent && node_modules/.bin/tsx scripts/screenshots.ts
 *
 * The lattice's own pictures (web-lattice-1280.png, web-lattice-375.png) are left as they are.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/helpers/chromium.js';
import { startWebServer, webAppReady } from '../test/helpers/webapp.js';

const root = resolve(import.meta.dirname, '..');
const images = join(root, 'docs/images');

const ratings = (base: number, strong: string[]): Record<string, number> =>
  Object.fromEntries(
    [
      'technical-fundamentals',
      'system-design',
      'debugging',
      'reading-code',
      'delivery',
      'written-communication',
      'verbal-communication',
      'influence',
      'strategy',
      'self-advocacy',
      'mentoring',
      'hiring',
      'culture',
    ].map((id) => [id, strong.includes(id) ? base + 1 : base]),
  );

/** The workspace shown: what a senior backend engineer thinking about staff and about moving would keep. */
const seed: { method: 'PUT' | 'POST'; path: string; body: unknown }[] = [
  {
    method: 'PUT',
    path: '/api/profile',
    body: {
      name: 'Alex Morgan',
      current: 'senior',
      specialisation: 'backend',
      yearsOfExperience: 7,
      skills: { backend: 4, infrastructure: 3, databases: 2, frontend: 1 },
      goals: ['staff'],
    },
  },
  {
    method: 'POST',
    path: '/api/evidence',
    body: {
      date: '2026-03-02',
      title: 'Led the billing migration to the new ledger service',
      scope: 'multi-team',
      competencies: ['system-design', 'delivery'],
      links: ['https://docs.example.com/billing-ledger-design', 'https://git.example.com/billing/pull/412'],
    },
  },
  {
    method: 'POST',
    path: '/api/evidence',
    body: {
      date: '2026-05-14',
      title: 'Wrote the incident review for the May payments outage',
      scope: 'organisation',
      competencies: ['debugging', 'written-communication'],
      links: ['https://docs.example.com/incidents/2026-05-payments'],
    },
  },
  {
    method: 'POST',
    path: '/api/evidence',
    body: {
      date: '2026-07-08',
      title: 'Mentored two new engineers through their first on-call rotation',
      scope: 'team',
      competencies: ['mentoring'],
      links: ['https://wiki.example.com/oncall/onboarding'],
    },
  },
  {
    method: 'POST',
    path: '/api/evidence',
    body: {
      date: '2026-09-21',
      title: 'Proposed and ran the API versioning working group',
      scope: 'multi-team',
      competencies: ['influence', 'strategy'],
      links: ['https://docs.example.com/rfcs/api-versioning'],
    },
  },
  {
    method: 'POST',
    path: '/api/evidence',
    body: {
      date: '2026-10-30',
      title: 'Interviewed and calibrated for eight backend hires',
      scope: 'team',
      competencies: ['hiring'],
      links: ['https://wiki.example.com/hiring/backend-loop'],
    },
  },
  {
    method: 'POST',
    path: '/api/assessments',
    body: {
      date: '2026-05-01',
      current: 'senior',
      ratings: ratings(3, ['system-design', 'debugging']),
      evidence: { 'system-design': [1], debugging: [2] },
    },
  },
  {
    method: 'POST',
    path: '/api/assessments',
    body: {
      date: '2026-11-01',
      current: 'senior',
      ratings: ratings(3, [
        'technical-fundamentals',
        'system-design',
        'debugging',
        'reading-code',
        'delivery',
      ]),
      evidence: { 'system-design': [1], debugging: [2], mentoring: [3], influence: [4], hiring: [5] },
    },
  },
  {
    method: 'POST',
    path: '/api/offers',
    body: {
      name: 'Autumn offers',
      file: {
        currency: 'USD',
        assumptions: { stockGrowth: 0, years: 4 },
        offers: [
          {
            name: 'Bigco',
            base: 145000,
            raise: 0.03,
            bonus: { target: 0.15, multiplier: 1 },
            signing: [30000, 20000],
            clawback: { months: 12, prorated: true },
            equity: [{ type: 'rsu', shares: 50, price: 2000, vesting: 'amazon' }],
            refreshers: { value: 50000, every: 1, from: 2, vesting: 'standard' },
          },
          {
            name: 'Seedling',
            base: 160000,
            equity: [
              {
                type: 'option',
                shares: 10000,
                strike: 1,
                fmv: 1.5,
                preferredPrice: 5,
                fullyDilutedShares: 10000000,
                kind: 'nso',
                vesting: 'standard',
                exerciseWindowDays: 90,
              },
            ],
            company: {
              dilutionPerRound: 0.2,
              roundsToExit: 2,
              exitValuation: 1000000000,
              exitProbability: 0.1,
            },
          },
        ],
      },
    },
  },
  {
    method: 'POST',
    path: '/api/scenarios',
    body: {
      name: 'Stay or switch, 30 years',
      file: {
        currency: 'USD',
        start: { salary: 150000 },
        years: 30,
        runs: 2000,
        seed: 7,
        strategies: [
          { preset: 'stay-promoted' },
          { preset: 'switch-survey' },
          { name: 'switch-every-4-modest', preset: 'switch-seed', switch: { every: 4, raise: [0.1, 0.2] } },
        ],
      },
    },
  },
];

/** Each page: where, what shows it has its data, and whether it is also taken at 375 px. */
const pages: {
  name: string;
  path: string;
  ready: (page: Page) => Promise<unknown>;
  before?: (page: Page) => Promise<unknown>;
  /** What to scroll to the top of the view before the picture is taken, at a width. */
  view?: (page: Page, width: number) => Locator | undefined;
  phone?: boolean;
}[] = [
  {
    name: 'ladder',
    path: '/',
    ready: (p) => p.getByRole('heading', { name: 'The dual-track ladder' }).waitFor(),
    view: (p, width) =>
      width < 1280 ? p.getByRole('heading', { name: 'The dual-track ladder' }) : undefined,
    phone: true,
  },
  {
    name: 'lattice-node',
    path: '/lattice',
    // Opened as a user opens it, so the panel takes focus and comes into view.
    before: (p) =>
      p
        .getByRole('button', { name: /^Staff engineer,/ })
        .first()
        .click(),
    ready: (p) => p.getByRole('heading', { name: 'Staff engineer' }).first().waitFor(),
  },
  {
    name: 'assessment',
    path: '/assessment',
    ready: (p) => p.locator('figure.chart svg').first().waitFor(),
    // On a phone, part way down the ratings, where the verdict stays in view above them.
    view: (p, width) => (width < 1280 ? p.locator('.rating-row').nth(2) : undefined),
    phone: true,
  },
  {
    name: 'evidence',
    path: '/evidence',
    ready: (p) => p.getByRole('list', { name: 'Expectations without evidence' }).waitFor(),
  },
  {
    name: 'paths',
    path: '/paths?from=senior&to=em',
    ready: (p) => p.getByRole('list', { name: 'Paths, best first' }).waitFor(),
    view: (p) => p.getByRole('heading', { name: 'Ranked paths' }),
    phone: true,
  },
  {
    name: 'fit',
    path: '/fit',
    before: async (p) => {
      const groups = p.locator('fieldset');
      await groups.first().waitFor();
      // A lean worth reading: mostly towards building, some towards people.
      const pattern = ['5', '4', '2', '4', '5', '3', '4', '2', '5', '4', '3', '4', '2', '5', '4'];
      for (let i = 0; i < (await groups.count()); i++) {
        const radio = groups.nth(i).locator(`input[type=radio][value="${pattern[i % pattern.length]}"]`);
        if ((await radio.count()) > 0) await radio.check();
      }
    },
    ready: (p) =>
      p
        .getByText(/^You (lean|are)/)
        .first()
        .waitFor(),
    view: (p, width) => p.locator(width < 1280 ? '#questions-title' : '#lean-title'),
    phone: true,
  },
  {
    name: 'offers',
    path: '/offers',
    ready: (p) => p.locator('figure.chart svg').first().waitFor(),
    view: (p, width) => (width < 1280 ? p.getByRole('heading', { name: /^Comparison over/ }) : undefined),
    phone: true,
  },
  {
    name: 'earnings',
    path: '/earnings',
    ready: (p) => p.locator('figure.chart svg').first().waitFor({ timeout: 60_000 }),
    view: (p, width) => (width < 1280 ? p.locator('#earnings-results') : undefined),
    phone: true,
  },
  {
    name: 'learning',
    path: '/learning',
    ready: (p) => p.locator('figure.chart svg').first().waitFor(),
    view: (p, width) => (width < 1280 ? p.locator('#shape-title') : undefined),
    phone: true,
  },
  {
    name: 'frameworks',
    path: '/frameworks',
    ready: (p) => p.getByRole('heading', { name: /Import a published ladder/ }).waitFor(),
  },
];

async function main(): Promise<void> {
  if (!webAppReady) throw new Error(`needs ${chromiumPath} and the built app: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'trellis-shots-'));
  const server = await startWebServer(dir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    for (const { method, path, body } of seed) {
      const response = await fetch(server.url + path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ viewport: { width, height: width === 1280 ? 800 : 812 } });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') console.error(`console error: ${message.text()}`);
      });
      for (const entry of pages) {
        if (width === 375 && !entry.phone) continue;
        await page.goto(server.url + entry.path);
        await entry.before?.(page);
        await entry.ready(page);
        await page.waitForLoadState('networkidle');
        await entry.view?.(page, width)?.evaluate((element) => element.scrollIntoView({ block: 'start' }));
        // Charts animate in; wait for them to settle.
        await page.waitForTimeout(1200);
        const file = join(images, width === 1280 ? `web-${entry.name}.png` : `web-${entry.name}-375.png`);
        await page.screenshot({ path: file });
        console.log(`${file.slice(root.length + 1)}  ${Math.round(statSync(file).size / 1024)} KB`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
