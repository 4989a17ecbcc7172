import type { z } from 'zod';
import {
  assumptionSchema,
  companySchema,
  competencySchema,
  groupSchema,
  levelSchema,
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
  sources: sourceSchema,
} as const;

export type Section = keyof typeof sections;
export type Salvaged = { [K in Section]: Entry<z.output<(typeof sections)[K]>>[] };

/**
 * Keeps every list item that is well formed on its own, even when other parts of the file are
 * broken, so that the semantic rules can still run and report everything in one pass.
 */
export function salvage(raw: unknown): Salvaged {
  const root = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out = {} as Record<Section, Entry<unknown>[]>;
  for (const [section, schema] of Object.entries(sections) as [Section, z.ZodType][]) {
    const list = root[section];
    out[section] = [];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) out[section].push({ index, value: parsed.data });
    });
  }
  return out as Salvaged;
}

/** The entries of a fully valid framework, indexed as in the file. */
export function entriesOf(framework: Framework): Salvaged {
  const out = {} as Record<Section, Entry<unknown>[]>;
  for (const section of Object.keys(sections) as Section[]) {
    out[section] = (framework[section] as unknown[]).map((value, index) => ({ index, value }));
  }
  return out as Salvaged;
}
