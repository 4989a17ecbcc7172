import { z } from 'zod';
import { LIMITS } from '../input/limits.js';

/**
 * The framework file format: the one source of truth for the TypeScript types, the runtime
 * validation and the JSON Schema that editors use. Every object is strict, so a misspelt field
 * is an error rather than silently ignored data.
 */

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'must be lowercase letters, digits, ".", "_" or "-", starting with a letter or digit',
  )
  .describe('A stable identifier: keep it when titles change so that assessments survive new versions.');

const text = z.string().min(1, 'must not be empty');
const fraction = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');
const nonNegative = z.number().min(0, 'must not be negative');
const sourceRef = id.describe('The id of an entry in `sources` that backs this figure.');

export const rangeSchema = z
  .strictObject({ min: nonNegative, max: nonNegative })
  .describe('An inclusive range; min must not exceed max.');

export const trackSchema = z
  .strictObject({
    id,
    name: text,
    kind: z
      .enum(['ladder', 'lateral'])
      .default('ladder')
      .describe(
        '`ladder`: a career track of ranked levels; `lateral`: a family of roles reached by lateral moves.',
      ),
    description: text.optional(),
  })
  .describe('A career track, e.g. the individual-contributor or the management track.');

export const scopeValues = [
  'task',
  'feature',
  'project',
  'team',
  'multi-team',
  'organisation',
  'company',
  'industry',
] as const;
export const scopeSchema = z
  .enum(scopeValues)
  .describe('How far the work reaches, from one task to the whole industry.');

export const archetypeSchema = z.strictObject({ id, name: text, description: text.optional() });

export const spanSchema = z
  .strictObject({
    engineers: rangeSchema.optional(),
    teams: rangeSchema.optional(),
    managers: rangeSchema.optional(),
    source: sourceRef.optional(),
  })
  .describe('Span of control: how many engineers, teams or managers someone at this level typically leads.');

export const shareSchema = z
  .strictObject({ min: fraction.optional(), max: fraction.optional(), source: sourceRef.optional() })
  .describe('Share of engineers at this level, as fractions of 1 (0.01 = 1%).');

export const exampleCriterionSchema = z
  .strictObject({
    criterion: text,
    examples: z.array(text).max(LIMITS.listItems).default([]),
  })
  .describe('A criterion given as an example of meeting the expectation, with examples of its own.');

export const subLevelSchema = z
  .strictObject({
    name: text.describe('The sub-level as the source names it, e.g. "A" or "A (after probation)".'),
    behaviours: z.array(text).max(LIMITS.listItems).default([]),
  })
  .describe('A step within a level and what it asks of one competency.');

/** Only web addresses: a ladder's links are published on sites, where `javascript:` would run. */
export const webUrl = z.url({ protocol: /^https?$/, error: 'must be a web address (http or https)' });

export const linkSchema = z.strictObject({ label: text, url: webUrl }).describe('A labelled link.');

export const illustrationSchema = z
  .strictObject({
    behaviour: text.describe('The behaviour illustrated, as written in `behaviours`.'),
    examples: z.array(text).max(LIMITS.listItems).default([]),
    links: z.array(linkSchema).max(LIMITS.listItems).default([]),
  })
  .describe('Examples of one behaviour and reading that helps to understand it.');

export const expectationSchema = z
  .strictObject({
    rating: z.number().int().describe("The rating expected at this level, on the competency's scale."),
    behaviours: z
      .array(text)
      .max(LIMITS.listItems)
      .default([])
      .describe('What meeting the expectation looks like.'),
    illustrations: z
      .array(illustrationSchema)
      .max(LIMITS.listItems)
      .optional()
      .describe('Examples and reading for single behaviours (the FT’s examples and supporting URLs).'),
    exampleCriteria: z
      .array(exampleCriterionSchema)
      .max(LIMITS.listItems)
      .optional()
      .describe(
        'Criteria given as examples rather than requirements (Monzo’s example criteria), each with its examples.',
      ),
    subLevels: z
      .array(subLevelSchema)
      .max(LIMITS.listItems)
      .optional()
      .describe(
        'Steps within the level, lowest first (Monzo’s sub-levels A, B, C), each with its statements.',
      ),
  })
  .describe('What a level expects of one competency.');

