import { z } from 'zod';
import { loadFramework } from '../core/framework/load.js';
import { checkSchema } from '../core/input/document.js';
import { LIMITS } from '../core/input/limits.js';
import { plainSource, problem, rebase } from '../core/input/value.js';
import { notChecked, type Problem } from '../core/problems.js';
import { workspaceExportSchema, type WorkspaceExport } from './entities.js';
import { checkDocument, offersKind, scenariosKind } from './repositories/documents.js';
import { referenceConflictOf } from './repositories/frameworks.js';

const lists = ['frameworks', 'evidence', 'assessments', 'offers', 'scenarios', 'learningPlans'] as const;
type List = (typeof lists)[number];

const anyItems = z.array(z.unknown()).max(LIMITS.storedItems);
/** The export with its lists' items left to their own schemas, so that each item is checked apart. */
const envelopeSchema = workspaceExportSchema.extend({
  frameworks: anyItems,
  evidence: anyItems,
  assessments: anyItems,
  offers: anyItems,
  scenarios: anyItems,
  learningPlans: anyItems,
});
const itemSchemas: { [L in List]: z.ZodType<WorkspaceExport[L][number]> } = {
  frameworks: workspaceExportSchema.shape.frameworks.element,
  evidence: workspaceExportSchema.shape.evidence.element,
  assessments: workspaceExportSchema.shape.assessments.element,
  offers: workspaceExportSchema.shape.offers.element,
  scenarios: workspaceExportSchema.shape.scenarios.element,
  learningPlans: workspaceExportSchema.shape.learningPlans.element,
};
/**
 * A workspace export as given (a parsed JSON document), checked once: the export, or every problem
 * found, each with `file` when one is named. The envelope is checked by its schema, then each item of
 * each list by its own, in order; once `LIMITS.problems` problems are found the rest is only counted,
 * so that a hundred thousand broken entries cost as much as the first few. A well-formed export is
 * then checked for its own consistency (`consistencyProblems`).
 */
export function readWorkspaceExport(
  input: unknown,
  file?: string,
): { value?: WorkspaceExport; problems: Problem[] } {
  const envelope = checkSchema(plainSource(input, file ?? 'workspace export'), envelopeSchema);
  if (envelope.value === undefined) return { problems: inFile(envelope.problems, file) };
  const problems: Problem[] = [];
  let unchecked = 0;
  const checked: Partial<Record<List, unknown[]>> = {};
  for (const list of lists) {
    const items = envelope.value[list];
    // The envelope's check has bounded the items' depth and width already. Each item is taken by
    // its own schema; only one that fails is read again for its problems, located and capped as the
    // rest are, and past the cap the items are only counted. (A list checked whole would first build
    // an error for every broken item: seconds and hundreds of MB for a hundred thousand of them.)
    const schema = itemSchemas[list];
    const kept: unknown[] = new Array(items.length);
    for (let index = 0; index < items.length; index++) {
      if (problems.length >= LIMITS.problems) {
        unchecked += items.length - index;
        break;
      }
      const quick = schema.safeParse(items[index]);
      if (quick.success) {
        kept[index] = quick.data;
        continue;
      }
      const item = checkSchema(plainSource(items[index]), schema);
      problems.push(...rebase(item.problems, [list, index]));
    }
    checked[list] = kept;
  }
  if (unchecked > 0) problems.push(notChecked(unchecked));
  if (problems.length > 0) return { problems: inFile(problems, file) };
  const value = { ...envelope.value, ...checked } as WorkspaceExport;
  const inconsistent = consistencyProblems(value);
  return inconsistent.length > 0 ? { problems: inFile(inconsistent, file) } : { value, problems: [] };
}

/** The problems, each placed in `file` when the export came from one. */
function inFile(problems: Problem[], file: string | undefined): Problem[] {
  return file === undefined ? problems : problems.map((p) => ({ ...p, file }));
}

/**
 * An export's own consistency: ids unique per collection, every framework file readable, the
 * framework in use and every pinned framework version present, every evidence link pointing at an
 * entry of the export, every stored file passing its parser, no conflict with the shipped reference.
 * Stored data is never judged against a framework again: a profile or an evidence entry was checked
 * against the framework in use when it was saved, and choosing another framework later must not make
 * the workspace impossible to restore.
 */
function consistencyProblems(data: WorkspaceExport): Problem[] {
  const problems: Problem[] = [];

  for (const list of lists) {
    const seen = new Set<number>();
    data[list].forEach((row, index) => {
      if (seen.has(row.id))
        problems.push(problem([list, index, 'id'], `id ${row.id} appears twice`, 'duplicate-id'));
      seen.add(row.id);
    });
  }

  const versions = new Set<string>();
  data.frameworks.forEach((f, index) => {
    const loadedProblems = loadFramework(f.source, `frameworks[${index}]`).problems.filter(
      (p) => p.severity === 'error',
    );
    problems.push(...rebase(loadedProblems, ['frameworks', index, 'source']));
    const key = `${f.frameworkId}@${f.version}`;
    if (versions.has(key))
      problems.push(
        problem(
          ['frameworks', index, 'version'],
          `framework ${f.frameworkId} version ${f.version} appears twice`,
          'duplicate-version',
        ),
      );
    versions.add(key);
  });

  // Checked here, before anything is replaced: the shipped reference is stored with the import.
  const conflict = referenceConflictOf(data.frameworks);
  if (conflict) {
    const { stored } = conflict;
    problems.push(
      problem(
        ['frameworks', data.frameworks.indexOf(stored), 'version'],
        `framework "${stored.frameworkId}" version ${stored.version} differs from the reference framework this Trellis ships under the same id and version; give it another id or version (and change the assessments that name it)`,
        'reference-conflict',
      ),
    );
  }

  const active = data.settings.framework;
  if (active !== undefined && !data.frameworks.some((f) => String(f.id) === active))
    problems.push(
      problem(['settings', 'framework'], `no framework with id ${active} in the export`, 'unknown-reference'),
    );

  const evidenceIds = new Set(data.evidence.map((e) => e.id));
  data.assessments.forEach((a, index) => {
    const base = ['assessments', index];
    if (!versions.has(`${a.framework.id}@${a.framework.version}`))
      problems.push(
        problem(
          [...base, 'framework'],
          `framework ${a.framework.id} version ${a.framework.version} is not in the export`,
          'unknown-reference',
        ),
      );
    for (const [competency, ids] of Object.entries(a.evidence))
      ids.forEach((id, i) => {
        if (!evidenceIds.has(id))
          problems.push(
            problem(
              [...base, 'evidence', competency, i],
              `no evidence entry with id ${id}`,
              'unknown-reference',
            ),
          );
      });
  });

  data.offers.forEach((d, index) =>
    problems.push(
      ...rebase(checkDocument(offersKind, { name: d.name, file: d.file }).problems, ['offers', index]),
    ),
  );
  data.scenarios.forEach((d, index) =>
    problems.push(
      ...rebase(checkDocument(scenariosKind, { name: d.name, file: d.file }).problems, ['scenarios', index]),
    ),
  );
  return problems;
}
