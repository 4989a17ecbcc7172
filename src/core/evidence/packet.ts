import { findLevel } from '../framework/lookup.js';
import type { Framework, Level } from '../framework/schema.js';
import { expectationsOf, type ExpectationView } from '../framework/view.js';
import { listEntries } from './filter.js';
import { evidenceScopes, type EvidenceEntry, type EvidenceScope } from './schema.js';
import { plural } from '../plural.js';

/**
 * The promotion packet: the evidence grouped under each expectation of the target level, with the
 * expectations that have no evidence yet flagged, so the gaps are visible before a committee sees them.
 */

export interface PacketSection extends ExpectationView {
  evidence: EvidenceEntry[];
}

export interface Packet {
  framework: { id: string; name: string; version: string };
  level: { id: string; title: string; track: string; band: number; scope: Level['scope'] };
  sections: PacketSection[];
  /** Entries that name none of the level's competencies. */
  other: EvidenceEntry[];
  summary: {
    expectations: number;
    withEvidence: number;
    /** Competency ids of the expectations with no evidence yet. */
    withoutEvidence: string[];
    entries: number;
    /** Entries whose scope reaches the level's scope or wider. */
    atLevelScope: number;
  };
}

/**
 * Where a level's scope sits on the evidence scale (self … industry). Work on a task, feature or
 * project is one's own; a company is the widest scope inside an employer, like an organisation.
 */
const levelScopeRank: Record<Level['scope'], number> = {
  task: 0,
  feature: 0,
  project: 0,
  team: 1,
  'multi-team': 2,
  organisation: 3,
  company: 3,
  industry: 4,
};

function scopeRank(scope: EvidenceScope): number {
  return evidenceScopes.indexOf(scope);
}

export function buildPacket(
  framework: Framework,
  entries: readonly EvidenceEntry[],
  levelId: string,
): Packet {
  const level = findLevel(framework, levelId);
  const sorted = listEntries(entries);
  const sections = expectationsOf(framework, level).map((expectation) => ({
    ...expectation,
    evidence: sorted.filter((entry) => (entry.competencies ?? []).includes(expectation.competency)),
  }));
  const covered = new Set(sections.map((s) => s.competency));
  const other = sorted.filter((entry) => !(entry.competencies ?? []).some((id) => covered.has(id)));
  return {
    framework: { id: framework.id, name: framework.name, version: framework.version },
    level: { id: level.id, title: level.title, track: level.track, band: level.band, scope: level.scope },
    sections,
    other,
    summary: {
      expectations: sections.length,
      withEvidence: sections.filter((s) => s.evidence.length > 0).length,
      withoutEvidence: sections.filter((s) => s.evidence.length === 0).map((s) => s.competency),
      entries: sorted.length,
      atLevelScope: sorted.filter(
        (entry) => entry.scope !== undefined && scopeRank(entry.scope) >= levelScopeRank[level.scope],
      ).length,
    },
  };
}

function renderEntry(entry: EvidenceEntry): string[] {
  const out = [`- **${entry.date}** ${entry.title}${entry.scope ? ` _(scope: ${entry.scope})_` : ''}`];
  if (entry.description)
    out.push('', ...entry.description.split('\n').map((line) => (line ? `  ${line}` : '')));
  if (entry.links?.length) out.push('', `  Links: ${entry.links.map((link) => `<${link}>`).join(', ')}`);
  return out;
}

/** The packet as a Markdown document. */
export function renderPacket(packet: Packet): string {
  const { level, summary } = packet;
  const missing = packet.sections.filter((s) => s.evidence.length === 0);
  const out = [
    `# Promotion packet: ${level.title}`,
    '',
    `Evidence for the expectations of ${level.title} (\`${level.id}\`: ${level.track} track, band ${level.band}, scope ${level.scope}) in ${packet.framework.name} ${packet.framework.version}.`,
    '',
    `**Summary:** ${summary.withEvidence} of ${plural(summary.expectations, 'expectation')} ${summary.withEvidence === 1 ? 'has' : 'have'} evidence` +
      (missing.length > 0
        ? `; ${missing.length} ${missing.length === 1 ? 'has' : 'have'} none yet: ${missing.map((s) => s.name).join(', ')}.`
        : '.') +
      ` ${plural(summary.entries, 'entry', 'entries')} in all, ${summary.atLevelScope} at the level's scope (${level.scope}) or wider.`,
    '',
    '| Competency | Expected | Evidence |',
    '| --- | --- | --- |',
    ...packet.sections.map(
      (s) =>
        `| ${s.name} | ${s.rating} (${s.label}) | ${s.evidence.length > 0 ? plural(s.evidence.length, 'entry', 'entries') : '**none yet**'} |`,
    ),
  ];
  for (const section of packet.sections) {
    out.push('', `## ${section.name} (\`${section.competency}\`)`, '');
    out.push(`Expected: ${section.rating} (${section.label})${section.behaviours.length > 0 ? ':' : '.'}`);
    if (section.behaviours.length > 0) out.push('', ...section.behaviours.map((b) => `- ${b}`));
    out.push('');
    if (section.evidence.length === 0) {
      out.push(
        `> **No evidence yet.** Record some with \`trellis evidence add … --competency ${section.competency}\`.`,
      );
    } else {
      out.push('Evidence:', '');
      for (const entry of section.evidence) out.push(...renderEntry(entry));
    }
  }
  if (packet.other.length > 0) {
    out.push('', '## Other evidence', '', "Entries that name none of this level's competencies:", '');
    for (const entry of packet.other) out.push(...renderEntry(entry));
  }
  return `${out.join('\n')}\n`;
}
