import type { Command } from 'commander';
import { compareAssessments } from '../core/assessment/compare.js';
import { assess, checkAssessment, type AssessmentResult } from '../core/assessment/evaluate.js';
import { assessmentSchema, type Assessment } from '../core/assessment/schema.js';
import type { Framework } from '../core/framework/schema.js';
import { parseValidated } from '../core/input/document.js';
import { readTextFile } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import { terminalTable, wrap } from './format.js';
import { print, printJson } from './output.js';

export function readAssessment(framework: Framework, file: string): Assessment {
  return parseValidated(readTextFile(file), file, assessmentSchema, undefined, (raw, source) =>
    checkAssessment(framework, raw as { current?: unknown; ratings?: unknown }, source.problem),
  );
}

export function registerAssessCommands(program: Command): void {
  program
    .command('assess')
    .description('Which level your ratings meet on each track, and what the next levels need')
    .argument(
      '<file>',
      'an assessment: {"current": LEVEL, "ratings": {COMPETENCY: RATING, …}} (YAML or JSON)',
    )
    .option('--framework <file>', 'a framework file (default: the reference framework)')
    .option('--compare <file>', 'a second assessment to compare with, competency by competency')
    .option('--json', 'machine-readable output')
    .action((file: string, options: { framework?: string; compare?: string; json?: boolean }) => {
      const { framework } = readFramework(options.framework);
      const assessment = readAssessment(framework, file);
      if (options.compare) {
        const other = readAssessment(framework, options.compare);
        const comparison = compareAssessments(framework, assessment, other);
        const result = { a: assess(framework, assessment), b: assess(framework, other), ...comparison };
        if (options.json) printJson(result);
        else
          print(
            [
              `${file}: ${result.a.level ?? 'no level met'}    ${options.compare}: ${result.b.level ?? 'no level met'}`,
              '',
              terminalTable(
                ['Competency', file, options.compare, 'Change'],
                comparison.competencies.map((c) => [
                  c.name,
                  String(c.a ?? '–'),
                  String(c.b ?? '–'),
                  c.delta === null ? '' : c.delta > 0 ? `+${c.delta}` : String(c.delta),
                ]),
              ),
              `${comparison.summary.higher} higher, ${comparison.summary.lower} lower, ${comparison.summary.same} the same, ${comparison.summary.unrated} rated in one only`,
            ].join('\n'),
          );
        return;
      }
      const result = assess(framework, assessment);
      if (options.json) printJson(result);
      else print(assessmentText(framework, result));
    });
}

function assessmentText(framework: Framework, result: AssessmentResult): string {
  const title = (id: string | null) =>
    id === null ? 'no level' : (framework.levels.find((l) => l.id === id)?.title ?? id);
  const lines = [
    `Your ratings meet: ${title(result.level)}${result.current ? ` (you hold ${title(result.current)})` : ''}`,
    wrap(result.explanation),
    '',
  ];
  for (const t of result.tracks)
    lines.push(
      `  ${(framework.tracks.find((x) => x.id === t.track)?.name ?? t.track).padEnd(24)} ${title(t.level)}`,
    );
  for (const next of result.next) {
    lines.push(
      '',
      `${next.relation === 'up' ? 'Next up' : 'Across'}: ${next.title} — ${next.met} of ${next.total} met${next.holds ? ', ready under its rule' : ''}`,
      wrap(next.explanation, 88, '  '),
    );
    if (next.gaps.length > 0) {
      lines.push(
        terminalTable(
          ['Gap', 'Have', 'Need', 'Aim for'],
          next.gaps.map((g) => [
            g.name,
            g.have === null ? 'not rated' : String(g.have),
            String(g.need),
            g.text,
          ]),
          { colWidths: [24, 11, 6, 60] },
        ),
      );
    }
  }
  return lines.join('\n');
}
