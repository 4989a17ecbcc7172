import { can, type Actor } from './policy.js';

/**
 * An entry of the audit log: who did what to whom, when, and the record before and after. The log
 * keeps everything, gender included; what a reader sees of it goes through the policy.
 */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  kind: string;
  subject: string;
  before: unknown;
  after: unknown;
}

/** The entry as `reader` may see it: a person's gender is removed unless they may read gender. */
export function redactAuditEntry(reader: Actor, entry: AuditEntry): AuditEntry {
  if (can(reader, 'person.gender.read', { organisationId: reader.organisationId })) return entry;
  return { ...entry, before: redact(entry.before), after: redact(entry.after) };
}

function redact(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'gender'))
    return value;
  const { gender: _gender, ...rest } = value as Record<string, unknown>;
  return rest;
}
