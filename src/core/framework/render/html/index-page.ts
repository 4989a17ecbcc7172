import type { Framework } from '../../schema.js';
import { bandGrid } from '../../view.js';
import { meetingInWords, placeholderWarning, ruleInWords, ruleScope } from '../reading.js';
import { html } from './escape.js';
import { levelLink, note, paths, trackName } from './common.js';
import { page } from './layout.js';

/** The front page: the tracks side by side by band, the rule in words, the competencies. */
export function indexPage(framework: Framework, changes: boolean): string {
  const ladders = framework.tracks.filter((t) => t.kind === 'ladder');
  const rules = framework.promotionRules;
  const body = html`<h1>${framework.name}</h1>
<p class="meta">Version ${framework.version}</p>
${framework.description ? html`<p>${framework.description.trim()}</p>` : ''}
${note(placeholderWarning(framework))}
<h2 id="ladder">The ladder by band</h2>
<p>Levels in the same row share a band: equal standing and pay across tracks. Each level has its own page.</p>
<div class="scroll" role="region" aria-labelledby="ladder" tabindex="0">
<table>
<caption>Levels of each track by band, highest band first</caption>
<thead><tr><th scope="col">Band</th>${ladders.map((t) => html`<th scope="col">${t.name}</th>`)}</tr></thead>
<tbody>${bandGrid(framework).map(
    ({ band, cells }) =>
      html`<tr><th scope="row">${band}</th>${ladders.map((t) => {
        const levels = cells[t.id] ?? [];
        return html`<td>${levels.length === 0 ? html`<span class="meta">none</span>` : levels.map((l, i) => html`${i > 0 ? html`<br>` : ''}${levelLink(l, '')}`)}</td>`;
      })}</tr>`,
  )}</tbody>
</table>
</div>
${
  framework.roles.length > 0
    ? html`<h3>Lateral roles</h3><ul>${framework.roles.map(
        (r) =>
          html`<li><strong>${r.title}</strong> (${trackName(framework, r.track)}${r.band ? `, band ${r.band}` : ''}): ${r.summary}</li>`,
      )}</ul>`
    : ''
}
<h2 id="promotion">How promotion works</h2>
${rules.map(
  (rule) =>
    html`${rules.length > 1 ? html`<h3>Rule ${rule.id} (${ruleScope(framework, rule)})</h3>` : ''}<p>${ruleInWords(framework, rule).join(' ')}</p>`,
)}
${meetingInWords(framework) ? html`<p>${meetingInWords(framework)}</p>` : ''}
<h2 id="competencies">Competencies</h2>
${framework.groups.map((group) => {
  const members = framework.competencies.filter((c) => c.group === group.id);
  if (members.length === 0) return '';
  return html`<h3>${group.name}</h3>${group.description ? html`<p>${group.description}</p>` : ''}<ul>${members.map(
    (c) =>
      html`<li><a href="${paths.competency(c.id)}">${c.name}</a>${c.core ? '' : ' (optional)'}: ${c.description.trim()}</li>`,
  )}</ul>`;
})}
${changes ? html`<h2>What changed</h2><p><a href="${paths.changes}">What changed since the previous version</a></p>` : ''}`;
  return page({ framework, title: framework.name, root: '', crumbs: [], body, changes });
}
