import type { Command } from 'commander';
import {
  diffFrameworks,
  diffSections,
  type FieldChange,
  type FrameworkDiff,
} from '../core/framework/diff.js';
import { frameworkMatrix } from '../core/framework/import/spreadsheet.js';
import { loadFramework, loadFrameworkOrThrow } from '../core/framework/load.js';
import { formatRange, renderMarkdown } from '../core/framework/render.js';
import { renderSite } from '../core/framework/render/html/site.js';
import { frameworkJsonSchema, type Framework } from '../core/framework/schema.js';
import {
  bandGrid,
  frameworkView,
  levelDetail,
  roleDetail,
  type LevelDetail,
} from '../core/framework/view.js';
import { didYouMean } from '../core/input/document.js';
import { DomainError, formatProblem, hasErrors } from '../core/problems.js';
import { readTextFile, writeFolderAtomic, writeTextFileAtomic } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import { writeCsv, writeXlsx } from '../store/spreadsheet.js';
import { terminalTable, wrap } from './format.js';
import { registerImportCommand } from './framework-import.js';
import { registerLintCommand } from './framework-lint.js';
import { print, printJson } from './output.js';

const renderFormats = ['markdown', 'html', 'csv', 'xlsx'] as const;

/** How a site folder written by `render --format html` is recognised, so that a new render may replace it. */
const siteMark = { file: 'index.html', contains: '<meta name="generator" content="Trellis">' };

