import { hinter, parseSource } from '../../input/document.js';
import { sortProblems, type Problem } from '../../problems.js';
import { loadFramework } from '../load.js';
import { lintRules } from './rules.js';

export { lintRules, type LintRule } from './rules.js';

export interface LintResult {
  /** The framework's validation errors when it is invalid (nothing else is checked), or the findings. */
  problems: Problem[];
  /** The rules turned off in the file. */
  off: string[];
}

/** `# trellis-lint-disable rule-id[, rule-id …]`: a comment, so the framework schema stays as it is. */
const directive = /^\s*#\s*trellis-lint-disable\b(.*)$/;

/**
 * Lints a framework file's text: validates it first (an invalid file gets its validation errors
 * only), then applies every rule the file does not turn off. Each finding is a located problem
 * whose code is the rule's id.
 */
export function lintFramework(text: string, file: string): LintResult {
  const loaded = loadFramework(text, file);
  if (!loaded.framework) return { problems: loaded.problems.filter((p) => p.severity === 'error'), off: [] };
  const known = new Set(lintRules.map((r) => r.id));
  const hint = hinter(known);
  const off = new Set<string>();
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const match = directive.exec(line);
    if (!match) return;
    for (const id of match[1]!.split(/[\s,]+/).filter(Boolean)) {
      if (known.has(id)) off.add(id);
      else
        problems.push({
          severity: 'warning',
          code: 'unknown-lint-rule',
          message: `unknown lint rule "${id}"${hint(id)}`,
          path: [],
          file,
          line: i + 1,
          col: line.indexOf(id) + 1,
          showPath: false,
        });
    }
  });
  const source = parseSource(text, file);
  for (const rule of lintRules) {
    if (off.has(rule.id)) continue;
    for (const finding of rule.check({ framework: loaded.framework, validation: loaded.problems }))
      problems.push({
        ...source.problem(finding.path, finding.message, rule.id, rule.severity),
        showPath: false,
      });
  }
  return { problems: sortProblems(problems), off: [...off] };
}