const payFigure = z.number().min(0, 'must not be negative');

export const payRowSchema = z
  .strictObject({
    base: payFigure.describe('Base salary a year.'),
    bonus: payFigure.describe('Target bonus a year.'),
    equity: payFigure.describe('Equity vesting a year, at grant value (paper value for options).'),
    source: sourceRef.describe('The source of the total at this percentile.'),
    splitSource: sourceRef
      .optional()
      .describe('The source of the split into base, bonus and equity, when another than `source`.'),
  })
  .describe('Total compensation at one percentile, split into base, bonus target and yearly equity.');

export const levelPaySchema = z
  .strictObject({ p25: payRowSchema, p50: payRowSchema, p75: payRowSchema })
  .describe("A level's yearly total compensation in one market: 25th, 50th and 75th percentiles.");

export const levelSchema = z
  .strictObject({
    id,
    title: text,
    track: id.describe('The id of the track this level belongs to.'),
    rank: z.number().int().min(1).describe('Position in the track: 1, 2, 3 … with no holes.'),
    band: z
      .number()
      .int()
      .min(1)
      .describe('Seniority shared across tracks: equal band means equal standing and pay.'),
    aliases: z.array(text).max(LIMITS.listItems).default([]),
    summary: text.optional(),
    scope: scopeSchema,
    impact: text.describe('Where the impact comes from at this level.'),
    years: rangeSchema.describe('Typical years spent in this level before moving on.'),
    yearsSource: sourceRef.optional(),
    share: shareSchema.optional(),
    pay: z
      .record(id, levelPaySchema)
      .optional()
      .describe('Market id → the pay at this level in that market.'),
    careerLevel: z
      .boolean()
      .default(false)
      .describe(
        'The level of its track where the expectation to keep climbing ends: one may stay here for good. Levels above it are optional by nature.',
      ),
    archetypes: z.array(archetypeSchema).max(LIMITS.listItems).default([]),
    responsibilities: z.array(text).max(LIMITS.listItems).default([]),
    span: spanSchema.optional(),
    notes: z.array(text).max(LIMITS.listItems).default([]),
    expectations: z
      .record(z.string(), expectationSchema)
      .default({})
      .describe('Competency id → the rating and behaviours this level expects.'),
  })
  .describe('A rung of a track.');

export const scalePointSchema = z.strictObject({
  value: z.number().int(),
  label: text,
  description: text.optional(),
  behaviours: z
    .array(text)
    .optional()
    .describe(
      'What this rating looks like, for scales whose points are written per competency (Snowflake’s signals).',
    ),
  examples: z.array(text).optional().describe('Work that earned this rating (Snowflake’s examples).'),
});

export const scaleSchema = z
  .strictObject({
    id,
    name: text,
    points: z.array(scalePointSchema).max(LIMITS.listItems).min(2, 'needs at least two points'),
  })
  .describe('A rating scale: its points in ascending order of value.');

export const groupSchema = z.strictObject({ id, name: text, description: text.optional() });

/**
 * Kinds of work record that a version-control history or a code host's export can show, each
 * recognised by fixed rules (see src/core/evidence/suggest/kinds.ts).
 */
export const recordKinds = ['review-given', 'design-document', 'incident-follow-up'] as const;
export type RecordKind = (typeof recordKinds)[number];

