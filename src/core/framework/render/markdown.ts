import { latticeMoves } from '../moves.js';
import type { Expectation, Framework, Level, Scale } from '../schema.js';
import { own } from '../../names.js';
import { bandGrid } from '../view.js';
import {
  formatRange,
  illustrationSections,
  levelRuleLine,
  meetingInWords,
  placeholderLevels,
  placeholderWarning,
  ratingText,
  readExpectations,
  ruleInWords,
  ruleScope,
  trackLevels,
  type ReadExpectation,
} from './reading.js';
import { formatShare, levelCodes, spanText } from './facts.js';

/** Escapes what would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

/** A table without the columns (past the first) that no row fills. */
function table(fullHeader: string[], fullRows: string[][]): string {
  const keep = fullHeader.map((_, i) => i === 0 || fullRows.some((row) => row[i] !== ''));
  const header = fullHeader.filter((_, i) => keep[i]);
  const rows = fullRows.map((row) => row.filter((_, i) => keep[i]));
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** One expectation: its rating, then its behaviours as bullets, what repeats the level below said once. */
function expectationLines(e: ReadExpectation, written: Expectation | undefined): string[] {
  const head = `**${e.name}**${e.core ? '' : ' (optional)'}: ${ratingText(e)}`;
  const lines = e.carriedFrom
    ? [`${head}. *Carried from ${e.carriedFrom.title}: the same behaviours, nothing new at this level.*`, '']
    : [head, ''];
  if (!e.carriedFrom) {
    if (e.inheritsFrom) lines.push(`*Everything expected at ${e.inheritsFrom.title}, and:*`, '');
    if (e.fresh.length > 0) lines.push(...e.fresh.map((b) => `- ${b}`), '');
  }
  return [...lines, ...illustrationLines(written)];
}

/** What an imported ladder says beside the behaviours: examples, example criteria, sub-levels. */
function illustrationLines(written: Expectation | undefined): string[] {
  const lines = illustrationSections(written).flatMap(({ title, items }) => [
    '',
    `${title}:`,
    '',
    ...items.map(({ text, quotesBehaviour, examples, links }) => {
      const shown = examples.length > 0 ? ` (for example: ${examples.join('; ')})` : '';
      const reading = links.map((link) => `[${link.label}](<${link.url}>)`).join(', ');
      return `- ${quotesBehaviour ? `*${text}*` : text}${shown}${reading ? `; reading: ${reading}` : ''}`;
    }),
  ]);
  return lines.length > 0 ? [...lines.slice(1), ''] : [];
}

function levelLines(framework: Framework, level: Level, placeholder: boolean): string[] {
  const out = [`#### ${level.title}`, ''];
  if (level.summary) out.push(level.summary.trim(), '');
  const facts = [
    placeholder
      ? `Rank ${level.rank} · band ${level.band}`
      : `Rank ${level.rank} · band ${level.band} · scope: ${level.scope}`,
  ];
  if (!placeholder)
    facts.push(`Impact: ${level.impact}`, `Typical years in level: ${formatRange(level.years)}`);
  if (level.careerLevel) facts.push('A career level: one may stay here for good.');
  const share = formatShare(level);
  if (share) facts.push(`Share of engineers: ${share}`);
  if (level.aliases.length > 0) facts.push(`Also called: ${level.aliases.join(', ')}`);
  const span = spanText(level);
  if (span) facts.push(`Span of control: ${span}`);
  const codes = levelCodes(framework, level.id);
  if (codes) facts.push(`Elsewhere: ${codes}`);
  const rule = levelRuleLine(framework, level);
  if (rule) facts.push(rule);
  out.push(...facts.map((f) => `- ${f}`), '');
  const lists = [
    ['Archetypes', level.archetypes.map((a) => `**${a.name}**${a.description ? `: ${a.description}` : ''}`)],
    ['Responsibilities', level.responsibilities],
    ['Notes', level.notes],
  ] as const;
  for (const [title, items] of lists)
    if (items.length > 0) out.push(`${title}:`, '', ...items.map((item) => `- ${item}`), '');
  const expectations = readExpectations(framework, level);
  if (expectations.length > 0) {
    out.push('Expectations:', '');
    for (const e of expectations) out.push(...expectationLines(e, own(level.expectations, e.competency)));
  }
  return out;
}

/** A scale whose points are written per competency (Snowflake's milestones) reads as a list. */
function scaleLines(scale: Scale): string[] {
  const detailed = scale.points.some((p) => p.behaviours?.length || p.examples?.length);
  if (!detailed)
    return [
      `Rating scale **${scale.name}**:`,
      '',
      table(
        ['Rating', 'Label', 'Meaning'],
        scale.points.map((p) => [String(p.value), p.label, p.description ?? '']),
      ),
      '',
    ];
  const out = [`#### ${scale.name}`, ''];
  for (const p of scale.points) {
    out.push(`**${p.value} · ${p.label}**${p.description ? `: ${p.description}` : ''}`, '');
    if (p.behaviours?.length) out.push(...p.behaviours.map((b) => `- ${b}`), '');
    if (p.examples?.length) out.push('Examples:', '', ...p.examples.map((x) => `- ${x}`), '');
  }
  return out;
}

/** A readable ladder document: the rule, the tracks by band, then every level in full. */
export function renderMarkdown(framework: Framework): string {
  const out: string[] = [];
  const trackName = new Map(framework.tracks.map((t) => [t.id, t.name]));
  const ladders = framework.tracks.filter((t) => t.kind === 'ladder');
  const sourceTitle = new Map(framework.sources.map((s) => [s.id, s.title]));
  const placeholders = placeholderLevels(framework);

  out.push(`# ${framework.name}`, '', `Version ${framework.version} · framework id \`${framework.id}\``, '');
  if (framework.description) out.push(framework.description.trim(), '');
  const warning = placeholderWarning(framework);
  if (warning) out.push(`> ${warning}`, '');

  out.push('## How promotion works', '');
  for (const rule of framework.promotionRules) {
    const words = ruleInWords(framework, rule).join(' ');
    out.push(
      framework.promotionRules.length === 1
        ? words
        : `- **${rule.id}** (applies to ${ruleScope(framework, rule)}): ${words}`,
    );
    if (framework.promotionRules.length === 1) out.push('');
  }
  if (framework.promotionRules.length > 1) out.push('');
  const meeting = meetingInWords(framework);
  if (meeting) out.push(meeting, '');

  out.push('## The ladder at a glance', '');
  if (ladders.length > 1)
    out.push('Levels in the same row share a band: equal standing and pay across tracks.', '');
  out.push(
    table(
      ['Band', ...ladders.map((t) => t.name)],
      bandGrid(framework).map(({ band, cells }) => [
        String(band),
        ...ladders.map((t) => (cells[t.id] ?? []).map((l) => l.title).join(', ')),
      ]),
    ),
    '',
  );
  if (framework.roles.length > 0) {
    out.push('Lateral roles, reached by lateral moves:', '');
    for (const role of framework.roles)
      out.push(
        `- **${role.title}** (${trackName.get(role.track) ?? role.track}${role.band ? `, band ${role.band}` : ''}): ${role.summary}`,
      );
    out.push('');
  }

  out.push('## Levels', '');
  for (const track of ladders) {
    out.push(`### ${track.name}`, '');
    if (track.description) out.push(track.description.trim(), '');
    for (const level of trackLevels(framework, track.id))
      out.push(...levelLines(framework, level, placeholders.has(level.id)));
  }

  out.push('## Competencies', '');
  for (const group of framework.groups) {
    const members = framework.competencies.filter((c) => c.group === group.id);
    if (members.length === 0) continue;
    out.push(`### ${group.name}`, '');
    if (group.description) out.push(group.description.trim(), '');
    for (const c of members)
      out.push(`- **${c.name}**${c.core ? '' : ' (optional)'}: ${c.description.trim()}`);
    out.push('');
  }
  const detailed = framework.scales.some((s) =>
    s.points.some((p) => p.behaviours?.length || p.examples?.length),
  );
  if (detailed) out.push('### Rating scales', '');
  for (const scale of framework.scales) out.push(...scaleLines(scale));

  const moves = latticeMoves(framework);
  if (moves.length > 0) {
    const title = (id: string) =>
      framework.levels.find((l) => l.id === id)?.title ??
      framework.roles.find((r) => r.id === id)?.title ??
      id;
    out.push(
      '## Moves',
      '',
      'The lattice: promotions, track switches, lateral moves, specialisation and company changes.',
      '',
    );
    out.push(
      table(
        ['Move', 'From', 'To', 'Years', 'Band change', 'Advice'],
        moves.map((m) => [
          m.kind,
          title(m.from),
          title(m.to),
          placeholders.has(m.from) && m.kind === 'promotion' ? '' : formatRange(m.years),
          m.levelChange === null ? '' : String(m.levelChange),
          [...m.prerequisites, ...m.advice].join(' '),
        ]),
      ),
      '',
    );
  }

  if (framework.specialisations.length > 0) {
    out.push('## Specialisations', '');
    for (const s of framework.specialisations) {
      const premium = s.market.premium
        ? ` Pay premium ${Math.round(s.market.premium.min * 100)}–${Math.round(s.market.premium.max * 100)}%${s.market.premium.over ? ` over ${s.market.premium.over}` : ''}${s.market.premium.year ? ` (${s.market.premium.year})` : ''}.`
        : '';
      const risk = s.obsolescence
        ? ` Obsolescence risk: ${s.obsolescence.risk}${s.obsolescence.examples.length ? ` (${s.obsolescence.examples.join(', ')})` : ''}.`
        : '';
      out.push(
        `- **${s.name}** (${s.market.dynamic}): ${s.focus.join(', ')}.${premium}${risk} ${s.market.notes.join(' ')}`.trimEnd(),
      );
    }
    out.push('');
  }

  if (framework.companies.length > 0) {
    out.push('## Levels at other companies', '');
    const nodes = [
      ...framework.levels.slice().sort((a, b) => a.track.localeCompare(b.track) || a.rank - b.rank),
      ...framework.roles,
    ];
    out.push(
      table(
        ['Level', ...framework.companies.map((c) => c.name)],
        nodes.map((n) => [
          n.title,
          ...framework.companies.map((c) =>
            c.levels
              .filter((x) => x.level === n.id)
              .map((x) => x.code)
              .join(', '),
          ),
        ]),
      ),
      '',
      `Sources: ${[...new Set(framework.companies.map((c) => sourceTitle.get(c.source) ?? c.source))].join('; ')}.`,
      '',
    );
  }

  if (framework.assumptions.length > 0) {
    out.push('## Market figures', '');
    for (const a of framework.assumptions) {
      const value =
        a.value !== undefined ? String(a.value) : a.range ? `${a.range.min}–${a.range.max ?? '…'}` : '';
      out.push(
        `- **${a.name}**: ${value} ${a.unit}${a.year ? ` (${a.year})` : ''}${a.note ? `. ${a.note}` : ''} [${sourceTitle.get(a.source) ?? a.source}]`,
      );
    }
    out.push('');
  }

  if (framework.sources.length > 0) {
    out.push('## Sources', '');
    for (const s of framework.sources)
      out.push(`- \`${s.id}\`: ${s.url ? `[${s.title}](${s.url})` : s.title}${s.note ? `. ${s.note}` : ''}`);
    out.push('');
  }
  return out.join('\n');
}
