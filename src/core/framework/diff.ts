import type { Framework } from './schema.js';
import { own } from '../names.js';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface SectionDiff {
  added: string[];
  removed: string[];
  changed: { id: string; fields: FieldChange[] }[];
}

export const diffSections = [
  'tracks',
  'levels',
  'roles',
  'scales',
  'groups',
  'competencies',
  'expectations',
  'promotionRules',
  'moves',
  'specialisations',
  'companies',
  'assumptions',
  'sources',
] as const;
export type DiffSection = (typeof diffSections)[number];

export interface FrameworkDiff {
  old: { id: string; name: string; version: string };
  new: { id: string; name: string; version: string };
  /** Changes to the framework's own fields (name, version, description). */
  framework: FieldChange[];
  sections: Record<DiffSection, SectionDiff>;
  summary: { added: number; removed: number; changed: number };
}

/** Everything a section holds, keyed by stable id; expectations are keyed "level/competency". */
function keyed(framework: Framework, section: DiffSection): Map<string, unknown> {
  if (section === 'expectations') {
    return new Map(
      framework.levels.flatMap((level) =>
        Object.entries(level.expectations).map(
          ([competency, expectation]) => [`${level.id}/${competency}`, expectation] as const,
        ),
      ),
    );
  }
  if (section === 'levels') {
    // Expectations have their own section, so a level changes only when its own fields do.
    return new Map(framework.levels.map(({ expectations: _e, ...level }) => [level.id, level]));
  }
  return new Map((framework[section] as { id: string }[]).map((item) => [item.id, item]));
}

/**
 * What changed between two versions of a ladder, keyed by id: the review of a ladder change in a
 * pull request. Defaults are applied first, so spelling out a default is not a change.
 */
export function diffFrameworks(before: Framework, after: Framework): FrameworkDiff {
  const sections = {} as Record<DiffSection, SectionDiff>;
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const section of diffSections) {
    const a = keyed(before, section);
    const b = keyed(after, section);
    const diff: SectionDiff = {
      added: [...b.keys()].filter((id) => !a.has(id)),
      removed: [...a.keys()].filter((id) => !b.has(id)),
      changed: [...b.keys()].flatMap((id) => {
        if (!a.has(id)) return [];
        const fields = compare(a.get(id), b.get(id));
        return fields.length > 0 ? [{ id, fields }] : [];
      }),
    };
    sections[section] = diff;
    added += diff.added.length;
    removed += diff.removed.length;
    changed += diff.changed.length;
  }
  const meta = (f: Framework) => ({ name: f.name, version: f.version, description: f.description });
  const framework = compare(meta(before), meta(after));
  return {
    old: { id: before.id, name: before.name, version: before.version },
    new: { id: after.id, name: after.name, version: after.version },
    framework,
    sections,
    summary: { added, removed, changed: changed + (framework.length > 0 ? 1 : 0) },
  };
}

/** Leaf-by-leaf differences; lists of records are compared item by item by the key they are known by. */
export function compare(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  const a = normalise(before);
  const b = normalise(after);
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) =>
      compare(
        own(a, key),
        own(b, key),
        prefix === '' || key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`,
      ),
    );
  }
  return JSON.stringify(a) === JSON.stringify(b)
    ? []
    : [{ field: prefix, old: before ?? null, new: after ?? null }];
}

/**
 * The key a list's items are known by: an id or code, else what names them (a sub-level's name, an
 * illustration's behaviour, an example criterion's text), when every item has one and no two share it.
 */
const itemKeys = ['id', 'code', 'name', 'behaviour', 'criterion'] as const;

function normalise(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isRecord)) return value;
  const key = itemKeys.find((k) => {
    const names = value.map((item) => item[k]);
    return names.every((n) => typeof n === 'string') && new Set(names).size === names.length;
  });
  return key ? Object.fromEntries(value.map((item) => [`[${String(item[key])}]`, item])) : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
