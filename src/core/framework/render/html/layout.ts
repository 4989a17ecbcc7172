import type { Framework } from '../../schema.js';
import { html, type Html } from './escape.js';

export interface PageInput {
  framework: Framework;
  /** The page title, before the ladder's name. */
  title: string;
  /** How to reach the site's root from this page: '' or '../'. */
  root: string;
  /** Where this page sits: the links above its heading, root first. */
  crumbs: { label: string; href: string }[];
  body: Html;
  /** Whether the site has a page of what changed. */
  changes: boolean;
}

/** A whole page: landmarks, a skip link, the site's navigation and the one stylesheet. No script. */
export function page(input: PageInput): string {
  const { framework, root } = input;
  const crumbs =
    input.crumbs.length === 0
      ? ''
      : html`<nav class="crumbs" aria-label="Breadcrumb"><ol>${input.crumbs.map(
          (c) => html`<li><a href="${c.href}">${c.label}</a></li>`,
        )}<li aria-current="page">${input.title}</li></ol></nav>`;
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Trellis">
<title>${input.title === framework.name ? framework.name : `${input.title} · ${framework.name}`}</title>
<link rel="stylesheet" href="${root}style.css">
</head>
<body>
<a class="skip" href="#content">Skip to the content</a>
<header class="site">
<p>${framework.name} <span class="meta">version ${framework.version}</span></p>
<nav aria-label="Site"><ul>
<li><a href="${root}index.html">Ladder</a></li>
<li><a href="${root}index.html#competencies">Competencies</a></li>
<li><a href="${root}index.html#promotion">How promotion works</a></li>
${input.changes ? html`<li><a href="${root}changes.html">What changed</a></li>` : ''}
</ul></nav>
</header>
<main id="content">
${crumbs}
${input.body}
</main>
<footer class="site"><p>${framework.name}, version ${framework.version} (framework id <code>${framework.id}</code>).</p></footer>
</body>
</html>
`;
  return doc.html;
}