export const evidenceHintsSchema = z
  .strictObject({
    keywords: z
      .array(text)
      .max(LIMITS.listItems)
      .optional()
      .describe(
        'Words or phrases that, found in a commit message or pull request title, suggest this competency.',
      ),
    paths: z
      .array(text)
      .max(LIMITS.listItems)
      .optional()
      .describe('Globs of the files whose change suggests this competency, e.g. `docs/**` or `**/*test*`.'),
    kinds: z
      .array(z.enum(recordKinds))
      .max(recordKinds.length)
      .optional()
      .describe(
        'Kinds of record that show this competency: a review given, a design document, an incident follow-up.',
      ),
  })
  .describe("How one's work records show this competency, for `trellis evidence suggest`.");

export const competencySchema = z
  .strictObject({
    id,
    name: text,
    group: id.describe('The id of a competency group.'),
    description: text,
    scale: id
      .optional()
      .describe('The id of a rating scale; may be left out when the framework has one scale.'),
    core: z
      .boolean()
      .default(true)
      .describe('Core competencies need an expectation at every level they apply to.'),
    tracks: z
      .array(id)
      .max(LIMITS.listItems)
      .optional()
      .describe('The tracks whose levels this competency applies to; every ladder track when left out.'),
    deepDive: text
      .optional()
      .describe(
        "A concentrated way to grow this competency once or twice a year: the learning plan's deep investment.",
      ),
    coreTracks: z
      .array(id)
      .optional()
      .describe(
        'For a core competency: the tracks on which it is core; on the other tracks it applies to it is optional. Every track it applies to when left out.',
      ),
    evidence: evidenceHintsSchema.optional(),
  })
  .describe('A dimension of the work, rated on a scale.');

export const pointsTitleSchema = z
  .strictObject({
    title: text,
    minPoints: nonNegative
      .optional()
      .describe('The fewest points that earn the title; no minimum when left out.'),
    maxPoints: nonNegative
      .optional()
      .describe('The most points the title is held at; no maximum when left out.'),
    minPointsPerGroup: z
      .record(id, nonNegative)
      .default({})
      .describe('Competency group id → the points the group must reach for the title.'),
  })
  .describe('A title held within a range of points, e.g. Snowflake’s "Senior Engineer" from 36 to 57.');

export const pointsSchema = z
  .strictObject({
    table: z
      .record(z.string().regex(/^-?\d+$/, 'must be a rating (a whole number)'), nonNegative)
      .describe('Rating → the points it is worth, e.g. Snowflake’s {0: 0, 1: 1, 2: 3, 3: 6, 4: 12, 5: 20}.'),
    weights: z
      .record(id, nonNegative)
      .default({})
      .describe(
        'Competency or group id → a multiplier of its points (1 when left out); a competency’s weight beats its group’s.',
      ),
    thresholds: z.record(id, nonNegative).describe('Level id → the sum of points that meets the level.'),
    titles: z
      .array(pointsTitleSchema)
      .default([])
      .describe('Titles the sum of points makes one eligible for.'),
  })
  .describe(
    'A points rule: each rating is worth points; a level is met when their sum reaches its threshold.',
  );

export const promotionRuleSchema = z
  .strictObject({
    id,
    description: text.optional(),
    kind: z
      .enum(['expectations', 'points'])
      .optional()
      .describe(
        '`expectations` (the default): competencies against the level’s expectations; `points`: the sum of the ratings’ points against a threshold.',
      ),
    points: pointsSchema.optional().describe('The table, weights, thresholds and titles of a points rule.'),
    appliesTo: z
      .strictObject({
        tracks: z.array(id).max(LIMITS.listItems).optional(),
        levels: z.array(id).max(LIMITS.listItems).optional(),
      })
      .optional()
      .describe(
        'Which target levels the rule governs; every level when left out. Levels beat tracks beat the default.',
      ),
    coreMustMeet: z
      .boolean()
      .default(true)
      .describe('Every core competency must meet the expectation, apart from the allowance of maxBelow.'),
    maxBelow: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('How many competencies may fall short of the expectation.'),
    maxStepsBelow: z
      .number()
      .int()
      .min(1)
      .default(1)
      .describe('How far below the expectation those competencies may be, in rating steps.'),
    minMetPerGroup: z
      .record(id, z.number().int().min(0))
      .default({})
      .describe('Competency group id → how many of its competencies must meet the expectation.'),
  })
  .superRefine((rule, context) => {
    if (rule.kind === 'points' && rule.points === undefined)
      context.addIssue({
        code: 'custom',
        path: ['points'],
        message: 'a points rule needs `points`: its table and thresholds',
      });
    if (rule.kind !== 'points' && rule.points !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['kind'],
        message: '`points` is read only by a rule with `kind: points`',
      });
  })
  .describe('An explicit promotion rule: the level is met when the ratings satisfy it.');

