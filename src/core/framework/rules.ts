import { checkPointsRules } from '../assessment/points.js';
import { hinter } from '../input/suggest.js';
import type { Path, Severity } from '../problems.js';
import type { Entry, Salvaged, Section } from './salvage.js';
import type { Competency, Level, Range } from './schema.js';
import { own } from '../names.js';
import { checkPay } from './pay-rules.js';

/** Where a rule reports what it found. */
export type Report = (path: Path, message: string, code: string, severity?: Severity) => void;

/**
 * The semantic rules of a framework: what a schema cannot say. Each rule reads the salvaged
 * entries and reports problems located by path; none of them stops the others.
 */
export function checkFramework(fw: Salvaged, report: Report): void {
  const ids = collectIds(fw, report);
  checkReferences(fw, ids, report);
  // A level on an unknown track is reported once, as an unknown reference: the checks that group
  // levels by track leave it out, and cannot judge rank holes while it is missing from its track.
  const stray = fw.levels.some((l) => !ids.tracks.has(l.value.track));
  const placed: Salvaged = stray
    ? {
        ...fw,
        levels: fw.levels.filter((l) => ids.tracks.has(l.value.track)),
        brokenTracks: new Set([...fw.brokenTracks, '']),
      }
    : fw;
  checkTracks(placed, report);
  checkScales(fw, report);
  checkExpectations(fw, ids.tracks, report);
  checkRules(fw, ids, report);
  checkMoves(placed, report);
  checkCompanies(fw, report);
  checkRanges(fw, report);
  checkPay(fw, report);
}

interface Ids {
  tracks: Set<string>;
  ladderTracks: Set<string>;
  nodes: Set<string>;
  levels: Set<string>;
  scales: Set<string>;
  groups: Set<string>;
  competencies: Set<string>;
  specialisations: Set<string>;
  sources: Set<string>;
}

function collectIds(fw: Salvaged, report: Report): Ids {
  const unique = (
    entries: Entry<{ id: string }>[],
    section: Section,
    what: string,
    seen = new Map<string, string>(),
  ) => {
    // Broken items keep their place: an id they hold is taken, even though the rest of them is not checked.
    const all = [...entries, ...(fw.brokenEntries[section] ?? [])].sort((a, b) => a.index - b.index);
    for (const { index, value } of all) {
      const first = seen.get(value.id);
      if (first !== undefined) {
        report(
          [section, index, 'id'],
          `duplicate ${what} id "${value.id}" (first defined at ${first})`,
          'duplicate-id',
        );
      } else seen.set(value.id, `${section}[${index}]`);
    }
    return new Set(seen.keys());
  };
  // Levels and roles share one namespace: both are nodes of the lattice that moves connect.
  const nodeIds = new Map<string, string>();
  const levels = unique(fw.levels, 'levels', 'level', nodeIds);
  unique(fw.roles, 'roles', 'level or role', nodeIds);
  unique(fw.promotionRules, 'promotionRules', 'promotion rule');
  unique(fw.moves, 'moves', 'move');
  unique(fw.companies, 'companies', 'company');
  unique(fw.assumptions, 'assumptions', 'assumption');
  return {
    tracks: unique(fw.tracks, 'tracks', 'track'),
    ladderTracks: new Set(fw.tracks.filter((t) => t.value.kind === 'ladder').map((t) => t.value.id)),
    nodes: new Set(nodeIds.keys()),
    levels,
    scales: unique(fw.scales, 'scales', 'scale'),
    groups: unique(fw.groups, 'groups', 'group'),
    competencies: unique(fw.competencies, 'competencies', 'competency'),
    specialisations: unique(fw.specialisations, 'specialisations', 'specialisation'),
    sources: unique(fw.sources, 'sources', 'source'),
  };
}

