import { latticeMoves } from './moves.js';
import { rulesFor } from './rules.js';
import type { Framework, Level, Range } from './schema.js';
import { bandGrid, describeRule, expectationsOf } from './view.js';

/** Escapes what would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function formatRange(range: Range | undefined, unit = ''): string {
  if (!range) return '';
  const suffix = unit ? ` ${unit}` : '';
  return range.min === range.max ? `${range.min}${suffix}` : `${range.min}–${range.max}${suffix}`;
}

function formatShare(level: Level): string {
  const share = level.share;
  if (!share) return '';
  const pct = (x: number) => `${+(x * 100).toFixed(2)}%`;
  if (share.min !== undefined && share.max !== undefined)
    return share.min === share.max ? pct(share.min) : `${pct(share.min)}–${pct(share.max)}`;
  if (share.max !== undefined) return `under ${pct(share.max)}`;
  return share.min !== undefined ? `over ${pct(share.min)}` : '';
}

/** A readable ladder document: the two tracks by band, then every level in full. */
export function renderMarkdown(framework: Framework): string {
  const out: string[] = [];
  const trackName = new Map(framework.tracks.map((t) => [t.id, t.name]));
  const ladders = framework.tracks.filter((t) => t.kind === 'ladder');
  const sourceTitle = new Map(framework.sources.map((s) => [s.id, s.title]));

  out.push(`# ${framework.name}`, '', `Version ${framework.version} · framework id \`${framework.id}\``, '');
  if (framework.description) out.push(framework.description.trim(), '');

  out.push(
    '## The ladder at a glance',
    '',
    'Levels in the same row share a band: equal standing and pay across tracks.',
    '',
  );
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
    for (const level of framework.levels
      .filter((l) => l.track === track.id)
      .sort((a, b) => a.rank - b.rank)) {
      out.push(`#### ${level.title}`, '');
      if (level.summary) out.push(level.summary.trim(), '');
      const facts = [
        `Rank ${level.rank} · band ${level.band} · scope: ${level.scope}`,
        `Impact: ${level.impact}`,
        `Typical years in level: ${formatRange(level.years)}`,
      ];
      if (level.careerLevel) facts.push('A career level: one may stay here for good.');
      const share = formatShare(level);
      if (share) facts.push(`Share of engineers: ${share}`);
      if (level.aliases.length > 0) facts.push(`Also called: ${level.aliases.join(', ')}`);
      if (level.span) {
        const span = [
          level.span.engineers && `${formatRange(level.span.engineers)} engineers`,
          level.span.teams && `${formatRange(level.span.teams)} teams`,
          level.span.managers && `${formatRange(level.span.managers)} managers`,
        ].filter(Boolean);
        facts.push(`Span of control: ${span.join(', ')}`);
      }
      const codes = framework.companies.flatMap((c) => {
        const list = c.levels.filter((x) => x.level === level.id).map((x) => x.code);
        return list.length > 0 ? [`${c.name} ${list.join('/')}`] : [];
      });
      if (codes.length > 0) facts.push(`Elsewhere: ${codes.join(', ')}`);
      out.push(...facts.map((f) => `- ${f}`), '');
      if (level.archetypes.length > 0) {
        out.push(
          'Archetypes:',
          '',
          ...level.archetypes.map((a) => `- **${a.name}**${a.description ? `: ${a.description}` : ''}`),
          '',
        );
      }
      if (level.responsibilities.length > 0)
        out.push('Responsibilities:', '', ...level.responsibilities.map((r) => `- ${r}`), '');
      if (level.notes.length > 0) out.push('Notes:', '', ...level.notes.map((n) => `- ${n}`), '');
      const rule = rulesFor(level, framework.promotionRules)[0];
      if (rule)
        out.push(
          `Promotion into this level (rule \`${rule.id}\`): ${rule.description ?? describeRule(rule)}`,
          '',
        );
      const expectations = expectationsOf(framework, level);
      if (expectations.length > 0) {
        out.push(
          table(
            ['Competency', 'Expected', 'What it looks like'],
            expectations.map((e) => [e.name, `${e.rating} · ${e.label}`, e.behaviours.join('; ')]),
          ),
          '',
        );
      }
    }
  }

  out.push('## Competencies', '');
  for (const group of framework.groups) {
    const members = framework.competencies.filter((c) => c.group === group.id);
    if (members.length === 0) continue;
    out.push(`### ${group.name}`, '');
    for (const c of members)
      out.push(`- **${c.name}**${c.core ? '' : ' (optional)'}: ${c.description.trim()}`);
    out.push('');
  }
  for (const scale of framework.scales) {
    out.push(
      `Rating scale **${scale.name}**:`,
      '',
      table(
        ['Rating', 'Label', 'Meaning'],
        scale.points.map((p) => [String(p.value), p.label, p.description ?? '']),
      ),
      '',
    );
  }

  out.push('## Promotion rules', '');
  for (const rule of framework.promotionRules) {
    const scope =
      rule.appliesTo?.levels?.join(', ') ??
      rule.appliesTo?.tracks?.map((t) => `the ${trackName.get(t) ?? t} track`).join(', ') ??
      'every level';
    out.push(
      `- **${rule.id}** (applies to ${scope}): ${describeRule(rule)}${rule.description ? ` ${rule.description.trim()}` : ''}`,
    );
  }
  out.push('');

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
          formatRange(m.years),
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
