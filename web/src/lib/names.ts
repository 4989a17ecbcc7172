import type { Framework } from '../../../src/core/framework/schema.js';

/**
 * A sentence of the core (a verdict's explanation, which the command line prints with ids) as the
 * app shows it: every competency id replaced by the competency's name.
 */
export function withNames(framework: Framework, text: string): string {
  const names = new Map(framework.competencies.map((c) => [c.id, c.name]));
  return text.replace(/[a-z0-9]+(?:-[a-z0-9]+)*/g, (word, at: number) => {
    const name = names.get(word);
    // Only a whole id: not a part of a longer hyphenated word.
    const before = text[at - 1];
    const after = text[at + word.length];
    return name && before !== '-' && after !== '-' ? name : word;
  });
}