function checkReferences(fw: Salvaged, ids: Ids, report: Report): void {
  const ref = (known: Set<string>, what: string) => {
    const hint = hinter(known);
    return (value: string | undefined, path: Path) => {
      if (value !== undefined && !known.has(value) && !fw.brokenIds.has(value))
        report(path, `unknown ${what} "${value}"${hint(value)}`, 'unknown-reference');
    };
  };
  const track = ref(ids.tracks, 'track');
  const node = ref(ids.nodes, 'level or role');
  const level = ref(ids.levels, 'level');
  const group = ref(ids.groups, 'competency group');
  const scale = ref(ids.scales, 'rating scale');
  const specialisation = ref(ids.specialisations, 'specialisation');
  const source = ref(ids.sources, 'source');

  for (const { index, value: l } of fw.levels) {
    track(l.track, ['levels', index, 'track']);
    source(l.yearsSource, ['levels', index, 'yearsSource']);
    source(l.share?.source, ['levels', index, 'share', 'source']);
    source(l.span?.source, ['levels', index, 'span', 'source']);
    // Expectation keys are checked with the ratings, in checkExpectations: one pass over the largest part.
  }
  for (const { index, value: r } of fw.roles) track(r.track, ['roles', index, 'track']);
  for (const { index, value: c } of fw.competencies) {
    group(c.group, ['competencies', index, 'group']);
    scale(c.scale, ['competencies', index, 'scale']);
    c.tracks?.forEach((t, i) => track(t, ['competencies', index, 'tracks', i]));
    c.coreTracks?.forEach((t, i) => track(t, ['competencies', index, 'coreTracks', i]));
    if (c.scale === undefined && ids.scales.size > 1) {
      report(
        ['competencies', index],
        `competency "${c.id}" must name its scale: the framework has ${ids.scales.size} scales`,
        'missing-scale',
      );
    }
  }
  for (const { index, value: r } of fw.promotionRules) {
    r.appliesTo?.tracks?.forEach((t, i) => track(t, ['promotionRules', index, 'appliesTo', 'tracks', i]));
    r.appliesTo?.levels?.forEach((l, i) => level(l, ['promotionRules', index, 'appliesTo', 'levels', i]));
    for (const key of Object.keys(r.minMetPerGroup))
      group(key, ['promotionRules', index, 'minMetPerGroup', key]);
  }
  for (const { index, value: m } of fw.moves) {
    node(m.from, ['moves', index, 'from']);
    node(m.to, ['moves', index, 'to']);
    specialisation(m.fromSpecialisation, ['moves', index, 'fromSpecialisation']);
    specialisation(m.toSpecialisation, ['moves', index, 'toSpecialisation']);
    source(m.source, ['moves', index, 'source']);
  }
  for (const { index, value: s } of fw.specialisations) {
    s.adjacent.forEach((a, i) => specialisation(a, ['specialisations', index, 'adjacent', i]));
    specialisation(s.market.premium?.over, ['specialisations', index, 'market', 'premium', 'over']);
    source(s.market.premium?.source, ['specialisations', index, 'market', 'premium', 'source']);
  }
  for (const { index, value: c } of fw.companies) {
    source(c.source, ['companies', index, 'source']);
    c.levels.forEach((code, i) => node(code.level, ['companies', index, 'levels', i, 'level']));
  }
  for (const { index, value: a } of fw.assumptions) source(a.source, ['assumptions', index, 'source']);
}

