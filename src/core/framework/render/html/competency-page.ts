import { own } from '../../../names.js';
import { appliesToTrack, scaleOf } from '../../rules.js';
import type { Competency, Framework } from '../../schema.js';
import { ratingText, readExpectations, trackLevels } from '../reading.js';
import { html } from './escape.js';
import { behaviourList, illustrationBlock, levelLink, paths } from './common.js';
import { page } from './layout.js';

/** One competency: its scale, then what each level of each track expects of it, bottom to top. */
export function competencyPage(framework: Framework, competency: Competency, changes: boolean): string {
  const root = '../';
  const group = framework.groups.find((g) => g.id === competency.group);
  const scale = scaleOf(competency, framework.scales);
  const ladders = framework.tracks.filter((t) => t.kind === 'ladder' && appliesToTrack(competency, t.id));
  const tracks = ladders
    .map((track) => ({
      track,
      rows: trackLevels(framework, track.id).flatMap((level) => {
        if (!own(level.expectations, competency.id)) return [];
        const e = readExpectations(framework, level).find((x) => x.competency === competency.id)!;
        return [{ level, e }];
      }),
    }))
    .filter((t) => t.rows.length > 0);
  const detailed = scale?.points.some((p) => p.behaviours?.length || p.examples?.length);
  const body = html`<h1>${competency.name}</h1>
<p class="meta">${group ? `Group: ${group.name}` : ''}${competency.core ? '' : ' · optional'}</p>
<p>${competency.description.trim()}</p>
${competency.deepDive ? html`<p><strong>To grow it:</strong> ${competency.deepDive}</p>` : ''}
${tracks.map(
  ({ track, rows }) =>
    html`<h2>${track.name}</h2>${rows.map(
      ({ level, e }) =>
        html`<section aria-labelledby="l-${level.id}"><h3 id="l-${level.id}">${levelLink(level, root)}</h3><p class="expected">Expected: ${ratingText(e)}</p>${behaviourList(e, root)}${illustrationBlock(own(level.expectations, competency.id))}</section>`,
    )}`,
)}
${tracks.length === 0 && !detailed ? html`<p>No level states an expectation of this competency.</p>` : ''}
${
  scale
    ? html`<h2>Rating scale: ${scale.name}</h2>${
        detailed
          ? scale.points.map(
              (p) =>
                html`<h3>${p.value} · ${p.label}</h3>${p.description ? html`<p>${p.description}</p>` : ''}${
                  p.behaviours?.length ? html`<ul>${p.behaviours.map((b) => html`<li>${b}</li>`)}</ul>` : ''
                }${p.examples?.length ? html`<p>Examples:</p><ul>${p.examples.map((x) => html`<li>${x}</li>`)}</ul>` : ''}`,
            )
          : html`<dl class="facts">${scale.points.map(
              (p) => html`<dt>${p.value} · ${p.label}</dt><dd>${p.description ?? ''}</dd>`,
            )}</dl>`
      }`
    : ''
}`;
  return page({
    framework,
    title: competency.name,
    root,
    crumbs: [
      { label: 'Ladder', href: `${root}${paths.index}` },
      { label: 'Competencies', href: `${root}${paths.index}#competencies` },
    ],
    body,
    changes,
  });
}