export const roleSchema = z
  .strictObject({
    id,
    title: text,
    track: id.describe('The id of a lateral track (e.g. product).'),
    band: z.number().int().min(1).optional(),
    summary: text,
    notes: z.array(text).max(LIMITS.listItems).default([]),
  })
  .describe('A role outside the engineering ladders, reached by a lateral move.');

export const moveKinds = [
  'promotion',
  'track-switch',
  'lateral',
  'specialisation-change',
  'company-change',
] as const;
export const companyKinds = ['big-company', 'startup'] as const;

export const moveSchema = z
  .strictObject({
    id,
    kind: z.enum(moveKinds),
    from: id.describe('A level or role id.'),
    to: id.describe('A level or role id.'),
    years: rangeSchema
      .optional()
      .describe('Typical years the move takes; for promotions, the years in the level left.'),
    levelChange: z
      .number()
      .int()
      .optional()
      .describe(
        'Change of band; negative for the temporary setback of a reset. Derived from the bands when left out.',
      ),
    fromSpecialisation: id.optional(),
    toSpecialisation: id.optional(),
    fromCompany: z.enum(companyKinds).optional(),
    toCompany: z.enum(companyKinds).optional(),
    prerequisites: z.array(text).max(LIMITS.listItems).default([]),
    advice: z.array(text).max(LIMITS.listItems).default([]),
    source: sourceRef.optional(),
  })
  .describe('An edge of the lattice.');

export const marketDynamics = ['premium', 'core', 'commoditised', 'niche'] as const;

export const specialisationSchema = z
  .strictObject({
    id,
    name: text,
    focus: z.array(text).max(LIMITS.listItems).default([]),
    market: z.strictObject({
      dynamic: z.enum(marketDynamics),
      notes: z.array(text).max(LIMITS.listItems).default([]),
      premium: z
        .strictObject({
          min: z.number(),
          max: z.number(),
          over: id.optional().describe('The specialisation it is compared with.'),
          year: z.number().int().optional(),
          source: sourceRef.optional(),
        })
        .optional()
        .describe('Pay premium as fractions (0.2 = 20% more).'),
    }),
    obsolescence: z
      .strictObject({
        risk: z.enum(['low', 'medium', 'high']),
        examples: z.array(text).max(LIMITS.listItems).default([]),
      })
      .optional(),
    adjacent: z
      .array(id)
      .max(LIMITS.listItems)
      .default([])
      .describe('Specialisations it borders, for breadth.'),
  })
  .describe('A specialisation area with its market dynamics.');

export const companyCodeSchema = z.strictObject({
  code: text,
  level: id,
  rung: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      "Where the code stands among the company's codes on the same framework level (1 = lowest), matched across companies; its position among them when left out.",
    ),
  note: text.optional(),
});

export const companySchema = z
  .strictObject({
    id,
    name: text,
    source: sourceRef,
    caveats: z
      .array(text)
      .max(LIMITS.listItems)
      .default([])
      .describe('What a reader of this map must know before trusting it.'),
    levels: z.array(companyCodeSchema).max(LIMITS.listItems).min(1, 'needs at least one level code'),
  })
  .describe("A company's level codes mapped to this framework's levels.");

