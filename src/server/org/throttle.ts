/**
 * Failed sign-ins counted per key (an account, an address) over a sliding minute. After `limit`
 * failures within the window the key is refused until the oldest failure leaves it; a success
 * does not clear the count, so guessing between one's own sign-ins gains nothing. Kept in memory:
 * one server process; a restart forgets, which costs an attacker a restart they cannot cause.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit = 5,
    readonly windowMs = 60_000,
    /** Keys kept at most: the oldest are dropped first, so that a flood of addresses cannot fill memory. */
    private readonly maxKeys = 100_000,
  ) {}

  private recent(key: string, at: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => at - t < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Whether any of the keys has used up its failures: then the attempt is refused unchecked. */
  blocked(keys: readonly string[], at = Date.now()): boolean {
    return keys.some((key) => this.recent(key, at).length >= this.limit);
  }

  fail(keys: readonly string[], at = Date.now()): void {
    for (const key of keys) {
      const kept = this.recent(key, at);
      this.failures.delete(key);
      this.failures.set(key, [...kept, at]);
    }
    while (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }
}
