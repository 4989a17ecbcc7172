import type { Credential } from '../../store/repositories/org/sessions.js';

/**
 * What each credential a server was shown resolved to in the last moment, so that a burst of
 * reads with one token or cookie asks the database once, not once per request: on a busy server
 * the credential's round trip cost as much as the page itself.
 *
 * Only reads use it, and for at most `reuseMs`: a write always asks the database, so a revoked
 * token or ended session can never change anything. Any state-changing request this server
 * answers forgets everything (a sign-out, a revocation or a change of roles takes effect here at
 * once); a change made by another process (the command line, another server) reaches reads here
 * within `reuseMs`. Unknown credentials are never kept, so guesses cannot fill it.
 */
export class RecentCredentials {
  /**
   * Each key's lookup, with when it began: concurrent reads with one credential share a single
   * lookup (a hundred requests arriving together would otherwise each ask the database).
   */
  private readonly kept = new Map<string, { at: number; credential: Promise<Credential | undefined> }>();

  constructor(
    private readonly now: () => Date,
    readonly reuseMs = 1000,
    /** Credentials kept at most: the oldest are dropped first. */
    private readonly maxKept = 10_000,
  ) {}

  /** `key`'s credential as `lookup` finds it, or as it was found within `reuseMs`. */
  async resolve(key: string, lookup: () => Promise<Credential | undefined>): Promise<Credential | undefined> {
    const at = this.now().getTime();
    const hit = this.kept.get(key);
    if (hit && at - hit.at < this.reuseMs) {
      const credential = await hit.credential;
      if (!credential || !expired(credential, this.now().getTime())) return credential;
    }
    const entry = { at, credential: lookup() };
    this.kept.set(key, entry);
    if (this.kept.size > this.maxKept) this.kept.delete(this.kept.keys().next().value!);
    // Unknown credentials are not kept, nor failed lookups: only what names an account.
    const forgetThis = () => {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    };
    entry.credential.then((found) => found ?? forgetThis(), forgetThis);
    return entry.credential;
  }

  /** Forgets every credential: something this server answered may have changed one. */
  forget(): void {
    this.kept.clear();
  }
}

const expired = (credential: Credential, at: number): boolean =>
  credential.expiresAt !== undefined && Date.parse(credential.expiresAt) <= at;
