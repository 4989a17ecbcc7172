import { evidenceEntrySchema, type EvidenceEntry } from '../../../src/core/evidence/schema.js';
import { check, type FieldErrors } from './validate.js';

/** The evidence form as typed: text fields, one link per line. */
export interface EvidenceForm {
  date: string;
  title: string;
  description: string;
  scope: string;
  competencies: string[];
  links: string;
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
  };
}

/**
 * The entry the API would store for this form, checked with the core's entry schema (the one the
 * API validates with). Empty optional fields are left out rather than sent empty, which the API
 * would refuse; a bad link is reported with its line.
 */
export function entryFromForm(form: EvidenceForm): { entry: EvidenceEntry | null; errors: FieldErrors } {
  const links = form.links
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const candidate = {
    date: form.date,
    title: form.title,
    ...(form.description.trim() ? { description: form.description } : {}),
    ...(form.scope ? { scope: form.scope } : {}),
    ...(form.competencies.length > 0 ? { competencies: form.competencies } : {}),
    ...(links.length > 0 ? { links } : {}),
  };
  const result = check(evidenceEntrySchema, candidate);
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(result.errors)) {
    const link = /^links\[(\d+)\]$/.exec(key);
    if (link) errors.links ??= `line ${Number(link[1]) + 1}: ${message}`;
    else errors[key.replace(/\[\d+\]$/, '')] ??= message;
  }
  return { entry: result.ok ? result.value : null, errors };
}
