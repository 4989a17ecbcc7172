import { z } from 'zod';
import { checkSchema, parseSource, type SourceDocument } from '../../input/document.js';
import { LIMITS } from '../../input/limits.js';
import { DomainError, selfNamed } from '../../problems.js';
import { Findings, type ImportInput, type ImportResult, warnUnknownKeys } from './common.js';
import { buildFt, type FtFamily, readStatementsOf, readThemesOf } from './ft-build.js';
import { invalidFt, key, statementSchema, words } from './ft-schema.js';
import { importFtLegacy, isLegacyLayout } from './ft-legacy.js';
import { placeLevels } from './ft-levels.js';
import { baseName } from './slug.js';

/*
 * The Financial Times job-family YAML: `levels[{id, name}]`, `themes[{id, name, summary}]` and
 * `competencies[{id, level, theme, summary, proficiency, examples, supportingUrls}]`, one statement
 * per entry. The schema is looser than the FT's own so that other job families import too; a key
 * neither knows is warned about, with a suggestion.
 */

const ftSchema = z.object({
  name: words.nullish(),
  summary: z.string().nullish(),
  levels: z
    .array(z.object({ id: key, name: words.nullish() }))
    .max(LIMITS.listItems)
    .min(1, 'needs at least one level'),
  themes: z
    .array(z.object({ id: key, name: words.nullish(), summary: z.string().nullish() }))
    .max(LIMITS.listItems)
    .min(1, 'needs at least one theme'),
  competencies: z
    .array(statementSchema.extend({ theme: key, proficiency: z.string() }))
    .max(LIMITS.listItems)
    .min(1, 'needs at least one competency: an empty list is no ladder'),
});

export const familyKeys = [
  'name',
  'summary',
  'googleSheetId',
  'isLegacy',
  'levels',
  'themes',
  'competencies',
];
export const levelKeys = ['id', 'name'];
export const themeKeys = ['id', 'name', 'summary'];
export const statementKeys = ['id', 'summary', 'examples', 'supportingUrls', 'level', 'theme', 'proficiency'];

export function importFt(inputs: ImportInput[]): ImportResult {
  if (isLegacyLayout(inputs)) return importFtLegacy(inputs);
  if (inputs.length > 1) {
    throw new DomainError(
      'usage',
      `several FT files given (${inputs.map((i) => baseName(i.name)).join(', ')}): each job family is a ladder of its own, import one at a time (the earlier layout's levels.yml, competencies.yml, domains.yml and api_version.yml are one ladder and go together)`,
    );
  }
  const input = inputs[0]!;
  const findings = new Findings();
  const body = input.text.replace(/^\uFEFF/, '');
  if (/^---[ \t]*\r?\n[\s\S]*?^---[ \t]*$/m.test(body)) {
    const message =
      'this looks like Markdown with front matter, not an FT job family: use --from monzo for Monzo files';
    throw invalidFt([
      {
        severity: 'error',
        code: 'wrong-format',
        message,
        path: [],
        showPath: false,
        file: input.name,
        line: 1,
        col: 1,
      },
    ]);
  }
  const source = parseSource(body, input.name);
  if (source.syntaxProblems.length > 0) throw invalidFt(source.syntaxProblems);
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw invalidFt([
      selfNamed(
        source.problem(
          [],
          Array.isArray(source.value)
            ? 'this is a list, as in the FT’s earlier layout: pass levels.yml and competencies.yml (with domains.yml and api_version.yml) together'
            : 'an FT job family must be a mapping with `levels`, `themes` and `competencies`',
          'not-a-mapping',
        ),
      ),
    ]);
  }
  const checked = checkSchema(source, ftSchema);
  if (!checked.value) throw invalidFt(checked.problems);
  const family = checked.value;
  warnKeys(findings, source, source.value as Record<string, unknown>);

  const levels = placeLevels(source, family.levels, findings);
  const themes = readThemesOf({ source, base: ['themes'], items: family.themes }, findings);
  const statements = readStatementsOf(
    { source, base: ['competencies'], items: family.competencies },
    levels,
    themes,
    findings,
  );
  if (findings.problems.length > 0) throw invalidFt(findings.problems);

  const ftFamily: FtFamily = {
    name: family.name,
    summary: family.summary,
    files: [input.name],
    levels,
    themes,
    statements,
    graded: true,
  };
  const { framework, fidelity } = buildFt(ftFamily, findings);
  return { framework, notes: findings.notes, used: [input.name], fidelity };
}

function warnKeys(findings: Findings, source: SourceDocument, value: Record<string, unknown>): void {
  warnUnknownKeys(findings, source, value, [], familyKeys, 'the job family');
  const each = (list: unknown, base: string, known: string[], what: string) =>
    (Array.isArray(list) ? list : []).forEach((item, i) =>
      warnUnknownKeys(findings, source, item, [base, i], known, `${what} ${i + 1}`),
    );
  each(value.levels, 'levels', levelKeys, 'level');
  each(value.themes, 'themes', themeKeys, 'theme');
  each(value.competencies, 'competencies', statementKeys, 'competency');
}

export { ftProficiencies, summaryBehaviours } from './ft-build.js';
