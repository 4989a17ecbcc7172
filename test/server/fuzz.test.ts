import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from './helpers.js';

/**
 * Malformed requests to every write endpoint: broken JSON, bodies that are not objects, valid bodies
 * with an unknown field (every body schema is strict, so these are always invalid) and random
 * values in place of real fields, and other content types. None may get a 5xx or change anything.
 */

type Server = Awaited<ReturnType<typeof testServer>>;
const RUNS = 1000;

const validBodies: Record<string, Record<string, unknown>> = {
  evidence: { date: '2026-01-10', title: 'Shipped search', scope: 'team', competencies: ['debugging'] },
  assessment: { date: '2026-02-01', current: 'senior', ratings: { debugging: 3 } },
  profile: { current: 'senior', yearsOfExperience: 5, skills: { backend: 4 } },
  offers: {
    name: 'two',
    file: {
      offers: [
        { name: 'A', base: 100000 },
        { name: 'B', base: 120000 },
      ],
    },
  },
  scenario: { name: 'ten', file: { start: { salary: 100000 }, years: 10 } },
  framework: { source: 'id: x\nname: X\nversion: 1.0.0\n', use: true },
  active: { id: 1 },
};

const writes: { method: 'POST' | 'PUT'; url: string; valid: Record<string, unknown> }[] = [
  { method: 'POST', url: '/api/evidence', valid: validBodies.evidence! },
  { method: 'PUT', url: '/api/evidence/1', valid: validBodies.evidence! },
  { method: 'POST', url: '/api/assessments', valid: validBodies.assessment! },
  { method: 'PUT', url: '/api/assessments/1', valid: validBodies.assessment! },
  { method: 'PUT', url: '/api/profile', valid: validBodies.profile! },
  { method: 'POST', url: '/api/offers', valid: validBodies.offers! },
  { method: 'PUT', url: '/api/offers/1', valid: validBodies.offers! },
  { method: 'POST', url: '/api/scenarios', valid: validBodies.scenario! },
  { method: 'PUT', url: '/api/scenarios/1', valid: validBodies.scenario! },
  { method: 'POST', url: '/api/frameworks', valid: validBodies.framework! },
  { method: 'PUT', url: '/api/frameworks/active', valid: validBodies.active! },
  { method: 'POST', url: '/api/import', valid: { format: 'trellis-workspace' } },
];

const json = (value: unknown) => ({ payload: JSON.stringify(value), type: 'application/json' });

/** A body that no write endpoint may accept. */
function malformed(valid: Record<string, unknown>) {
  const known = new Set(Object.keys(valid));
  const unknownKey = fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((k) => !known.has(k) && k !== '__proto__');
  return fc.oneof(
    // Broken JSON.
    fc
      .string({ maxLength: 60 })
      .filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      })
      .map((payload) => ({ payload, type: 'application/json' })),
    // JSON, but not an object.
    fc
      .oneof(
        fc.integer(),
        fc.double(),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.jsonValue({ maxDepth: 1 })),
      )
      .map(json),
    // The valid body with random values in its fields and one field that does not exist (JSON values
    // only: an undefined would vanish in JSON and leave a valid body).
    fc
      .tuple(
        fc.dictionary(fc.constantFrom(...known), fc.jsonValue({ maxDepth: 2 }), { maxKeys: known.size }),
        unknownKey,
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(([replaced, key, value]) => json({ ...valid, ...replaced, [key]: value })),
    // Another content type.
    fc
      .tuple(
        fc.constantFrom('text/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'image/png'),
        fc.string(),
      )
      .map(([type, payload]) => ({ payload: payload === '' ? 'x' : payload, type })),
  );
}

describe('malformed bodies to every write endpoint', () => {
  let server: Server;
  let before: unknown;

  beforeAll(async () => {
    server = await testServer();
    const post = (url: string, body: unknown, method: 'POST' | 'PUT' = 'POST') =>
      server.app.inject({ method, url, payload: body as Record<string, unknown> });
    // One of each, so that the PUT endpoints have something to (fail to) replace.
    await post('/api/evidence', validBodies.evidence);
    await post('/api/assessments', validBodies.assessment);
    await post('/api/profile', validBodies.profile, 'PUT');
    await post('/api/offers', validBodies.offers);
    await post('/api/scenarios', validBodies.scenario);
    before = await server.workspace.export();
  });
  afterAll(async () => server.close());

  for (const { method, url, valid } of writes) {
    it(`${method} ${url}: ${RUNS} malformed bodies, all 4xx with the error shape, nothing changed`, async () => {
      await fc.assert(
        fc.asyncProperty(malformed(valid), async ({ payload, type }) => {
          const response = await server.app.inject({
            method,
            url,
            payload,
            headers: { 'content-type': type },
          });
          expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, response.body).toBeLessThan(500);
          const body = response.json<{ error: { code: string; message: string; fields: unknown[] } }>();
          expect(typeof body.error.code).toBe('string');
          expect(Array.isArray(body.error.fields)).toBe(true);
        }),
        { numRuns: RUNS },
      );
      expect(await server.workspace.export()).toEqual(before);
    });
  }
});
