import type { Framework } from '../../schema.js';
import { changesPage } from './changes-page.js';
import { paths } from './common.js';
import { competencyPage } from './competency-page.js';
import { indexPage } from './index-page.js';
import { levelPage } from './level-page.js';
import { stylesheet } from './style.js';

/** One file of the site: its path relative to the site's folder, and its text. */
export interface SiteFile {
  path: string;
  text: string;
}

/**
 * The ladder as a static site, as companies publish theirs: an index of both tracks by band, a page
 * per level and per competency, plain HTML and one stylesheet, no script; with the previous version,
 * a page of what changed since it.
 */
export function renderSite(framework: Framework, previous?: Framework): SiteFile[] {
  const changes = previous !== undefined;
  return [
    { path: paths.style, text: stylesheet },
    { path: paths.index, text: indexPage(framework, changes) },
    ...framework.levels.map((level) => ({
      path: paths.level(level.id),
      text: levelPage(framework, level, changes),
    })),
    ...framework.competencies.map((c) => ({
      path: paths.competency(c.id),
      text: competencyPage(framework, c, changes),
    })),
    ...(previous ? [{ path: paths.changes, text: changesPage(previous, framework) }] : []),
  ];
}
