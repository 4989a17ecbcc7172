import { z } from 'zod';
import { LIMITS } from '../../input/limits.js';
import { DomainError, sortProblems, type Problem } from '../../problems.js';

/** What both FT layouts share: ids, text, and one statement with its examples and supporting URLs. */

export const key = z.union([z.string().trim().min(1, 'must not be empty'), z.number()], {
  error: 'must be an id',
});
export const words = z.union([z.string(), z.number()], { error: 'must be text' });
const link = z.object({ label: words.nullish(), url: z.string({ error: 'must be a URL' }) });

export const statementSchema = z.object({
  id: words.nullish(),
  level: key,
  summary: words,
  proficiency: z.string().optional(),
  examples: z
    .union([z.array(words.nullable()).max(LIMITS.listItems), words], { error: 'must be a list of text' })
    .nullish(),
  supportingUrls: z.array(link).max(LIMITS.listItems).nullish(),
});

export function invalidFt(problems: Problem[]): DomainError {
  return new DomainError('invalid-input', 'the FT file cannot be imported', sortProblems(problems));
}
