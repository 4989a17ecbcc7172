import type { Command } from 'commander';
import { parseTShapeFile, tShape, type SkillView, type TShape } from '../core/growth/tshape.js';
import { readTextFile } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import { wrap } from './format.js';
import { print, printJson } from './output.js';

export function registerTShapeCommands(program: Command): void {
  program
    .command('tshape')
    .description(
      'Your T-shape: career stage, depth and breadth across specialisations, risks and suggestions',
    )
    .argument('<file>', 'yearsOfExperience and skills: { <specialisation id>: 0..5 } (YAML or JSON)')
    .option('--framework <file>', 'a framework file (default: the reference framework)')
    .option('--json', 'machine-readable output')
    .action((file: string, options: { framework?: string; json?: boolean }) => {
      const { framework } = readFramework(options.framework);
      const result = tShape(framework, parseTShapeFile(readTextFile(file), file, framework));
      if (options.json) printJson(result);
      else print(renderTShape(result));
    });
}

const bar = (skill: number) => `${'#'.repeat(skill)}${'.'.repeat(5 - skill)}`;

function renderTShape(result: TShape): string {
  const list = (views: SkillView[]) =>
    views.length === 0 ? '  (none)' : views.map((v) => `  ${bar(v.skill)} ${v.skill}  ${v.name}`).join('\n');
  const out = [
    `Stage: ${result.stage} (${result.yearsOfExperience} years)`,
    wrap(result.stageText, 88, '  '),
    `Shape: ${result.shape}`,
    'Depth (4-5):',
    list(result.depth),
    'Breadth (2-3):',
    list(result.breadth),
  ];
  if (result.risks.length > 0) {
    out.push('Risks:');
    for (const risk of result.risks) out.push(bullet(`${risk.text} [${risk.code}]`));
  }
  if (result.suggestions.length > 0) {
    out.push('Suggestions:');
    for (const s of result.suggestions) out.push(bullet(s.text));
  }
  return out.join('\n');
}

/** A wrapped list item whose continuation lines align under its text. */
function bullet(text: string): string {
  return `  - ${wrap(text, 88, '    ').slice(4)}`;
}
