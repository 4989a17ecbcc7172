import { describe, expect, it } from 'vitest';
import { trellis, writeTemp } from '../helpers/cli.js';

const two = 'test/fixtures/offers/two.yaml';
const bad = 'test/fixtures/offers/bad.yaml';

describe('trellis offers compare', () => {
  it('prints the issue JSON shape with hand-checked numbers', () => {
    const { code, stdout, stderr } = trellis(['offers', 'compare', two, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['currency', 'years', 'offers', 'best']));
    expect(result.currency).toBe('EUR');
    const [pub, startup] = result.offers;
    // Public: 100,000 base; 12,000 signing in year 1; 1,200 shares at the cliff (12,000), then 1,200
    // more over year 2 (12,000). Totals 124,000 and 112,000 = 236,000.
    expect(pub.years).toEqual([
      { year: 1, base: 100000, bonus: 0, signing: 12000, equity: 12000, illiquid: 0, total: 124000 },
      { year: 2, base: 100000, bonus: 0, signing: 0, equity: 12000, illiquid: 0, total: 112000 },
    ]);
    expect(pub.total).toBe(236000);
    // Startup: 120,000 a year in cash; 2,500 options a year at (5 − 1) = 10,000 illiquid, never in the total.
    expect(startup.total).toBe(240000);
    expect(startup.years[0]).toMatchObject({ illiquid: 10000, total: 120000 });
    expect(Object.keys(startup.options[0])).toEqual(
      expect.arrayContaining([
        'shares',
        'exerciseCost',
        'paperValue',
        'spreadAtFmv',
        'ownership',
        'ownershipAtExit',
        'exitValue',
        'exitValueNet',
        'expectedValue',
      ]),
    );
    expect(startup.options[0]).toMatchObject({ exerciseCost: 10000, expectedValue: 63000 });
    expect(result.best).toBe('Startup');
    // Month by month: Public 8,333.33 base (+12,000 signing in month 1, +12,000 cliff in month 12,
    // +1,000 a month after); Startup 10,000. Public is 4,000 ahead after month 12 and loses 666.67 a
    // month from then: level at month 18 (180,000 each), behind ever after. Break-even: month 18.
    expect(result.breakEven).toEqual([{ offers: ['Public', 'Startup'], leader: 'Startup', month: 18 }]);
    expect(result.scenarios.map((s: { name: string; best: string }) => [s.name, s.best])).toEqual([
      ['bear', 'Startup'],
      ['flat', 'Startup'],
      ['bull', 'Public'],
    ]);
  });

  it('--years and --growth override the assumptions', () => {
    const result = JSON.parse(
      trellis(['offers', 'compare', two, '--years', '1', '--growth', '0.5', '--json']).stdout,
    );
    expect(result.years).toBe(1);
    expect(result.stockGrowth).toBe(0.5);
    // 1,200 shares at 10 × 1.5 at month 12 = 18,000.
    expect(result.offers[0].years[0].equity).toBe(18000);
  });

  it('prints aligned tables in the terminal', () => {
    const { code, stdout } = trellis(['offers', 'compare', two]);
    expect(code).toBe(0);
    expect(stdout).toContain('│ 1    │ 100,000.00 │');
    expect(stdout).toContain('Best: Startup');
  });

  it('reports every problem of a bad file as FILE:LINE:COL and exits 1', () => {
    const { code, stdout, stderr } = trellis(['offers', 'compare', bad]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/at .*\.js/);
    expect(stderr.trim().split('\n')).toEqual([
      `${bad}:2:11: currency: must be a three-letter ISO 4217 code such as USD`,
      `${bad}:3:34: assumptions.yeers: unknown field "yeers" (did you mean "years"?)`,
      `${bad}:5:22: schedules.lopsided.years: percentages must sum to 100, they sum to 90`,
      `${bad}:6:58: schedules.toolong.cliffMonths: the cliff (18 months) is longer than the vesting (12 months)`,
      expect.stringMatching(new RegExp(`^${bad}:9:11: offers\\[0\\]\\.base: must .*-145000`)),
      `${bad}:10:22: offers[0].bonus.target: expected number, got the text "abc"`,
      `${bad}:15:18: offers[0].equity[0].vesting: unknown schedule "amazn" (did you mean "amazon"?); known schedules: standard, amazon, google, meta, lopsided, toolong`,
      `${bad}:30:27: offers[1].equity[0].vesting.years: percentages must sum to 100, they sum to 75`,
      expect.stringMatching(
        new RegExp(`^${bad}:31:100: offers\\[1\\]\\.company\\.exitProbability: must .*1\\.5`),
      ),
    ]);
  });

  it('reports a misspelt grant field and an unknown equity type with suggestions', () => {
    const file = writeTemp(
      'offers.yaml',
      [
        'offers:',
        '  - name: A',
        '    base: 1',
        '    equity:',
        '      - { type: rsu, shars: 5, price: 1 }',
        '      - { type: stock }',
        '',
      ].join('\n'),
    );
    const { code, stderr } = trellis(['offers', 'compare', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${file}:5:22: offers[0].equity[0].shars: unknown field "shars" (did you mean "shares"?)`,
    );
    expect(stderr).toContain(
      `${file}:6:17: offers[0].equity[1].type: unknown equity type "stock"; expected rsu or option`,
    );
  });

  it('a missing file and a bad flag are usage errors, exit 2', () => {
    expect(trellis(['offers', 'compare', 'no-such-file.yaml']).code).toBe(2);
    const flag = trellis(['offers', 'compare', two, '--years', 'four']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--years expects a whole number of at least 1, got "four"');
    const growth = trellis(['offers', 'compare', two, '--growth', '-1']);
    expect(growth.code).toBe(2);
    expect(growth.stderr).toContain('--growth must be greater than -1, got "-1"');
  });
});

describe('trellis offers: bounds', () => {
  it('--years above 50 is refused like assumptions.years above 50, exit 2', () => {
    for (const years of ['51', '2000']) {
      for (const command of [['compare'], ['negotiate', '--offer', 'Public']]) {
        const { code, stdout, stderr } = trellis(['offers', ...command, two, '--years', years]);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain(`--years must be at most 50, got "${years}"`);
      }
    }
    expect(trellis(['offers', 'compare', two, '--years', '50', '--json']).code).toBe(0);
  });

  it('huge amounts exit 1 with FILE:LINE:COL messages, never Infinity, NaN or null', () => {
    const huge = writeTemp(
      'huge.yaml',
      'offers: [{ name: Y, base: 1e300, raise: 100 }, { name: Z, base: 10 }]\n',
    );
    const refused = trellis(['offers', 'compare', huge, '--years', '6']);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `${huge}:1:27: offers[0].base: must be at most 1000000000000, got 1e+300\n`,
    });
    const raised = writeTemp(
      'raised.yaml',
      'offers: [{ name: Y, base: 1000000000000, raise: 100 }, { name: Z, base: 10 }]\n',
    );
    for (const json of [[], ['--json']]) {
      expect(trellis(['offers', 'compare', raised, '--years', '6', ...json])).toEqual({
        code: 1,
        stdout: '',
        stderr: `${raised}:1:49: offers[0].raise: over 2 years the base grows past 90,071,992,547,409.91; lower the raise or the horizon\n`,
      });
    }
    const grows = writeTemp('grows.yaml', 'offers: [{ name: Y, base: 100000000000, raise: 0.5 }]\n');
    const negotiate = trellis(['offers', 'negotiate', grows, '--offer', 'Y', '--years', '50']);
    expect(negotiate.code).toBe(1);
    expect(negotiate.stderr).toBe(
      `${grows}:1:48: offers[0].raise: over 18 years the base grows past 90,071,992,547,409.91; lower the raise or the horizon\n`,
    );
  });
});

describe('trellis offers leave', () => {
  it('prints the issue JSON shape: leaving the public offer at month 6', () => {
    // Before the cliff: 0 vested, 4,800 shares (48,000) forfeited; 12,000 × 6/12 = 6,000 owed back.
    const { code, stdout } = trellis(['offers', 'leave', two, '--offer', 'Public', '--month', '6', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      offer: 'Public',
      month: 6,
      vestedShares: 0,
      vestedValue: 0,
      forfeitedShares: 4800,
      forfeitedValue: 48000,
      clawback: 6000,
      options: [],
    });
  });

  it('an unknown offer name is located in the file, exit 1', () => {
    const { code, stderr } = trellis(['offers', 'leave', two, '--offer', 'Publik', '--month', '6']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${two}:4:1: offers: no offer named "Publik" (did you mean "Public"?); the file has "Public", "Startup"\n`,
    );
  });

  it('a missing --month is a usage error', () => {
    expect(trellis(['offers', 'leave', two, '--offer', 'Public']).code).toBe(2);
    expect(trellis(['offers', 'leave', two, '--offer', 'Public', '--month', '0']).code).toBe(2);
  });
});

describe('trellis offers negotiate', () => {
  it('measures the gap to the best competing offer and what would close year one', () => {
    // Public vs Startup: year 1 124,000 vs 120,000 (Public ahead: gap −4,000); year 2 112,000 vs 120,000.
    const { code, stdout } = trellis(['offers', 'negotiate', two, '--offer', 'Public', '--json']);
    expect(code).toBe(0);
    const brief = JSON.parse(stdout);
    expect(brief).toMatchObject({
      offer: 'Public',
      against: 'Startup',
      totalGap: 4000,
      signingToCloseYearOne: 0,
    });
    expect(brief.gaps.map((g: { gap: number }) => g.gap)).toEqual([-4000, 8000]);
    expect(brief.principles).toHaveLength(4);
  });

  it('asks the equity questions the offer leaves open', () => {
    const brief = JSON.parse(trellis(['offers', 'negotiate', two, '--offer', 'Startup', '--json']).stdout);
    // Startup trails in year 1 by 4,000: a 4,000 signing bonus would close it.
    expect(brief.signingToCloseYearOne).toBe(4000);
    expect(brief.equityQuestions.map((q: { known: string | null }) => q.known)).toEqual([
      '10,000,000 (the grant is 0.1%)',
      '409A 1.50, preferred 5.00 per share',
      '3650 days',
      'ISO',
    ]);
    const text = trellis(['offers', 'negotiate', two, '--offer', 'Startup']).stdout;
    expect(text).toContain('Signing bonus that would close the year-one gap: 4,000.00');
  });
});

describe('trellis earnings simulate', () => {
  const earnings = (body: string) => writeTemp('earnings.yaml', body);

  it('prints the issue JSON shape, exact without ranges', () => {
    // 100,000 at 10% for 3 years: 100,000, 110,000, 121,000; total 331,000. A salary alone
    // (`market: none`) walks no levels: the closed form of compounding.
    const file = earnings(
      'start: { salary: 100000 }\nyears: 3\nmarket: none\nstrategies: [{ name: steady, merit: 0.1 }]\n',
    );
    const { code, stdout, stderr } = trellis(['earnings', 'simulate', file, '--runs', '10', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(result.strategies).toEqual([
      {
        name: 'steady',
        total: { p10: 331000, p50: 331000, p90: 331000 },
        years: [
          // Each year's salary, and the running sum: 100,000; 210,000; 331,000.
          {
            year: 1,
            p10: 100000,
            p50: 100000,
            p90: 100000,
            cumulative: { p10: 100000, p50: 100000, p90: 100000 },
          },
          {
            year: 2,
            p10: 110000,
            p50: 110000,
            p90: 110000,
            cumulative: { p10: 210000, p50: 210000, p90: 210000 },
          },
          {
            year: 3,
            p10: 121000,
            p50: 121000,
            p90: 121000,
            cumulative: { p10: 331000, p50: 331000, p90: 331000 },
          },
        ],
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('is reproducible with --seed and warns on tenures under a year, on stderr and in JSON', () => {
    const file = earnings(
      'start: { salary: 100000 }\nyears: 5\nstrategies:\n  - { name: hopper, merit: 0.03, switch: { every: 0.5, raise: [0.1, 0.2] } }\n',
    );
    const first = trellis(['earnings', 'simulate', file, '--seed', '9', '--json']);
    const second = trellis(['earnings', 'simulate', file, '--seed', '9', '--json']);
    expect(first.stdout).toBe(second.stdout);
    expect(trellis(['earnings', 'simulate', file, '--runs', '2000000']).code).toBe(2);
    expect(first.stderr).toMatch(/^trellis: warning: strategy "hopper" changes jobs every 0.5 years/);
    expect(JSON.parse(first.stdout).warnings).toHaveLength(1);
  });

  it('reports a bad earnings file with locations, exit 1', () => {
    const file = earnings(
      'start: { salary: -5 }\nyears: 3\nstrategies: [{ preset: stay-merrit }, { name: x, merit: [0.05, 0.01] }]\n',
    );
    const { code, stderr } = trellis(['earnings', 'simulate', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`${file}:1:18: start\\.salary: must .*-5`));
    expect(stderr).toContain(
      `${file}:3:24: strategies[0].preset: unknown preset "stay-merrit" (did you mean "stay-merit"?)`,
    );
    expect(stderr).toContain(`${file}:3:57: strategies[1].merit: the range's min is above its max`);
  });

  it('a huge salary, or one that grows too large, exits 1 with FILE:LINE:COL', () => {
    const huge = earnings('start: {salary: 1e300}\nyears: 80\nstrategies: [{ name: a, merit: 5 }]\n');
    expect(trellis(['earnings', 'simulate', huge, '--json'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${huge}:1:17: start.salary: must be at most 1000000000000, got 1e+300\n`,
    });
    const grows = earnings(
      'start: {salary: 1000000000000}\nyears: 80\nstrategies: [{ name: a, merit: 5 }]\n',
    );
    expect(trellis(['earnings', 'simulate', grows])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${grows}:3:32: strategies[0].merit: over 80 years at the top of its raises, strategy "a" takes the salary past 90,071,992,547,409.91; lower the merit raise or the years\n`,
    });
  });

  it('runs the shipped example and prints tables', () => {
    const { code, stdout } = trellis(['earnings', 'simulate', 'examples/earnings.yaml', '--runs', '200']);
    expect(code).toBe(0);
    expect(stdout).toContain('Career earnings, USD: 200 runs per strategy, seed 7');
    expect(stdout).toContain('│ stay-promoted');
  });
});

describe('offers leave bounds', () => {
  it('refuses a month beyond the fifty-year horizon as a usage error', () => {
    const r = trellis(['offers', 'leave', 'examples/offers.yaml', '--offer', 'Bigco', '--month', '601']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--month expects a whole number from 1 to 600, got "601"');
    expect(
      trellis(['offers', 'leave', 'examples/offers.yaml', '--offer', 'Bigco', '--month', '600']).code,
    ).toBe(0);
  });
});