function checkTracks(fw: Salvaged, report: Report): void {
  const kinds = new Map(fw.tracks.map((t) => [t.value.id, t.value.kind]));
  for (const { index, value: l } of fw.levels) {
    if (kinds.get(l.track) === 'lateral') {
      report(
        ['levels', index, 'track'],
        `level "${l.id}" is on lateral track "${l.track}": put it under roles, or make the track a ladder`,
        'wrong-track-kind',
      );
    }
  }
  for (const { index, value: r } of fw.roles) {
    if (kinds.get(r.track) === 'ladder') {
      report(
        ['roles', index, 'track'],
        `role "${r.id}" is on ladder track "${r.track}": roles belong to lateral tracks`,
        'wrong-track-kind',
      );
    }
  }
  for (const [trackId, entries] of groupBy(fw.levels, (l) => l.track)) {
    const byRank = [...entries].sort((a, b) => a.value.rank - b.value.rank);
    const seenRanks = new Map<number, string>();
    for (const { index, value: l } of byRank) {
      const holder = seenRanks.get(l.rank);
      if (holder !== undefined) {
        report(
          ['levels', index, 'rank'],
          `track "${trackId}" has two levels at rank ${l.rank}: "${holder}" and "${l.id}"`,
          'duplicate-rank',
        );
      } else seenRanks.set(l.rank, l.id);
    }
    let expected = 1;
    // A broken level of this track was left out, so a hole here may be its place: say nothing.
    for (const { index, value: l } of fw.brokenTracks.has(trackId) || fw.brokenTracks.has('') ? [] : byRank) {
      if (l.rank > expected) {
        const missing = range(expected, l.rank - 1).join(', ');
        report(
          ['levels', index, 'rank'],
          `track "${trackId}" has a hole in its ranks: no level at rank ${missing} below "${l.id}" (rank ${l.rank})`,
          'rank-hole',
        );
      }
      expected = Math.max(expected, l.rank + 1);
    }
    for (let i = 1; i < byRank.length; i++) {
      const previous = byRank[i - 1]!.value;
      const { index, value: l } = byRank[i]!;
      if (l.band < previous.band) {
        report(
          ['levels', index, 'band'],
          `band goes down as rank goes up on track "${trackId}": "${l.id}" (rank ${l.rank}) has band ${l.band}, below "${previous.id}" (rank ${previous.rank}, band ${previous.band})`,
          'band-decrease',
        );
      }
    }
  }
}

function checkScales(fw: Salvaged, report: Report): void {
  for (const { index, value: s } of fw.scales) {
    for (let i = 1; i < s.points.length; i++) {
      if (s.points[i]!.value <= s.points[i - 1]!.value) {
        report(
          ['scales', index, 'points', i, 'value'],
          `scale "${s.id}": point values must rise strictly (${s.points[i - 1]!.value} then ${s.points[i]!.value})`,
          'scale-order',
        );
      }
    }
  }
}

/** The scale a competency is rated on: its own, or the framework's only one. */
export function scaleOf<S extends { id: string; points: { value: number }[] }>(
  competency: Pick<Competency, 'scale'>,
  scales: readonly S[],
): S | undefined {
  return competency.scale === undefined
    ? scales.length === 1
      ? scales[0]
      : undefined
    : scales.find((s) => s.id === competency.scale);
}

/** Whether a competency is core on a track's levels: core, and core there if it names where. */
export function coreOnTrack(competency: Pick<Competency, 'core' | 'coreTracks'>, track: string): boolean {
  return competency.core && (competency.coreTracks === undefined || competency.coreTracks.includes(track));
}

/** Whether a competency applies to levels of a track: its own list, or every ladder track. */
export function appliesToTrack(competency: Pick<Competency, 'tracks'>, track: string): boolean {
  return competency.tracks === undefined || competency.tracks.includes(track);
}

