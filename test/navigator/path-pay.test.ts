import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, trellis, writeTemp } from '../helpers/cli.js';

const paid = join(repoRoot, 'test', 'fixtures', 'frameworks', 'paid.yaml');

describe('trellis path --pay', () => {
  it('pays the years of each move at the median of the position they are spent in, by hand', () => {
    // Engineer → senior is one promotion of 2–3 years (about 2.5) spent as an engineer, whose
    // median package is 80,000 + 0 + 20,000 = 100,000: 250,000 on the way; a senior's median,
    // 130,000 + 10,000 + 30,000 = 170,000, on arrival.
    const { code, stdout } = trellis([
      'path',
      'engineer',
      'senior',
      '--pay',
      '--market',
      'test-market',
      '--framework',
      paid,
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const [path] = result.paths;
    expect(path.steps[0].pay).toEqual({ market: 'test-market', yearly: 100000, years: 2.5, amount: 250000 });
    expect(path.pay).toEqual({
      total: 250000,
      arrival: { market: 'test-market', yearly: 170000, years: 1, amount: 170000 },
      unknown: 0,
    });
    const text = trellis([
      'path',
      'engineer',
      'senior',
      '--pay',
      '--market',
      'test-market',
      '--framework',
      paid,
    ]);
    expect(text.stdout).toContain('Pay on the way: 250,000 over about 2.5 years; on arrival 170,000 a year.');
    expect(text.stdout).toContain('Paid/yr');
  });

  it('a role without pay is counted as unknown and left out of the total', () => {
    // Senior → product manager: 0.5–1 year as a senior (about 0.75 × 170,000 = 127,500); a PM has no pay.
    const result = JSON.parse(
      trellis(['path', 'senior', 'pm', '--pay', '--market', 'test-market', '--framework', paid, '--json'])
        .stdout,
    );
    expect(result.paths[0].pay).toMatchObject({ total: 127500, arrival: { yearly: null }, unknown: 0 });
  });

  it('on the reference framework: senior to principal in the default market, and a startup move paid in its own market', () => {
    const result = JSON.parse(trellis(['path', 'senior', 'principal', '--pay', '--json']).stdout);
    expect(result.market).toBe('us-big-tech');
    // 4 years as a senior at 413,000 and 5 as staff at 644,000: 1,652,000 + 3,220,000.
    expect(result.paths[0].steps.map((s: { pay: { yearly: number } }) => s.pay.yearly)).toEqual([
      413000, 644000,
    ]);
    expect(result.paths[0].pay.total).toBe(4872000);
    expect(result.paths[0].pay.arrival.yearly).toBe(955000);
    const startup = JSON.parse(
      trellis(['path', 'senior@big-company', 'senior@startup', '--pay', '--json']).stdout,
    );
    expect(startup.paths[0].pay.arrival).toMatchObject({ market: 'us-startup', yearly: 269500 });
  });

  it('refuses an unknown market (exit 1) and --market without --pay (exit 2)', () => {
    const unknown = trellis(['path', 'senior', 'staff', '--pay', '--market', 'mars']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown market "mars"; markets: us-big-tech, us-startup');
    expect(trellis(['path', 'senior', 'staff', '--market', 'us-startup']).code).toBe(2);
  });
});

describe('trellis earnings simulate on the lattice', () => {
  it('walks the levels of the market by default and says where each strategy ends', () => {
    const file = writeTemp('earnings.yaml', 'start: { salary: 150000 }\nyears: 40\nruns: 200\n');
    const { code, stdout } = trellis(['earnings', 'simulate', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('Pay walks the levels of market us-big-tech');
    expect(stdout).toMatch(/stay-merit: Junior engineer 100%; forfeited 0\.00/);
    const json = JSON.parse(
      trellis(['earnings', 'simulate', file, '--market', 'us-startup', '--json']).stdout,
    );
    expect(json.ladder.market).toBe('us-startup');
    expect(json.strategies[0].years[0].levels).toEqual({ junior: 1 });
  });
});
