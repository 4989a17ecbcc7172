import { DomainError } from '../problems.js';
import { personFields, type PersonField } from './person.js';

/**
 * The CSV columns of people: each field's header as Trellis writes it, and the other headers it
 * recognises when reading. Headers match whatever their case, spaces, dashes and underscores.
 */
export const columnHeaders: Record<PersonField, string> = {
  name: 'name',
  email: 'email',
  level: 'level',
  specialisation: 'specialisation',
  managerEmail: 'manager_email',
  team: 'team',
  zone: 'zone',
  startDate: 'start_date',
  levelStartDate: 'level_start_date',
  gender: 'gender',
  status: 'status',
  leaveDate: 'leave_date',
};

const synonyms: Partial<Record<PersonField, string[]>> = {
  specialisation: ['specialization'],
  managerEmail: ['manager'],
  zone: ['pay_zone'],
  leaveDate: ['end_date', 'termination_date'],
};

/** A header as it is compared: lower case, without spaces, dashes or underscores. */
export const headerKey = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** Recognised header key → field. */
const known = new Map<string, PersonField>(
  personFields.flatMap((field) =>
    [columnHeaders[field], ...(synonyms[field] ?? [])].map((h) => [headerKey(h), field] as const),
  ),
);

/** The field a header names: through `--map` first, else by the recognised names. */
export function fieldOfHeader(
  header: string,
  map: ReadonlyMap<string, PersonField>,
): PersonField | undefined {
  return map.get(headerKey(header)) ?? known.get(headerKey(header));
}

/**
 * `--map 'Header Name=field,Other=field'`: other headers for the fields, where a field is named as
 * in the CSV columns (`manager_email`) or as in the person (`managerEmail`).
 */
export function parseColumnMap(text: string | undefined): Map<string, PersonField> {
  const map = new Map<string, PersonField>();
  if (text === undefined || text.trim() === '') return map;
  for (const pair of text.split(',')) {
    const at = pair.lastIndexOf('=');
    const header = at < 0 ? '' : pair.slice(0, at).trim();
    const name = at < 0 ? '' : pair.slice(at + 1).trim();
    if (header === '' || name === '')
      throw new DomainError('usage', `--map expects 'Header Name=field,…', got "${pair.trim()}"`);
    const field = known.get(headerKey(name));
    if (field === undefined)
      throw new DomainError(
        'usage',
        `--map: "${name}" is not a field; the fields are ${personFields.map((f) => columnHeaders[f]).join(', ')}`,
      );
    map.set(headerKey(header), field);
  }
  return map;
}
