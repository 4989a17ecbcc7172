import { own } from '../../../names.js';
import { latticeMoves } from '../../moves.js';
import type { Framework, Level } from '../../schema.js';
import { levelCodes, formatShare, spanText } from '../facts.js';
import {
  formatRange,
  levelRuleLine,
  placeholderLevels,
  ratingText,
  readExpectations,
  trackLevels,
} from '../reading.js';
import { html } from './escape.js';
import { behaviourList, illustrationBlock, levelLink, paths, trackName } from './common.js';
import { page } from './layout.js';

/** One level: its facts, what promotion into it takes, every expectation, and the moves around it. */
export function levelPage(framework: Framework, level: Level, changes: boolean): string {
  const root = '../';
  const placeholder = placeholderLevels(framework).has(level.id);
  const track = trackLevels(framework, level.track);
  const index = track.findIndex((l) => l.id === level.id);
  const [below, above] = [track[index - 1], track[index + 1]];
  const title = (id: string) =>
    framework.levels.find((l) => l.id === id)?.title ?? framework.roles.find((r) => r.id === id)?.title ?? id;
  const moves = latticeMoves(framework).filter((m) => m.from === level.id || m.to === level.id);
  const facts: [string, string][] = [
    ['Track', trackName(framework, level.track)],
    ['Rank and band', `rank ${level.rank}, band ${level.band}`],
  ];
  if (!placeholder)
    facts.push(['Scope', level.scope], ['Impact', level.impact], ['Typical years', formatRange(level.years)]);
  if (level.careerLevel) facts.push(['Career level', 'yes: one may stay here for good']);
  const share = formatShare(level);
  if (share) facts.push(['Share of engineers', share]);
  if (level.aliases.length > 0) facts.push(['Also called', level.aliases.join(', ')]);
  const span = spanText(level);
  if (span) facts.push(['Span of control', span]);
  const codes = levelCodes(framework, level.id);
  if (codes) facts.push(['Elsewhere', codes]);
  const rule = levelRuleLine(framework, level);
  if (rule) facts.push(['Promotion', rule]);
  const lists = [
    ['Archetypes', level.archetypes.map((a) => `${a.name}${a.description ? `: ${a.description}` : ''}`)],
    ['Responsibilities', level.responsibilities],
    ['Notes', level.notes],
  ] as const;
  const expectations = readExpectations(framework, level);
  const body = html`<h1>${level.title}</h1>
${level.summary ? html`<p>${level.summary.trim()}</p>` : ''}
<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
${placeholder ? html`<p class="meta">Scope, impact and typical years are not stated by the source framework.</p>` : ''}
${lists.map(([name, items]) => (items.length > 0 ? html`<h2>${name}</h2><ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : ''))}
<h2>Expectations</h2>
${expectations.length === 0 ? html`<p>This level states no expectations.</p>` : ''}
${expectations.map(
  (e) =>
    html`<section aria-labelledby="c-${e.competency}"><h3 id="c-${e.competency}"><a href="${root}${paths.competency(e.competency)}">${e.name}</a>${e.core ? '' : ' (optional)'}</h3>
<p class="expected">Expected: ${ratingText(e)}</p>
${behaviourList(e, root)}${illustrationBlock(own(level.expectations, e.competency))}</section>`,
)}
${
  moves.length > 0
    ? html`<h2>Moves</h2><ul>${moves.map(
        (m) =>
          html`<li>${m.kind}: ${m.from === level.id ? html`to ${title(m.to)}` : html`from ${title(m.from)}`}${m.years && !placeholder ? ` (${formatRange(m.years, 'years')})` : ''}</li>`,
      )}</ul>`
    : ''
}
<nav class="pager" aria-label="Levels of this track">${below ? html`<span>Below: ${levelLink(below, root)}</span>` : html`<span></span>`}${above ? html`<span>Above: ${levelLink(above, root)}</span>` : ''}</nav>`;
  return page({
    framework,
    title: level.title,
    root,
    crumbs: [{ label: 'Ladder', href: `${root}${paths.index}` }],
    body,
    changes,
  });
}