export const marketSchema = z
  .strictObject({
    id,
    name: text,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .describe('The currency of every figure in this market.'),
    year: z.number().int().optional().describe('The year the figures describe.'),
    company: z
      .enum(companyKinds)
      .optional()
      .describe('The company kind whose pay this market gives: a position `@startup` is paid in its market.'),
    description: text.optional(),
    source: sourceRef.optional(),
  })
  .describe('A labour market whose pay per level the framework carries, e.g. US large tech companies.');

export const sourceSchema = z
  .strictObject({ id, title: text, url: webUrl.optional(), note: text.optional() })
  .describe('Where a factual figure comes from.');

export const assumptionSchema = z
  .strictObject({
    id,
    name: text,
    value: z.number().optional(),
    range: z.strictObject({ min: z.number(), max: z.number().optional() }).optional(),
    unit: z.enum(['fraction', 'years', 'count', 'USD', 'hours']),
    year: z.number().int().optional(),
    note: text.optional(),
    source: sourceRef,
  })
  .describe('A market figure (raise on a job change, bonus share …) with its source.');

export const frameworkSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Where editors find this schema.'),
    id,
    name: text,
    version: text.describe('The version of this ladder, e.g. 1.2.0.'),
    description: text.optional(),
    tracks: z.array(trackSchema).max(LIMITS.listItems).min(1, 'needs at least one track'),
    levels: z.array(levelSchema).max(LIMITS.listItems).min(1, 'needs at least one level'),
    roles: z.array(roleSchema).max(LIMITS.listItems).default([]),
    scales: z.array(scaleSchema).max(LIMITS.listItems).min(1, 'needs at least one rating scale'),
    groups: z.array(groupSchema).max(LIMITS.listItems).min(1, 'needs at least one competency group'),
    competencies: z.array(competencySchema).max(LIMITS.listItems).min(1, 'needs at least one competency'),
    promotionRules: z
      .array(promotionRuleSchema)
      .max(LIMITS.listItems)
      .min(1, 'needs at least one promotion rule'),
    moves: z.array(moveSchema).max(LIMITS.listItems).default([]),
    specialisations: z.array(specialisationSchema).max(LIMITS.listItems).default([]),
    companies: z.array(companySchema).max(LIMITS.listItems).default([]),
    assumptions: z.array(assumptionSchema).max(LIMITS.listItems).default([]),
    markets: z
      .array(marketSchema)
      .max(LIMITS.listItems)
      .default([])
      .describe('The markets whose pay the levels carry (`levels[].pay`).'),
    sources: z.array(sourceSchema).max(LIMITS.listItems).default([]),
  })
  .describe('A Trellis career framework: a versioned dual-track ladder as code.');

export type Range = z.infer<typeof rangeSchema>;
export type Track = z.infer<typeof trackSchema>;
export type Level = z.infer<typeof levelSchema>;
export type Expectation = z.infer<typeof expectationSchema>;
export type ExampleCriterion = z.infer<typeof exampleCriterionSchema>;
export type SubLevel = z.infer<typeof subLevelSchema>;
export type Link = z.infer<typeof linkSchema>;
export type Illustration = z.infer<typeof illustrationSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Competency = z.infer<typeof competencySchema>;
export type PromotionRule = z.infer<typeof promotionRuleSchema>;
export type PointsRule = z.infer<typeof pointsSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Move = z.infer<typeof moveSchema>;
export type MoveKind = (typeof moveKinds)[number];
export type Specialisation = z.infer<typeof specialisationSchema>;
export type Company = z.infer<typeof companySchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Assumption = z.infer<typeof assumptionSchema>;
export type PayRow = z.infer<typeof payRowSchema>;
export type LevelPay = z.infer<typeof levelPaySchema>;
export type Market = z.infer<typeof marketSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
/** A framework as written in a file, before defaults are filled in. */
export type FrameworkInput = z.input<typeof frameworkSchema>;

/** The JSON Schema (draft 2020-12) of the framework file, for editors. */
export function frameworkJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(frameworkSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
}
