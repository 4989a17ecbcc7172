import { diffFrameworks, diffSections, type FieldChange } from '../../diff.js';
import type { Framework } from '../../schema.js';
import { html } from './escape.js';
import { paths } from './common.js';
import { page } from './layout.js';

const sectionNames: Record<(typeof diffSections)[number], string> = {
  tracks: 'Tracks',
  levels: 'Levels',
  roles: 'Lateral roles',
  scales: 'Rating scales',
  groups: 'Competency groups',
  competencies: 'Competencies',
  expectations: 'Expectations (level / competency)',
  promotionRules: 'Promotion rules',
  moves: 'Moves',
  specialisations: 'Specialisations',
  companies: 'Company level maps',
  assumptions: 'Market figures',
  sources: 'Sources',
};

const shown = (value: unknown) =>
  value === null || value === undefined ? 'none' : typeof value === 'string' ? value : JSON.stringify(value);

function change(c: FieldChange) {
  return html`<li><code>${c.field || 'value'}</code>: <del>${shown(c.old)}</del> → <ins>${shown(c.new)}</ins></li>`;
}

/** What changed since an earlier version, section by section, keyed by id (the `framework diff`). */
export function changesPage(previous: Framework, framework: Framework): string {
  const diff = diffFrameworks(previous, framework);
  const { added, removed, changed } = diff.summary;
  const sections = diffSections.filter((s) => {
    const d = diff.sections[s];
    return d.added.length + d.removed.length + d.changed.length > 0;
  });
  const body = html`<h1>What changed</h1>
<p>From version ${previous.version} to version ${framework.version}: ${added} added, ${removed} removed, ${changed} changed.</p>
${diff.framework.length > 0 ? html`<h2>The framework</h2><ul>${diff.framework.map(change)}</ul>` : ''}
${sections.length === 0 && diff.framework.length === 0 ? html`<p>No changes.</p>` : ''}
${sections.map((s) => {
  const d = diff.sections[s];
  return html`<h2>${sectionNames[s]}</h2>
${d.added.length > 0 ? html`<h3>Added</h3><ul>${d.added.map((id) => html`<li><code>${id}</code></li>`)}</ul>` : ''}
${d.removed.length > 0 ? html`<h3>Removed</h3><ul>${d.removed.map((id) => html`<li><code>${id}</code></li>`)}</ul>` : ''}
${d.changed.length > 0 ? html`<h3>Changed</h3><ul>${d.changed.map((c) => html`<li><code>${c.id}</code><ul>${c.fields.map(change)}</ul></li>`)}</ul>` : ''}`;
})}`;
  return page({
    framework,
    title: 'What changed',
    root: '',
    crumbs: [{ label: 'Ladder', href: paths.index }],
    body,
    changes: true,
  });
}
