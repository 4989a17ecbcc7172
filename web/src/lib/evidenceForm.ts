import { evidenceEntrySchema, type EvidenceEntry } from '../../../src/core/evidence/schema.js';
import { check, plainMessage, type FieldErrors } from './validate.js';

/** The evidence form as typed: text fields, one link per line. */
export interface EvidenceForm {
  date: string;
  title: string;
  description: string;
  scope: string;
  competencies: string[];
  links: string;
  /** Where an accepted suggestion came from: not shown, kept through an edit. */
  source?: string;
}

export const emptyEvidenceForm = (date: string): EvidenceForm => ({
  date,
  title: '',
  description: '',
  scope: '',
  competencies: [],
  links: '',
});

export function formFromEntry(entry: EvidenceEntry): EvidenceForm {
  return {
    date: entry.date,
    title: entry.title,
    description: entry.description ?? '',
    scope: entry.scope ?? '',
    competencies: [...(entry.competencies ?? [])],
    links: (entry.links ?? []).join('\n'),
    ...(entry.source ? { source: entry.source } : {}),
  };
}

/**
 * Messages keyed by the entry's fields (local or from the API) put on the form's fields: every bad
 * link is reported with its line in the links box, in the order of the lines, and a list's other
 * problems land on the list's field. `linkLines` gives the line (from 1) of each link sent: blank
 * lines are not sent, so the n-th link need not be on the n-th line.
 */
export function evidenceFieldErrors(errors: FieldErrors, linkLines: readonly number[] = []): FieldErrors {
  const out: FieldErrors = {};
  const badLinks: [number, string][] = [];
  for (const [key, message] of Object.entries(errors)) {
    const link = /^links\[(\d+)\]$/.exec(key);
    if (link) badLinks.push([Number(link[1]), plainMessage(message)]);
    else out[key.replace(/\[\d+\]$/, '')] ??= plainMessage(message);
  }
  if (badLinks.length > 0) {
    const lines = badLinks
      .sort(([a], [b]) => a - b)
      .map(([i, message]) => `line ${linkLines[i] ?? i + 1}: ${message}`);
    out.links = out.links ? [...lines, out.links].join('; ') : lines.join('; ');
  }
  return out;
}

/**
 * The entry the API would store for this form, checked with the core's entry schema (the one the
 * API validates with). Empty optional fields are left out rather than sent empty, which the API
 * would refuse; each bad link is reported with its line.
 */
export function entryFromForm(form: EvidenceForm): {
  entry: EvidenceEntry | null;
  errors: FieldErrors;
  linkLines: number[];
} {
  const lines = form.links.split('\n').map((l, i) => ({ link: l.trim(), line: i + 1 }));
  const typed = lines.filter((l) => l.link !== '');
  const links = typed.map((l) => l.link);
  const linkLines = typed.map((l) => l.line);
  const candidate = {
    date: form.date,
    title: form.title,
    ...(form.description.trim() ? { description: form.description } : {}),
    ...(form.scope ? { scope: form.scope } : {}),
    ...(form.competencies.length > 0 ? { competencies: form.competencies } : {}),
    ...(links.length > 0 ? { links } : {}),
    ...(form.source ? { source: form.source } : {}),
  };
  const result = check(evidenceEntrySchema, candidate);
  return {
    entry: result.ok ? result.value : null,
    errors: evidenceFieldErrors(result.errors, linkLines),
    linkLines,
  };
}
