import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems.js';
import { DomainError } from '../../src/core/problems.js';
import { latestToday } from '../../src/core/evidence/schema.js';
import { parseEvidenceLog } from '../../src/core/evidence/log.js';
import { stores } from '../helpers/stores.js';
import { testServer } from '../server/helpers.js';

/** Nothing was done or rated on a day that has not begun anywhere: a future date is refused, where it is. */

const future = '2999-01-01';

describe('the latest day it is anywhere', () => {
  it('is UTC+14: a day ahead from 10:00 UTC, the same day before it', () => {
    expect(latestToday(new Date('2026-12-02T09:59:59Z'))).toBe('2026-12-02');
    expect(latestToday(new Date('2026-12-02T10:00:00Z'))).toBe('2026-12-03');
    expect(latestToday(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});

describe('an evidence log with a future date', () => {
  it('is refused at the line and column of the date', () => {
    const text = `entries:\n  - date: 2026-01-10\n    title: Shipped search\n  - date: ${future}\n    title: Not yet\n`;
    let problems: string[] = [];
    try {
      parseEvidenceLog(text, 'evidence.yaml');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems = error.problems.map(formatProblem);
    }
    expect(problems).toEqual([
      `evidence.yaml:4:11: entries[1].date: "${future}" is in the future: give the day it happened`,
    ]);
  });
});

describe.each(stores())('the API refuses future dates ($kind)', (store) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    server = await testServer(await store.fresh());
  });
  afterAll(() => server.close());

  const post = (url: string, payload: Record<string, unknown>) =>
    server.app.inject({ method: 'POST', url, payload });

  it('for evidence, on the date field', async () => {
    const refused = await post('/api/evidence', { date: future, title: 'Not yet' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'body.date', message: `"${future}" is in the future: give the day it happened` },
    ]);
    expect((await post('/api/evidence', { date: latestToday(), title: 'Today' })).statusCode).toBe(201);
  });

  it('for assessments, on the date field', async () => {
    const refused = await post('/api/assessments', { date: future, current: 'senior', ratings: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toContainEqual({
      path: 'body.date',
      message: `"${future}" is in the future: give the day it happened`,
    });
  });
});