export function registerFrameworkCommands(program: Command): void {
  const group = program
    .command('framework')
    .description('Validate, show, diff, render and import career frameworks');

  group
    .command('validate')
    .description('Check framework files deeply; every problem as FILE:LINE:COL: message')
    .argument('<file...>', 'framework files (YAML or JSON)')
    .option('--json', 'machine-readable output')
    .action((files: string[], options: { json?: boolean }) => {
      // Read every file first: an unreadable one is a usage error (exit 2) before any verdict.
      const texts = files.map((file) => ({ file, text: readTextFile(file) }));
      const results = texts.map(({ file, text }) => ({ file, ...loadFramework(text, file) }));
      const valid = results.every((r) => !hasErrors(r.problems));
      if (options.json) {
        printJson({
          valid,
          files: results.map((r) => ({
            file: r.file,
            valid: !hasErrors(r.problems),
            problems: r.problems.map(({ file: _file, ...problem }) => problem),
          })),
        });
      } else {
        for (const r of results) {
          for (const problem of r.problems) process.stderr.write(`${formatProblem(problem)}\n`);
          const errors = r.problems.filter((p) => p.severity === 'error').length;
          const warnings = r.problems.length - errors;
          const counts = [
            errors && `${errors} error${errors === 1 ? '' : 's'}`,
            warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`,
          ]
            .filter(Boolean)
            .join(', ');
          print(`${r.file}: ${errors === 0 ? 'valid' : 'invalid'}${counts ? ` (${counts})` : ''}`);
        }
      }
      process.exitCode = valid ? 0 : 1;
    });

  group
    .command('schema')
    .description('Print the JSON Schema of framework files, for editors')
    .action(() => printJson(frameworkJsonSchema()));

  group
    .command('show')
    .description('Show the ladder: the tracks side by side by band, or one level in full')
    .argument('[level]', 'a level id, to see that level in full')
    .option('--framework <file>', 'a framework file (default: the reference framework)')
    .option('--json', 'machine-readable output')
    .action((levelId: string | undefined, options: { framework?: string; json?: boolean }) => {
      const { framework } = readFramework(options.framework);
      if (levelId === undefined) {
        if (options.json) printJson(frameworkView(framework));
        else print(overview(framework));
      } else {
        const role = roleDetail(framework, levelId);
        if (role) {
          if (options.json) printJson(role);
          else print(roleText(framework, role));
          return;
        }
        const detail = levelDetail(framework, levelId);
        if (options.json) printJson(detail);
        else print(levelText(framework, detail));
      }
    });

  group
    .command('diff')
    .description('What changed between two versions of a framework, keyed by id')
    .argument('<old>', 'the earlier framework file')
    .argument('<new>', 'the later framework file')
    .option('--json', 'machine-readable output')
    .action((oldFile: string, newFile: string, options: { json?: boolean }) => {
      const [before, after] = [oldFile, newFile].map((file) => ({ file, text: readTextFile(file) }));
      const problems = [before!, after!].flatMap(({ file, text }) =>
        loadFramework(text, file).problems.filter((p) => p.severity === 'error'),
      );
      if (problems.length > 0)
        throw new DomainError('invalid-input', 'cannot diff invalid frameworks', problems);
      const diff = diffFrameworks(
        loadFrameworkOrThrow(before!.text, oldFile),
        loadFrameworkOrThrow(after!.text, newFile),
      );
      if (options.json) printJson(diff);
      else print(diffText(diff));
    });

  group
    .command('render')
    .description(
      'Render a framework as a readable document, a static site, or the competency × level matrix of a spreadsheet',
    )
    .argument('<file>', 'the framework file')
    .option('--format <format>', `output format: ${renderFormats.join(', ')}`, 'markdown')
    .option(
      '-o, --output <path>',
      'write to a file instead of standard output (required for xlsx); for html, the site folder',
    )
    .option('--previous <file>', 'html: an earlier version of the framework, for a page of what changed')
    .action(async (file: string, options: { format: string; output?: string; previous?: string }) => {
      const format = options.format;
      if (!(renderFormats as readonly string[]).includes(format))
        throw new DomainError(
          'usage',
          `unknown format "${format}"${didYouMean(format, renderFormats)}; known formats: ${renderFormats.join(', ')}`,
        );
      if (format === 'xlsx' && !options.output)
        throw new DomainError('usage', 'an xlsx workbook is not text: give -o FILE.xlsx');
      if (format === 'html' && !options.output)
        throw new DomainError('usage', 'a site is a folder of pages: give -o DIR');
      if (options.previous && format !== 'html')
        throw new DomainError('usage', '--previous is read only with --format html');
      const { framework } = readFramework(file);
      if (format === 'html') {
        const previous = options.previous ? readFramework(options.previous).framework : undefined;
        const files = renderSite(framework, previous);
        writeFolderAtomic(options.output!, files, siteMark);
        process.stderr.write(`wrote ${options.output} (${files.length} files)\n`);
        return;
      }
      const output =
        format === 'markdown'
          ? renderMarkdown(framework)
          : format === 'csv'
            ? writeCsv(frameworkMatrix(framework))
            : await writeXlsx(frameworkMatrix(framework), 'Ladder');
      if (options.output) {
        writeTextFileAtomic(options.output, output);
        process.stderr.write(`wrote ${options.output}\n`);
      } else if (typeof output === 'string') print(output);
    });

  registerLintCommand(group);
  registerImportCommand(group);
}

/** The two tracks side by side by band, top band first, with the lateral roles below. */
function overview(framework: Framework): string {
  const ladders = framework.tracks.filter((t) => t.kind === 'ladder');
  const rows = bandGrid(framework).map(({ band, cells }) => [
    String(band),
    ...ladders.map((t) =>
      (cells[t.id] ?? [])
        .map((l) => `${l.title} (${l.id})\n${l.scope}${l.careerLevel ? ' · career level' : ''}`)
        .join('\n'),
    ),
  ]);
  const lines = [
    `${framework.name} ${framework.version}`,
    '',
    terminalTable(['Band', ...ladders.map((t) => t.name)], rows),
  ];
  if (framework.roles.length > 0) {
    lines.push('', 'Lateral roles:');
    for (const role of framework.roles)
      lines.push(`  ${role.title} (${role.id})${role.band ? `, band ${role.band}` : ''}`);
  }
  lines.push(
    '',
    'Same row, same band: equal standing and pay. See one level with: trellis framework show LEVEL',
  );
  return lines.join('\n');
}

function roleText(framework: Framework, role: NonNullable<ReturnType<typeof roleDetail>>): string {
  const track = framework.tracks.find((t) => t.id === role.track)?.name ?? role.track;
  const title = (id: string) =>
    framework.levels.find((l) => l.id === id)?.title ?? framework.roles.find((r) => r.id === id)?.title ?? id;
  const lines = [
    `${role.title} (${role.id})`,
    `A lateral role: ${track}${role.band ? `, band ${role.band}` : ''}`,
    '',
    wrap(role.summary),
  ];
  if (role.notes.length > 0)
    lines.push('', 'Notes:', ...role.notes.map((n) => wrap(n, 88, '    ').replace(/^ {4}/, '  - ')));
  if (role.moves.incoming.length > 0)
    lines.push(
      '',
      `Reached from: ${role.moves.incoming.map((m) => `${title(m.from)} (${m.kind})`).join(', ')}`,
    );
  if (role.moves.outgoing.length > 0)
    lines.push(`Leads to: ${role.moves.outgoing.map((m) => `${title(m.to)} (${m.kind})`).join(', ')}`);
  return lines.join('\n');
}

function levelText(framework: Framework, level: LevelDetail): string {
  const track = framework.tracks.find((t) => t.id === level.track)?.name ?? level.track;
  const lines = [`${level.title} (${level.id})`, `${track}, rank ${level.rank}, band ${level.band}`, ''];
  if (level.summary) lines.push(wrap(level.summary), '');
  lines.push(
    `Scope:          ${level.scope}`,
    `Impact:         ${level.impact}`,
    `Years in level: ${formatRange(level.years)}`,
  );
  if (level.careerLevel) lines.push('Career level:   yes, one may stay here for good');
  if (level.companies.length > 0)
    lines.push(`Elsewhere:      ${level.companies.map((c) => `${c.name} ${c.codes.join('/')}`).join(', ')}`);
  if (level.rule) lines.push('', wrap(`Promotion rule ${level.rule.id}: ${level.rule.text}`));
  for (const [title, items] of [
    ['Archetypes', level.archetypes.map((a) => `${a.name}${a.description ? `: ${a.description}` : ''}`)],
    ['Responsibilities', level.responsibilities],
    ['Notes', level.notes],
  ] as const) {
    if (items.length > 0)
      lines.push('', `${title}:`, ...items.map((item) => wrap(item, 88, '    ').replace(/^ {4}/, '  - ')));
  }
  lines.push(
    '',
    terminalTable(
      ['Competency', 'Expected', 'What it looks like'],
      level.expectations.map((e) => [e.name, `${e.rating} ${e.label}`, e.behaviours.join('\n')]),
      { colWidths: [26, 16, 60] },
    ),
  );
  return lines.join('\n');
}

function diffText(diff: FrameworkDiff): string {
  const show = (value: unknown) =>
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'none');
  const changeText = (c: FieldChange) => `${c.field}: ${show(c.old)} → ${show(c.new)}`;
  const lines = [`${diff.old.id} ${diff.old.version} → ${diff.new.id} ${diff.new.version}`];
  for (const change of diff.framework) lines.push(`  ~ ${changeText(change)}`);
  for (const section of diffSections) {
    const s = diff.sections[section];
    if (s.added.length + s.removed.length + s.changed.length === 0) continue;
    lines.push('', section);
    for (const id of s.added) lines.push(`  + ${id}`);
    for (const id of s.removed) lines.push(`  - ${id}`);
    for (const { id, fields } of s.changed) {
      lines.push(`  ~ ${id}`);
      for (const field of fields) lines.push(`      ${changeText(field)}`);
    }
  }
  const { added, removed, changed } = diff.summary;
  lines.push(
    '',
    added + removed + changed === 0
      ? 'No changes.'
      : `${added} added, ${removed} removed, ${changed} changed`,
  );
  return lines.join('\n');
}
