import { tokenHash } from '../../secrets.js';
import { inTransaction, type Db } from '../common.js';

/**
 * The sign-in limit: after 5 failures within a minute, a key (an account, a client address) is
 * refused until its oldest failure is a minute old. A success does not clear the count, so
 * guessing between one's own sign-ins gains nothing.
 */
export const SIGN_IN_LIMIT = { failures: 5, windowMs: 60_000 } as const;

/**
 * An attempt let through the limit: a failure of each held key until `release` takes it back, and
 * of each counted key once `failed` says so.
 */
export interface AdmittedAttempt {
  readonly ids: readonly number[];
  readonly counted: readonly string[];
  readonly at: string;
}

/**
 * The keys an attempt counts against. `held`: from the moment it is let through (an account), so
 * that guesses at one account sent all at once cannot pass the limit together. `counted`: only
 * once it has failed (a client address, which a whole office may share), so that many people
 * signing in at once from one address are never refused for each other's attempts in flight.
 */
export interface AttemptKeys {
  held: readonly string[];
  counted: readonly string[];
}

/**
 * Failed sign-ins kept in the database (table `sign_in_failures`, global: see its migration), so
 * that every server process over one store, and a restarted one, counts the same failures.
 */
export class SignInFailureRepository {
  constructor(
    private readonly db: Db,
    private readonly limit: { failures: number; windowMs: number } = SIGN_IN_LIMIT,
  ) {}

  /**
   * Checks and counts in one read-write transaction (writers run one at a time on both stores):
   * prunes failures older than the window, refuses (undefined) when a key has used up its
   * failures, else records this attempt as a failure of every held key before its password is
   * checked. So two attempts at one account cannot both pass the limit, and the slow password
   * check runs outside the writers' lock; an attempt that turns out not to be a failure is released.
   */
  async admit(keys: AttemptKeys, at: Date): Promise<AdmittedAttempt | undefined> {
    const held = keys.held.map(tokenHash);
    const counted = keys.counted.map(tokenHash);
    const hashes = [...held, ...counted];
    const since = new Date(at.getTime() - this.limit.windowMs).toISOString();
    return inTransaction(this.db, async (trx) => {
      await trx.deleteFrom('sign_in_failures').where('at', '<=', since).execute();
      const counts = await trx
        .selectFrom('sign_in_failures')
        .select((eb) => ['key_hash', eb.fn.countAll().as('failures')])
        .where('key_hash', 'in', hashes)
        .where('at', '>', since)
        .groupBy('key_hash')
        .execute();
      if (counts.some((row) => Number(row.failures) >= this.limit.failures)) return undefined;
      const rows =
        held.length === 0
          ? []
          : await trx
              .insertInto('sign_in_failures')
              .values(held.map((hash) => ({ key_hash: hash, at: at.toISOString() })))
              .returning('id')
              .execute();
      return { ids: rows.map((row) => row.id), counted, at: at.toISOString() };
    });
  }

  /** The attempt failed: it now counts against its counted keys too (its held keys count already). */
  async failed(attempt: AdmittedAttempt): Promise<void> {
    if (attempt.counted.length === 0) return;
    await this.db
      .insertInto('sign_in_failures')
      .values(attempt.counted.map((hash) => ({ key_hash: hash, at: attempt.at })))
      .execute();
  }

  /** The attempt was no failure (it signed in, or was refused for another reason): it stops counting. */
  async release(attempt: AdmittedAttempt): Promise<void> {
    if (attempt.ids.length === 0) return;
    await this.db
      .deleteFrom('sign_in_failures')
      .where('id', 'in', [...attempt.ids])
      .execute();
  }
}
