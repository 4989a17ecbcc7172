import { z } from 'zod';
import { checkSchema, parseSource, type SourceDocument } from '../../input/document.js';
import { LIMITS } from '../../input/limits.js';
import { DomainError, type Problem } from '../../problems.js';
import { Findings, type ImportInput, type ImportResult, warnUnknownKeys } from './common.js';
import { buildFt, readStatementsOf, readThemesOf, type Theme } from './ft-build.js';
import { invalidFt, statementSchema } from './ft-schema.js';
import { placeLevels, text } from './ft-levels.js';
import { baseName, humanise, stem } from './slug.js';

/*
 * The FT's earlier layout: one ladder over four files. `levels.yml` lists `{id, name, summary}`,
 * `competencies.yml` lists statements with an `area` instead of a theme and no proficiency grade,
 * `domains.yml` may name the areas (`{id, name, summary}`), `api_version.yml` holds the API's
 * version. The files are passed together; directories are not read, so the shell's glob
 * (`legacy-layout/*.yml`) is the way to name them.
 */

const parts = ['levels', 'competencies', 'domains', 'api_version'] as const;
type PartName = (typeof parts)[number];

const levelList = z
  .array(
    z.object({
      id: z.union([z.string(), z.number()]),
      name: z.union([z.string(), z.number()]).nullish(),
      summary: z.string().nullish(),
    }),
  )
  .max(LIMITS.listItems)
  .min(1, 'needs at least one level');
const domainList = z
  .array(
    z.object({
      id: z.union([z.string(), z.number()]),
      name: z.union([z.string(), z.number()]).nullish(),
      summary: z.string().nullish(),
    }),
  )
  .max(LIMITS.listItems)
  .nullish();
const statementList = z
  .array(
    statementSchema.extend({
      area: z.union([z.string().trim().min(1), z.number()]),
      description: z.string().nullish(),
    }),
  )
  .max(LIMITS.listItems)
  .min(1, 'needs at least one competency: an empty list is no ladder');

const legacyStatementKeys = [
  'id',
  'summary',
  'examples',
  'supportingUrls',
  'description',
  'level',
  'area',
  'proficiency',
];

/** The layout is recognised by its file names: levels.yml and competencies.yml among the inputs. */
export function isLegacyLayout(inputs: ImportInput[]): boolean {
  const names = new Set(inputs.map((i) => stem(i.name).toLowerCase()));
  return names.has('levels') || names.has('competencies');
}

export function importFtLegacy(inputs: ImportInput[]): ImportResult {
  const byPart = new Map<PartName, ImportInput>();
  for (const input of inputs) {
    const part = parts.find((p) => p === stem(input.name).toLowerCase());
    if (!part || byPart.has(part))
      throw new DomainError(
        'usage',
        `${baseName(input.name)}: the FT's earlier layout is levels.yml, competencies.yml, domains.yml and api_version.yml, each once`,
      );
    byPart.set(part, input);
  }
  for (const required of ['levels', 'competencies'] as const)
    if (!byPart.has(required))
      throw new DomainError('usage', `the FT's earlier layout needs ${required}.yml beside the other files`);

  const findings = new Findings();
  const problems: Problem[] = [];
  const read = (part: PartName) => {
    const input = byPart.get(part);
    if (!input) return undefined;
    const source = parseSource(input.text.replace(/^\uFEFF/, ''), input.name);
    problems.push(...source.syntaxProblems);
    return source;
  };
  const levelsSource = read('levels')!;
  const statementsSource = read('competencies')!;
  const domainsSource = read('domains');
  read('api_version');
  if (problems.length > 0) throw invalidFt(problems);

  const levels = check(levelsSource, levelList, problems);
  const statements = check(statementsSource, statementList, problems);
  const domains = domainsSource ? check(domainsSource, domainList, problems) : undefined;
  if (!levels || !statements || problems.length > 0) throw invalidFt(problems);
  each(findings, levelsSource, ['id', 'name', 'summary'], 'level');
  each(findings, statementsSource, legacyStatementKeys, 'competency');
  if (domainsSource) each(findings, domainsSource, ['id', 'name', 'summary'], 'domain');

  const placed = placeLevels(levelsSource, levels, findings, []);
  const themes: Theme[] =
    domains && domains.length > 0
      ? readThemesOf({ source: domainsSource!, base: [], items: domains }, findings)
      : areasOf(
          statements.map((s) => String(s.area).trim()),
          findings,
        );
  const read2 = readStatementsOf(
    { source: statementsSource, base: [], items: statements.map((s) => ({ ...s, theme: s.area })) },
    placed,
    themes,
    findings,
    'area',
  );
  statements.forEach((s, i) => {
    if (text(s.description) !== '')
      findings.error(
        statementsSource,
        [i, 'description'],
        'a competency’s description has no place in a Trellis framework yet; move it into the summary or the examples',
        'unsupported',
      );
  });
  if (findings.problems.length > 0) throw invalidFt(findings.problems);

  const files = parts.map((p) => byPart.get(p)?.name).filter((n): n is string => n !== undefined);
  const { framework, fidelity } = buildFt(
    {
      name: 'Engineering',
      files,
      levels: placed,
      themes,
      statements: read2,
      graded: read2.some((s) => s.rating !== undefined),
      levelSummaries: new Map(
        levels.flatMap((l) => (text(l.summary) ? [[String(l.id).trim(), text(l.summary)] as const] : [])),
      ),
    },
    findings,
  );
  framework.description = `Imported from the Financial Times’ earlier engineering layout (${files.map(baseName).join(', ')}).`;
  return { framework, notes: findings.notes, used: inputs.map((i) => i.name), fidelity };
}

function check<S extends z.ZodType>(
  source: SourceDocument,
  schema: S,
  problems: Problem[],
): z.output<S> | undefined {
  const checked = checkSchema(source, schema);
  problems.push(...checked.problems);
  return checked.value;
}

function each(findings: Findings, source: SourceDocument, known: string[], what: string): void {
  const list = Array.isArray(source.value) ? source.value : [];
  list.forEach((item, i) => warnUnknownKeys(findings, source, item, [i], known, `${what} ${i + 1}`));
}

/** Without domains.yml, each area the statements name is a theme, in the order they appear. */
function areasOf(areas: string[], findings: Findings): Theme[] {
  const unique = [...new Set(areas)];
  findings.note(
    `domains.yml names no area: the themes are the areas the statements name (${unique.join(', ')})`,
  );
  return unique.map((id) => ({
    sourceId: id,
    id,
    name: humanise(id),
    description: `FT area "${humanise(id)}".`,
    described: false,
  }));
}
