import type { EvidenceEntry, EvidenceScope } from './schema.js';

export interface EvidenceFilter {
  /** Entries that name this competency. */
  competency?: string;
  /** Entries with exactly this scope. */
  scope?: EvidenceScope;
  /** YYYY-MM-DD, inclusive. */
  since?: string;
  /** YYYY-MM-DD, inclusive. */
  until?: string;
}

/**
 * The entries that pass every filter given, oldest first; entries of the same day keep their order
 * in the log. YYYY-MM-DD texts sort as dates, so they are compared as text.
 */
export function listEntries(entries: readonly EvidenceEntry[], filter: EvidenceFilter = {}): EvidenceEntry[] {
  return entries
    .filter(
      (entry) =>
        (filter.competency === undefined || (entry.competencies ?? []).includes(filter.competency)) &&
        (filter.scope === undefined || entry.scope === filter.scope) &&
        (filter.since === undefined || entry.date >= filter.since) &&
        (filter.until === undefined || entry.date <= filter.until),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
