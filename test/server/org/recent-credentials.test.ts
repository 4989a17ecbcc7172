import { describe, expect, it } from 'vitest';
import { RecentCredentials } from '../../../src/server/org/recent-credentials.js';
import type { Credential } from '../../../src/store/repositories/org/sessions.js';

/** What a burst of reads with one credential asks of the database: how often `lookup` runs. */

const account = { id: 1, email: 'ana@acme.test', personId: undefined, roles: ['admin'], disabled: false };
const credential = (expiresAt?: string) =>
  ({ organisationId: 1, id: 7, ...(expiresAt && { expiresAt }), account }) as unknown as Credential;

function counted(found: Credential | undefined) {
  const calls = { n: 0 };
  const lookup = async () => {
    calls.n++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return found;
  };
  return { calls, lookup };
}

describe('RecentCredentials', () => {
  let clock = Date.parse('2026-06-01T09:00:00.000Z');
  const recent = () => new RecentCredentials(() => new Date(clock));

  it('a hundred reads arriving together share one lookup, and reuse it for a second', async () => {
    const r = recent();
    const { calls, lookup } = counted(credential());
    const found = await Promise.all(Array.from({ length: 100 }, () => r.resolve('token a', lookup)));
    expect(calls.n).toBe(1);
    expect(new Set(found).size).toBe(1);
    clock += 999;
    await r.resolve('token a', lookup);
    expect(calls.n).toBe(1);
    clock += 1;
    await r.resolve('token a', lookup);
    expect(calls.n).toBe(2);
  });

  it('keeps no unknown credential, forgets everything on request, and never reuses an ended session', async () => {
    const r = recent();
    const unknown = counted(undefined);
    await r.resolve('guess', unknown.lookup);
    await r.resolve('guess', unknown.lookup);
    expect(unknown.calls.n).toBe(2);

    const known = counted(credential());
    await r.resolve('token b', known.lookup);
    r.forget();
    await r.resolve('token b', known.lookup);
    expect(known.calls.n).toBe(2);

    const ending = counted(credential(new Date(clock + 500).toISOString()));
    await r.resolve('session c', ending.lookup);
    clock += 500;
    await r.resolve('session c', ending.lookup);
    expect(ending.calls.n).toBe(2);
  });
});
