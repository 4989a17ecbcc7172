import type { z } from 'zod';
import type { Path } from '../problems.js';
import {
  assumptionSchema,
  companySchema,
  competencySchema,
  groupSchema,
  levelSchema,
  marketSchema,
  moveSchema,
  promotionRuleSchema,
  roleSchema,
  scaleSchema,
  sourceSchema,
  specialisationSchema,
  trackSchema,
  type Framework,
} from './schema.js';

/** An item of a framework list with its index in the file, so that problems point at the right line. */
export interface Entry<T> {
  index: number;
  value: T;
}

const sections = {
  tracks: trackSchema,
  levels: levelSchema,
  roles: roleSchema,
  scales: scaleSchema,
  groups: groupSchema,
  competencies: competencySchema,
  promotionRules: promotionRuleSchema,
  moves: moveSchema,
  specialisations: specialisationSchema,
  companies: companySchema,
  assumptions: assumptionSchema,
  markets: marketSchema,
  sources: sourceSchema,
} as const;

export type Section = keyof typeof sections;
export type Salvaged = { [K in Section]: Entry<z.output<(typeof sections)[K]>>[] } & {
  /** Ids of items that are present but broken: references to them are not reported again. */
  brokenIds: Set<string>;
  /** Broken items that still have an id, by section: a later item reusing that id is still a duplicate. */
  brokenEntries: Partial<Record<Section, Entry<{ id: string }>[]>>;
  /** Tracks with a broken level: their rank order cannot be judged. */
  brokenTracks: Set<string>;
};

type Broken = 'brokenIds' | 'brokenTracks' | 'brokenEntries';

/**
 * Keeps every list item that is well formed on its own, even when other parts of the file are
 * broken, so that the semantic rules can still run and report everything in one pass. `failedAt`
 * holds the paths where the framework's schema, which checks each item with the same item schema,
 * already found an issue: those items are broken without being checked a second time (ten
 * thousand broken competencies cost a fifth of a file's whole validation when checked again).
 */
export function salvage(raw: unknown, failedAt: readonly Path[] = []): Salvaged {
  const failed = failedItems(failedAt);
  const root = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out = {} as Record<Section, Entry<unknown>[]>;
  const brokenIds = new Set<string>();
  const brokenTracks = new Set<string>();
  const brokenEntries: Salvaged['brokenEntries'] = {};
  for (const [section, schema] of Object.entries(sections) as [Section, z.ZodType][]) {
    const list = root[section];
    out[section] = [];
    if (!Array.isArray(list)) continue;
    const broken = failed.get(section);
    list.forEach((item, index) => {
      const parsed = broken?.has(index) ? undefined : schema.safeParse(item);
      if (parsed?.success) {
        out[section].push({ index, value: parsed.data });
        return;
      }
      const raw = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      if (typeof raw.id === 'string') {
        brokenIds.add(raw.id);
        (brokenEntries[section] ??= []).push({ index, value: { id: raw.id } });
      }
      if (section === 'levels') brokenTracks.add(typeof raw.track === 'string' ? raw.track : '');
    });
  }
  return { ...(out as Omit<Salvaged, Broken>), brokenIds, brokenTracks, brokenEntries };
}

/** The indexes of the items, by section, that hold a path of `failedAt`. */
function failedItems(failedAt: readonly Path[]): Map<string, Set<number>> {
  const failed = new Map<string, Set<number>>();
  for (const [section, index] of failedAt) {
    if (typeof section !== 'string' || typeof index !== 'number' || !Object.hasOwn(sections, section))
      continue;
    let indexes = failed.get(section);
    if (!indexes) failed.set(section, (indexes = new Set()));
    indexes.add(index);
  }
  return failed;
}

/** The entries of a framework that passed the schema: no need to parse its items again. */
export function entriesOf(framework: Framework): Salvaged {
  const out = {} as Record<Section, Entry<unknown>[]>;
  for (const section of Object.keys(sections) as Section[]) {
    out[section] = (framework[section] as unknown[]).map((value, index) => ({ index, value }));
  }
  return {
    ...(out as Omit<Salvaged, Broken>),
    brokenIds: new Set(),
    brokenTracks: new Set(),
    brokenEntries: {},
  };
}
