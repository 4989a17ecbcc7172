import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFramework } from '../../src/core/framework/import/index.js';
import { loadFramework, loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import { esc } from '../../src/core/framework/render/html/escape.js';
import type { Framework } from '../../src/core/framework/schema.js';
import { renderMarkdown } from '../../src/core/framework/render.js';
import { renderSite } from '../../src/core/framework/render/html/site.js';
import { expectValid, sample } from '../import/helpers.js';
import { repoRoot } from '../helpers/cli.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'render');
const load = (file: string) => loadFrameworkOrThrow(readFileSync(file, 'utf8'), file);

describe('the Markdown of two published ladders, against reviewed snapshots', () => {
  it("Monzo's backend framework with generic.md", async () => {
    const { framework } = importFramework('monzo', [
      sample('monzo', 'frameworks', 'engineering', 'backend.md'),
      sample('monzo', 'frameworks', 'generic.md'),
    ]);
    await expect(renderMarkdown(expectValid(framework))).toMatchFileSnapshot(
      join(fixtures, 'monzo-backend.md'),
    );
  });

  it("the FT's engineering job family", async () => {
    const { framework } = importFramework('ft', [sample('ft', 'job-families', 'engineering.yml')]);
    await expect(renderMarkdown(expectValid(framework))).toMatchFileSnapshot(
      join(fixtures, 'ft-engineering.md'),
    );
  });
});

describe('a ladder read level by level', () => {
  const markdown = renderMarkdown(load(join(fixtures, 'carried.yaml')));

  it('lists behaviours as bullets, never joined in a table cell', () => {
    expect(markdown).toContain('**Craft**: Doing (1)\n\n- Ships small changes\n- Writes tests\n');
    expect(markdown).not.toContain('; Writes tests');
  });

  it('marks a carried expectation once instead of repeating it', () => {
    expect(markdown).toContain(
      '**Craft**: Doing (1). *Carried from One: the same behaviours, nothing new at this level.*',
    );
    expect(markdown.match(/- Ships small changes/g)).toHaveLength(1);
  });

  it('says what is inherited from the level below and lists only what is new', () => {
    expect(markdown).toContain(
      '**Craft**: Leading (2)\n\n*Everything expected at Two, and:*\n\n- Designs a feature end to end\n',
    );
    expect(markdown.match(/- Writes tests/g)).toHaveLength(1);
  });

  it('states placeholders once, at the top, and leaves them out of every level', () => {
    expect(markdown.match(/placeholders/g)).toHaveLength(1);
    expect(markdown).not.toContain('Not stated by the source framework');
    expect(markdown).toContain('#### Two\n\n- Rank 2 · band 2\n');
  });

  it('states the expectations rule in words', () => {
    expect(markdown).toContain(
      '## How promotion works\n\nEvery core competency meets the expectation of the level.\n\nA competency meets the expectation when its rating is at least the one the level names; optional competencies never hold a promotion back.\n',
    );
  });
});

describe("Snowflake's points rule in Markdown", () => {
  const { framework } = importFramework('snowflake', [sample('snowflake', 'constants.js')]);
  const markdown = renderMarkdown(expectValid(framework));

  it('states what each milestone is worth, every threshold and the titles', () => {
    expect(markdown).toContain(
      "the ratings' points (0 → 0, 1 → 1, 2 → 3, 3 → 6, 4 → 12, 5 → 20) add up to at least the level's threshold.",
    );
    expect(markdown).toContain('The thresholds, in points: Level 1.1 at 0, Level 1.2 at 5,');
    expect(markdown).toContain('Level 5.3 at 135.');
    expect(markdown).toContain('Senior Engineer (36–57 points)');
    expect(markdown).toContain('Principal Engineer (90 points or more)');
    expect(markdown).toContain('- Met at 36 points under rule snowflake-points.');
  });

  it("lists each track's milestones with their signals and examples as bullets", () => {
    expect(markdown).toContain(
      '**1 · Milestone 1**: Works effectively within established iOS or Android architectures, following current best practices\n\n- Delivers features requiring simple local modifications\n',
    );
    expect(markdown).toContain('Examples:\n\n- Added existing button to a different iOS surface\n');
  });
});

describe('the HTML site', () => {
  const hostile = load(join(fixtures, 'carried.yaml'));
  hostile.name = '<script>alert("x")</script> & co';
  hostile.levels[0]!.expectations.craft!.behaviours = ['Writes <img src=x onerror=alert(1)> tests'];
  const site = renderSite(hostile);

  it('escapes every text it shows', () => {
    const all = site.map((f) => f.text).join('\n');
    expect(all).not.toContain('<script>');
    expect(all).not.toContain('<img');
    expect(all).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(all).toContain('Writes &lt;img src=x onerror=alert(1)&gt; tests');
  });

  it('has an index, a page per level and per competency, and a stylesheet', () => {
    expect(site.map((f) => f.path)).toEqual([
      'style.css',
      'index.html',
      'levels/one.html',
      'levels/two.html',
      'levels/three.html',
      'competencies/craft.html',
    ]);
  });
});

describe('the HTML site of an imported ladder keeps what it says beside the behaviours', () => {
  const pages = (framework: Framework) => new Map(renderSite(framework).map((f) => [f.path, f.text]));
  const withBeside = (framework: Framework, key: 'illustrations' | 'exampleCriteria' | 'subLevels') =>
    framework.levels.flatMap((level) =>
      Object.entries(level.expectations).flatMap(([competency, e]) =>
        (e[key]?.length ?? 0) > 0 ? [{ level, competency, e }] : [],
      ),
    );

  it("the FT's examples and reading, on the level page and the competency page", () => {
    const { framework } = importFramework('ft', [sample('ft', 'job-families', 'engineering-v1.yml')]);
    const ladder = expectValid(framework);
    const site = pages(ladder);
    const found = withBeside(ladder, 'illustrations');
    const links = found.flatMap(({ e }) => e.illustrations!.flatMap((i) => i.links));
    expect(Math.min(found.length, links.length)).toBeGreaterThan(0);
    for (const { level, competency, e } of found)
      for (const illustration of e.illustrations!) {
        for (const page of [`levels/${level.id}.html`, `competencies/${competency}.html`]) {
          const text = site.get(page)!;
          for (const example of illustration.examples) expect(text).toContain(`For example: ${esc(example)}`);
          for (const link of illustration.links)
            expect(text).toContain(`<a href="${esc(link.url)}">${esc(link.label)}</a>`);
        }
      }
  });

  it("Monzo's example criteria and sub-levels, each under its own heading", () => {
    const { framework } = importFramework('monzo', [sample('monzo', 'frameworks', 'customer-operations.md')]);
    const ladder = expectValid(framework);
    const site = pages(ladder);
    const subLevels = withBeside(ladder, 'subLevels');
    expect(subLevels.length).toBeGreaterThan(0);
    for (const { level, e } of subLevels) {
      const text = site.get(`levels/${level.id}.html`)!;
      for (const sub of e.subLevels!) {
        expect(text).toContain(`Sub-level ${esc(sub.name)}:`);
        for (const b of sub.behaviours) expect(text).toContain(`<li>${esc(b)}</li>`);
      }
    }
  });
});

describe('links in a ladder are web addresses only', () => {
  it('refuses a javascript: link with a located problem, since the site would run it', () => {
    const text = readFileSync(join(fixtures, 'carried.yaml'), 'utf8').replace(
      'craft: { rating: 1, behaviours: [Ships small changes, Writes tests] }',
      'craft: { rating: 1, behaviours: [Writes tests], illustrations: [{ behaviour: Writes tests, links: [{ label: x, url: "javascript:alert(1)" }] }] }',
    );
    expect(text).toContain('javascript:');
    const { framework, problems } = loadFramework(text, 'carried.yaml');
    expect(framework).toBeUndefined();
    expect(problems.map((p) => `${p.line}: ${p.path.join('.')}: ${p.message}`)).toContain(
      '18: levels.0.expectations.craft.illustrations.0.links.0.url: must be a web address (http or https)',
    );
  });
});
