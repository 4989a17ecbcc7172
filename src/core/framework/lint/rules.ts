import { own } from '../../names.js';
import type { Path, Problem, Severity } from '../../problems.js';
import { placeholderLevels, trackLevels } from '../render/reading.js';
import { rulesFor } from '../rules.js';
import type { Framework, Level } from '../schema.js';

/*
 * Content checks from published guidance on writing ladders, beyond what `validate` proves: a
 * framework can be valid and still read badly or promise what no one can reach.
 */

export interface Finding {
  path: Path;
  message: string;
}

export interface LintRule {
  id: string;
  severity: Severity;
  /** What the rule looks for, in one line (docs/lint.md has a bad and a good example of each). */
  summary: string;
  check(input: { framework: Framework; validation: readonly Problem[] }): Finding[];
}

/**
 * Openings that describe a state of mind rather than something a colleague can see done. Only the
 * start of a statement (or of one of its sentences) counts: "helps others understand" is fine.
 */
const start = String.raw`(?:^|[.;]\s+)`;
const unobservable: [RegExp, string][] = [
  [
    new RegExp(`${start}(?:is|are) (?:very |really )?(?:good|great|excellent|strong) (?:at|in|with)\\b`, 'i'),
    'is good at',
  ],
  [new RegExp(`${start}understands\\b`, 'i'), 'understands'],
  [new RegExp(`${start}knows\\b`, 'i'), 'knows'],
  [new RegExp(`${start}(?:is|are) (?:aware|familiar|comfortable) (?:of|with)\\b`, 'i'), 'is aware of'],
  [
    new RegExp(
      `${start}has (?:a |an )?(?:good |deep |solid |strong |basic |broad )?(?:understanding|knowledge|awareness|appreciation) of\\b`,
      'i',
    ),
    'has an understanding of',
  ],
  [new RegExp(`${start}appreciates\\b`, 'i'), 'appreciates'],
  [new RegExp(`${start}(?:is|are) passionate\\b`, 'i'), 'is passionate'],
];

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.;:!\s]+$/, '')
    .trim();

/** Every level with its index in the file, track by track, bottom to top. */
function byTrack(framework: Framework): { index: number; level: Level }[][] {
  const index = new Map(framework.levels.map((l, i) => [l, i]));
  return framework.tracks.map((t) =>
    trackLevels(framework, t.id).map((level) => ({ index: index.get(level)!, level })),
  );
}

function behaviours(framework: Framework) {
  return framework.levels.flatMap((level, index) =>
    Object.entries(level.expectations).flatMap(([competency, e]) =>
      e.behaviours.map((text, b) => ({
        level,
        index,
        competency,
        text,
        path: ['levels', index, 'expectations', competency, 'behaviours', b] as Path,
      })),
    ),
  );
}

const sameExpectations = (a: Level, b: Level) =>
  JSON.stringify(Object.entries(a.expectations).sort(([x], [y]) => x.localeCompare(y))) ===
  JSON.stringify(Object.entries(b.expectations).sort(([x], [y]) => x.localeCompare(y)));

