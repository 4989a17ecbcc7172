import type { Expectation, Framework, Level } from '../../schema.js';
import { illustrationSections, type ReadExpectation } from '../reading.js';
import { html, type Html } from './escape.js';

/** Where each page of the site lives, relative to the site's root. */
export const paths = {
  index: 'index.html',
  changes: 'changes.html',
  style: 'style.css',
  level: (id: string) => `levels/${id}.html`,
  competency: (id: string) => `competencies/${id}.html`,
};

export function levelLink(level: Level, root: string): Html {
  return html`<a href="${root}${paths.level(level.id)}">${level.title}</a>`;
}

export function trackName(framework: Framework, id: string): string {
  return framework.tracks.find((t) => t.id === id)?.name ?? id;
}

/** An expectation's behaviours: carried and inherited ones said once, the new ones as a list. */
export function behaviourList(e: ReadExpectation, root: string): Html {
  if (e.carriedFrom)
    return html`<p class="carried">Carried from ${levelLink(e.carriedFrom, root)}: the same behaviours, nothing new at this level.</p>`;
  return html`${e.inheritsFrom ? html`<p class="carried">Everything expected at ${levelLink(e.inheritsFrom, root)}, and:</p>` : ''}${
    e.fresh.length > 0 ? html`<ul>${e.fresh.map((b) => html`<li>${b}</li>`)}</ul>` : ''
  }`;
}

/** What an imported ladder says beside the behaviours: illustrations, example criteria, sub-levels. */
export function illustrationBlock(written: Expectation | undefined): Html {
  return html`${illustrationSections(written).map(
    ({ title, items }) =>
      html`<div class="illustrated"><p class="aside-title">${title}:</p><ul>${items.map(
        ({ text, quotesBehaviour, examples, links }) =>
          html`<li>${quotesBehaviour ? html`<em>${text}</em>` : text}${
            examples.length > 0
              ? html`<ul class="examples">${examples.map((x) => html`<li>For example: ${x}</li>`)}</ul>`
              : ''
          }${
            links.length > 0
              ? html`<p class="reading">Reading: ${links.map((l, i) => html`${i > 0 ? ', ' : ''}<a href="${l.url}">${l.label}</a>`)}</p>`
              : ''
          }</li>`,
      )}</ul></div>`,
  )}`;
}

/** A sentence-long note, e.g. the placeholder warning. */
export function note(text: string | undefined): Html {
  return text ? html`<p class="note" role="note">${text}</p>` : html``;
}