function checkExpectations(fw: Salvaged, knownTracks: Set<string>, report: Report): void {
  const scales = fw.scales.map((s) => s.value);
  // Worked out once per competency: large frameworks hold a hundred thousand expectations.
  const info = new Map(
    fw.competencies.map(({ value: c }) => {
      const scale = scaleOf(c, scales);
      return [c.id, { competency: c, scale, values: new Set(scale?.points.map((p) => p.value)) }] as const;
    }),
  );
  const core = [...info.values()].filter((i) => i.competency.core).map((i) => i.competency);
  const hint = hinter(info.keys());
  for (const { index, value: l } of fw.levels) {
    // Which competencies apply depends on the track: a level on an unknown track is judged on its ratings only.
    const placed = knownTracks.has(l.track);
    for (const c of placed ? core : []) {
      if (appliesToTrack(c, l.track) && coreOnTrack(c, l.track) && own(l.expectations, c.id) === undefined) {
        report(
          ['levels', index, 'expectations'],
          `level "${l.id}" has no expectation for core competency "${c.id}"`,
          'missing-expectation',
        );
      }
    }
    for (const key of Object.keys(l.expectations)) {
      const entry = info.get(key);
      if (!entry) {
        if (!fw.brokenIds.has(key)) {
          report(
            ['levels', index, 'expectations', key],
            `unknown competency "${key}"${hint(key)}`,
            'unknown-reference',
          );
        }
        continue;
      }
      const { competency: c, scale, values } = entry;
      if (placed && !appliesToTrack(c, l.track)) {
        report(
          ['levels', index, 'expectations', key],
          `competency "${key}" does not apply to track "${l.track}" (its tracks: ${c.tracks?.join(', ')})`,
          'expectation-not-applicable',
          'warning',
        );
      }
      const { rating, behaviours, illustrations = [] } = own(l.expectations, key)!;
      if (scale && !values.has(rating)) {
        report(
          ['levels', index, 'expectations', key, 'rating'],
          `rating ${rating} is not on scale "${scale.id}" (${scale.points.map((p) => p.value).join(', ')})`,
          'rating-off-scale',
        );
      }
      illustrations.forEach((ill, i) => {
        if (!behaviours.includes(ill.behaviour))
          report(
            ['levels', index, 'expectations', key, 'illustrations', i, 'behaviour'],
            `illustrates "${ill.behaviour}", which is not one of this expectation's behaviours`,
            'unknown-reference',
          );
      });
    }
  }
  // Expectations should not fall as a track climbs; a drop is usually a typo, so it is a warning.
  for (const [track, entries] of groupBy(fw.levels, (l) => l.track)) {
    if (!knownTracks.has(track)) continue;
    const byRank = [...entries].sort((a, b) => a.value.rank - b.value.rank);
    for (let i = 1; i < byRank.length; i++) {
      const lower = byRank[i - 1]!.value;
      const { index, value: upper } = byRank[i]!;
      for (const key of Object.keys(upper.expectations)) {
        const rating = own(upper.expectations, key)!.rating;
        const below = own(lower.expectations, key);
        const values = info.get(key)?.values;
        // A rating off the scale is already an error; comparing with it would only add noise.
        if (!values || !values.has(rating) || (below && !values.has(below.rating))) continue;
        if (below && rating < below.rating) {
          report(
            ['levels', index, 'expectations', key, 'rating'],
            `expectation for "${key}" drops from ${below.rating} at "${lower.id}" to ${rating} at "${upper.id}"`,
            'expectation-drops',
            'warning',
          );
        }
      }
    }
  }
}

/** The rule that governs promotion into a level: the most specific one (levels, then tracks, then default). */
export function rulesFor<R extends { appliesTo?: { tracks?: string[]; levels?: string[] } | undefined }>(
  level: Pick<Level, 'id' | 'track'>,
  rules: readonly R[],
): R[] {
  const byLevel = rules.filter((r) => r.appliesTo?.levels?.includes(level.id));
  if (byLevel.length > 0) return byLevel;
  const byTrack = rules.filter(
    (r) => r.appliesTo?.levels === undefined && r.appliesTo?.tracks?.includes(level.track),
  );
  if (byTrack.length > 0) return byTrack;
  return rules.filter((r) => r.appliesTo?.levels === undefined && r.appliesTo?.tracks === undefined);
}

function checkRules(fw: Salvaged, ids: Ids, report: Report): void {
  const rules = fw.promotionRules.map((r) => r.value);
  if (rules.length > 0) {
    for (const { index, value: l } of fw.levels) {
      const governing = rulesFor(l, rules);
      if (governing.length === 0) {
        report(
          ['levels', index],
          `no promotion rule governs level "${l.id}": add a default rule (no appliesTo) or name it`,
          'no-rule',
        );
      } else if (governing.length > 1) {
        report(
          ['levels', index],
          `level "${l.id}" is governed by ${governing.length} rules at once: ${governing.map((r) => `"${r.id}"`).join(', ')}`,
          'ambiguous-rule',
        );
      }
    }
  }
  checkPointsRules({ ...fw, governing: (level) => rulesFor(level, rules) }, report);
  const groupSizes = new Map<string, number>();
  for (const { value: c } of fw.competencies) groupSizes.set(c.group, (groupSizes.get(c.group) ?? 0) + 1);
  for (const { index, value: r } of fw.promotionRules) {
    for (const [group, min] of Object.entries(r.minMetPerGroup)) {
      const size = groupSizes.get(group) ?? 0;
      if (ids.groups.has(group) && min > size) {
        report(
          ['promotionRules', index, 'minMetPerGroup', group],
          `rule "${r.id}" asks for ${min} met in group "${group}", which has only ${size} competencies`,
          'impossible-rule',
        );
      }
    }
  }
}