/** Every string of a value with its path, for the placeholder scan. */
function* strings(value: unknown, path: (string | number)[] = []): Generator<{ path: Path; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** A stand-in an author meant to replace: a leading or bracketed TODO, TBD, FIXME, or lorem ipsum. */
const placeholderText = /^\s*(?:TODO|TBD|TBC|FIXME|XXX)\b|[[(<]\s*(?:TODO|TBD|TBC|FIXME)\b|lorem ipsum/i;

export const lintRules: readonly LintRule[] = [
  {
    id: 'observable-behaviour',
    severity: 'warning',
    summary:
      'a behaviour states a state of mind ("is good at", "understands", "knows") rather than what one does',
    check: ({ framework }) =>
      behaviours(framework).flatMap(({ text, path }) => {
        const hit = unobservable.find(([pattern]) => pattern.test(text));
        return hit
          ? [{ path, message: `"${short(text)}" says "${hit[1]}": write what one does that shows it` }]
          : [];
      }),
  },
  {
    id: 'same-as-below',
    severity: 'warning',
    summary: 'a level expects exactly what the level below it expects',
    check: ({ framework }) =>
      byTrack(framework).flatMap((levels) =>
        levels.slice(1).flatMap(({ index, level }, i) => {
          const below = levels[i]!.level;
          return Object.keys(level.expectations).length > 0 && sameExpectations(level, below)
            ? [
                {
                  path: ['levels', index, 'expectations'],
                  message: `level "${level.id}" expects exactly what "${below.id}" below it does: say what changes at this level`,
                },
              ]
            : [];
        }),
      ),
  },
  {
    id: 'falling-expectation',
    severity: 'error',
    summary: 'an expected rating falls as rank rises on a track',
    // `validate` finds the drops and warns of them; publishing a ladder that falls is an error here.
    check: ({ validation }) =>
      validation
        .filter((p) => p.code === 'expectation-drops')
        .map((p) => ({ path: p.path, message: p.message })),
  },
  {
    id: 'duplicate-behaviour',
    severity: 'warning',
    summary: 'the same behaviour is written at more than one level of a track',
    check: ({ framework }) => {
      const first = new Map<string, { level: Level }>();
      return behaviours(framework).flatMap((b) => {
        const key = `${b.level.track}\u0000${normal(b.text)}`;
        const seen = first.get(key);
        if (!seen) {
          first.set(key, b);
          return [];
        }
        if (seen.level === b.level) return [];
        return [
          {
            path: b.path,
            message: `"${short(b.text)}" is already expected at level "${seen.level.id}": say once what is new here`,
          },
        ];
      });
    },
  },
  {
    id: 'placeholder',
    severity: 'warning',
    summary: "a placeholder is left in: an importer's stand-in facts, or TODO, TBD, FIXME, lorem ipsum",
    check: ({ framework }) => {
      const filled = placeholderLevels(framework);
      const first = framework.levels.findIndex((l) => filled.has(l.id));
      // An import leaves them on every level: one finding says so rather than one per level.
      const levels: Finding[] =
        filled.size === framework.levels.length
          ? [
              {
                path: ['levels', first, 'impact'],
                message: `scope, impact and typical years of all ${filled.size} levels are an importer's placeholders: write the real ones`,
              },
            ]
          : framework.levels.flatMap((level, index) =>
              filled.has(level.id)
                ? [
                    {
                      path: ['levels', index, 'impact'],
                      message: `level "${level.id}": scope, impact and typical years are an importer's placeholders: write the real ones`,
                    },
                  ]
                : [],
            );
      const marked = [...strings(framework)]
        .filter(({ text }) => placeholderText.test(text))
        .map(({ path, text }) => ({
          path,
          message: `"${short(text)}" is a placeholder: finish or remove it`,
        }));
      return [...levels, ...marked];
    },
  },
  {
    id: 'flat-competency',
    severity: 'warning',
    summary: 'a competency is never expected above rating 1: it does not grow along the ladder',
    check: ({ framework }) =>
      framework.competencies.flatMap((c, index) => {
        const ratings = framework.levels.flatMap((l) => {
          const e = own(l.expectations, c.id);
          return e ? [e.rating] : [];
        });
        return ratings.length > 0 && Math.max(...ratings) <= 1
          ? [
              {
                path: ['competencies', index],
                message: `competency "${c.id}" is never expected above rating 1: show how it grows, or drop it`,
              },
            ]
          : [];
      }),
  },
  {
    id: 'unmeetable-rule',
    severity: 'error',
    summary: "a promotion rule asks for more than a level's expectations or the points table can give",
    check: ({ framework }) =>
      framework.promotionRules.flatMap((rule, r) => {
        const governed = framework.levels.filter((l) => rulesFor(l, framework.promotionRules)[0] === rule);
        if (rule.kind === 'points' && rule.points) {
          const points = rule.points;
          const best = Math.max(0, ...Object.values(points.table));
          const most = framework.competencies.reduce(
            (sum, c) => sum + best * (own(points.weights, c.id) ?? own(points.weights, c.group) ?? 1),
            0,
          );
          return governed.flatMap((level) => {
            const threshold = own(points.thresholds, level.id);
            return threshold !== undefined && threshold > most
              ? [
                  {
                    path: ['promotionRules', r, 'points', 'thresholds', level.id],
                    message: `rule "${rule.id}" needs ${threshold} points for level "${level.id}", but every rating at its best gives ${most}`,
                  },
                ]
              : [];
          });
        }
        return governed.flatMap((level) =>
          Object.entries(rule.minMetPerGroup).flatMap(([group, min]) => {
            const expected = framework.competencies.filter(
              (c) => c.group === group && own(level.expectations, c.id) !== undefined,
            ).length;
            return expected < min
              ? [
                  {
                    path: ['promotionRules', r, 'minMetPerGroup', group],
                    message: `rule "${rule.id}" asks for ${min} met in group "${group}" at level "${level.id}", which expects only ${expected} of them`,
                  },
                ]
              : [];
          }),
        );
      }),
  },
];
