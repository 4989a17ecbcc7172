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

/** One level a person held: from the entry that set it, with the date it began. */
export interface LevelHeld {
  at: string;
  level: string;
  levelStartDate: string | undefined;
}

/**
 * The levels a person held, oldest first, read from the audit entries about them (the record each
 * create, update or leave wrote): a new row whenever the level or its start date changed.
 */
export function levelHistory(entries: readonly AuditEntry[]): LevelHeld[] {
  const held: LevelHeld[] = [];
  for (const entry of entries) {
    if (!['person.create', 'person.update', 'person.leave'].includes(entry.kind)) continue;
    const after = entry.after as { level?: unknown; levelStartDate?: unknown } | null;
    if (typeof after?.level !== 'string') continue;
    const levelStartDate = typeof after.levelStartDate === 'string' ? after.levelStartDate : undefined;
    const last = held.at(-1);
    if (last?.level === after.level && last.levelStartDate === levelStartDate) continue;
    held.push({ at: entry.at, level: after.level, levelStartDate });
  }
  return held;
}
