import type { Command } from 'commander';
import {
  parseTShapeFile,
  tShape,
  type SkillView,
  type TShape,
  type TShapeInput,
} from '../core/growth/tshape.js';
import { DomainError } from '../core/problems.js';
import { readTextFile } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import { wrap } from './format.js';
import { print, printJson } from './output.js';
import { databaseName } from './database.js';
import { dbOption, sourceOf, type DbOptions, type Source } from './stored.js';
import { readProfile } from '../core/profile/profile.js';
import { refuse } from '../core/input/value.js';
import { withWorkspace } from './workspace.js';

export function registerTShapeCommands(program: Command): void {
  program
    .command('tshape')
    .description(
      'Your T-shape: career stage, depth and breadth across specialisations, risks and suggestions',
    )
    .argument(
      '[file]',
      "yearsOfExperience and skills: { <specialisation id>: 0..5 } (YAML or JSON); with --db, saved to the workspace's profile (without FILE: the profile's)",
    )
    .option('--framework <file>', 'a framework file (default: the reference framework)')
    .addOption(dbOption())
    .option('--json', 'machine-readable output')
    .action(
      async (
        file: string | undefined,
        options: { framework?: string; json?: boolean } & DbOptions,
        command: Command,
      ) => {
        const source = sourceOf(file, options, command);
        if (source.kind !== 'file') return tShapeInWorkspace(source, options);
        const { framework } = readFramework(options.framework);
        const result = tShape(framework, parseTShapeFile(readTextFile(source.file), source.file, framework));
        if (options.json) printJson(result);
        else print(renderTShape(result));
      },
    );
}

/**
 * `--db`: FILE's years and skills are saved to the workspace's profile (its other fields kept), as
 * `PUT /api/profile` saves them, against the framework in use; without FILE, the T-shape of the
 * profile, against the framework in use or `--framework FILE`.
 */
async function tShapeInWorkspace(
  source: Exclude<Source, { kind: 'file' }>,
  options: { framework?: string; json?: boolean },
): Promise<void> {
  const db = databaseName(source.db);
  if (source.kind === 'store' && options.framework !== undefined)
    throw new DomainError(
      'usage',
      "the profile is checked against the workspace's framework in use: --framework FILE cannot be used when saving to it",
    );
  const { result, saved } = await withWorkspace(
    source.db,
    async (workspace) => {
      if (source.kind === 'store') {
        const { framework } = await workspace.activeFramework();
        const input = parseTShapeFile(readTextFile(source.file), source.file, framework);
        const result = tShape(framework, input);
        const { updatedAt: _updatedAt, ...profile } = (await workspace.profile.get()) ?? {};
        const checked = readProfile(framework, { ...profile, ...input });
        if (checked.value === undefined)
          refuse(
            'profile is not valid',
            checked.problems.map((p) => ({ ...p, file: 'profile' })),
          );
        await workspace.profile.store(checked.value);
        return { result, saved: true };
      }
      const framework =
        options.framework === undefined
          ? (await workspace.activeFramework()).framework
          : readFramework(options.framework).framework;
      const input = profileTShape(await workspace.profile.get(), db);
      return { result: tShape(framework, input, 'profile'), saved: false };
    },
    { mustExist: source.kind === 'stored' },
  );
  if (options.json) printJson({ ...result, [saved ? 'stored' : 'from']: { db, profile: true } });
  else {
    const closing = saved
      ? `Saved yearsOfExperience and skills to the profile in ${db}.`
      : `From the profile in ${db}.`;
    print(`${renderTShape(result)}\n${closing}`);
  }
}

/** The T-shape part of a stored profile, or what is missing from it. */
function profileTShape(
  profile: { yearsOfExperience?: number; skills?: Record<string, number> } | undefined,
  db: string,
): TShapeInput {
  const how = 'save it with trellis tshape FILE --db, or PUT /api/profile';
  if (profile === undefined) throw new DomainError('not-found', `no profile stored in ${db} yet: ${how}`);
  const missing = (['yearsOfExperience', 'skills'] as const).filter((key) => profile[key] === undefined);
  if (profile.yearsOfExperience === undefined || profile.skills === undefined)
    throw new DomainError('not-found', `the profile in ${db} has no ${missing.join(' and no ')}: ${how}`);
  return { yearsOfExperience: profile.yearsOfExperience, skills: profile.skills };
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
