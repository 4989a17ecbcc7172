import { tokenHash } from '../../secrets.js';
import { inTransaction, type Db } from '../common.js';

/**
 * The sign-in limit: after 5 failures within a minute, a key (an account, a client address) is
 * refused until its oldest failure is a minute old. A success does not clear the count, so
 * guessing between one's own sign-ins gains nothing.
 */
export const SIGN_IN_LIMIT = { failures: 5, windowMs: 60_000 } as const;

/** An attempt let through the limit: it counts as a failure of each key until `release` takes it back. */
export interface AdmittedAttempt {
  readonly ids: readonly number[];
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
   * failures, else records this attempt as a failure of every key before its password is checked.
   * So two attempts at once cannot both pass the limit, and the slow password check runs outside
   * the writers' lock; an attempt that turns out not to be a failure is released.
   */
  async admit(keys: readonly string[], at: Date): Promise<AdmittedAttempt | undefined> {
    const hashes = keys.map(tokenHash);
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
      const rows = await trx
        .insertInto('sign_in_failures')
        .values(hashes.map((hash) => ({ key_hash: hash, at: at.toISOString() })))
        .returning('id')
        .execute();
      return { ids: rows.map((row) => row.id) };
    });
  }

  /** The attempt was no failure (it signed in, or was refused for another reason): it stops counting. */
  async release(attempt: AdmittedAttempt): Promise<void> {
    await this.db
      .deleteFrom('sign_in_failures')
      .where('id', 'in', [...attempt.ids])
      .execute();
  }
}