function checkMoves(fw: Salvaged, report: Report): void {
  const levels = new Map(fw.levels.map((l) => [l.value.id, l.value]));
  const bands = new Map<string, number | undefined>([
    ...fw.levels.map((l) => [l.value.id, l.value.band] as const),
    ...fw.roles.map((r) => [r.value.id, r.value.band] as const),
  ]);
  for (const { index, value: m } of fw.moves) {
    const path = ['moves', index];
    const from = levels.get(m.from);
    const to = levels.get(m.to);
    if (m.from === m.to && m.kind !== 'company-change' && m.kind !== 'specialisation-change') {
      report(
        [...path, 'to'],
        `move "${m.id}" goes from "${m.from}" to itself; only company and specialisation changes may keep the level`,
        'self-move',
      );
    }
    if (m.kind === 'promotion' && from && to && (from.track !== to.track || to.rank !== from.rank + 1)) {
      report(
        [...path, 'to'],
        `promotion "${m.id}" must go one rank up the same track ("${m.from}" is ${from.track} rank ${from.rank}, "${m.to}" is ${to.track} rank ${to.rank})`,
        'promotion-shape',
      );
    }
    if (m.kind === 'track-switch' && from && to && from.track === to.track) {
      report([...path, 'to'], `track switch "${m.id}" stays on track "${from.track}"`, 'track-switch-shape');
    }
    if (m.kind === 'specialisation-change' && m.toSpecialisation === undefined) {
      report(path, `specialisation change "${m.id}" must name toSpecialisation`, 'missing-field');
    }
    if (m.kind === 'company-change' && (m.fromCompany === undefined || m.toCompany === undefined)) {
      report(path, `company change "${m.id}" must name fromCompany and toCompany`, 'missing-field');
    }
    const fromBand = bands.get(m.from);
    const toBand = bands.get(m.to);
    if (
      m.levelChange !== undefined &&
      fromBand !== undefined &&
      toBand !== undefined &&
      m.levelChange !== toBand - fromBand
    ) {
      report(
        [...path, 'levelChange'],
        `levelChange ${m.levelChange} disagrees with the bands: "${m.from}" is band ${fromBand}, "${m.to}" band ${toBand} (change ${toBand - fromBand})`,
        'level-change-mismatch',
      );
    }
  }
}

function checkCompanies(fw: Salvaged, report: Report): void {
  for (const { index, value: c } of fw.companies) {
    const seen = new Set<string>();
    c.levels.forEach((code, i) => {
      if (seen.has(code.code.toLowerCase())) {
        report(
          ['companies', index, 'levels', i, 'code'],
          `company "${c.id}" lists code "${code.code}" twice`,
          'duplicate-code',
        );
      }
      seen.add(code.code.toLowerCase());
    });
  }
}

function checkRanges(fw: Salvaged, report: Report): void {
  const check = (r: Partial<Range> | undefined, path: Path) => {
    if (r?.min !== undefined && r.max !== undefined && r.min > r.max) {
      report(path, `range min ${r.min} is above max ${r.max}`, 'range-order');
    }
  };
  for (const { index, value: l } of fw.levels) {
    check(l.years, ['levels', index, 'years']);
    check(l.share, ['levels', index, 'share']);
    check(l.span?.engineers, ['levels', index, 'span', 'engineers']);
    check(l.span?.teams, ['levels', index, 'span', 'teams']);
    check(l.span?.managers, ['levels', index, 'span', 'managers']);
  }
  for (const { index, value: m } of fw.moves) check(m.years, ['moves', index, 'years']);
  for (const { index, value: s } of fw.specialisations)
    check(s.market.premium, ['specialisations', index, 'market', 'premium']);
  for (const { index, value: a } of fw.assumptions) check(a.range, ['assumptions', index, 'range']);
}

function groupBy<T>(entries: Entry<T>[], key: (value: T) => string): Map<string, Entry<T>[]> {
  const out = new Map<string, Entry<T>[]>();
  for (const entry of entries) {
    const k = key(entry.value);
    const list = out.get(k);
    if (list) list.push(entry);
    else out.set(k, [entry]);
  }
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
