import { stringify } from 'yaml';
import { formatProblem } from '../../problems.js';
import { loadFramework } from '../load.js';
import type { FrameworkInput } from '../schema.js';
import type { ImportInput, ImportNote } from './common.js';
import type { FidelityReport } from './fidelity.js';
import { importFramework } from './index.js';

/** An import ready to be written or stored: the framework, its YAML file, and what to tell the user. */
export interface PublishedImport {
  framework: FrameworkInput;
  /** The framework file as it is written or stored, with a header saying where it came from. */
  yaml: string;
  /** The importer's notes, then the warnings the framework's own checks raise on the result. */
  notes: ImportNote[];
  fidelity?: FidelityReport;
  /** The inputs the framework was built from (prose-only files left out). */
  used: string[];
}

/**
 * Imports `inputs` and writes the result as a framework file, checked exactly as it will be read
 * back: what the command line writes and what the API stores are one text. `by` says in the file's
 * header what made it. An importer that produces an invalid framework is a bug, and throws.
 */
export function publishImport(
  format: string,
  inputs: ImportInput[],
  by: string,
  file = 'imported framework',
): PublishedImport {
  const { framework, notes, used, fidelity } = importFramework(format, inputs);
  const names = used.map((name) => name.split(/[\\/]/).at(-1)).join(', ');
  const header = [
    `# Imported by ${by} from ${names}.`,
    '# Scope, impact and typical years of each level are placeholders: the source does not state them.',
  ].join('\n');
  const yaml = `${header}\n${stringify(framework, { lineWidth: 0 })}`;
  const check = loadFramework(yaml, file);
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new Error(
      `the importer produced an invalid framework (a bug):\n${errors.map(formatProblem).join('\n')}`,
    );
  }
  const warnings: ImportNote[] = check.problems.map((p) => ({
    severity: 'warning',
    message: `imported framework: ${p.message}`,
  }));
  return { framework, yaml, notes: [...notes, ...warnings], used, ...(fidelity ? { fidelity } : {}) };
}
