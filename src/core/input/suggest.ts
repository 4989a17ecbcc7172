import { distance } from 'fastest-levenshtein';
import { LIMITS } from './limits.js';

/** "did you mean …" for a misspelt name, when one of the candidates is close enough. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  // A name longer than any id is not a slip of the keyboard; comparing it would cost its length squared.
  if (word.length > SUGGEST_MAX_LENGTH) return undefined;
  const lower = word.toLowerCase();
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = tolerance + 1;
  for (const candidate of candidates) {
    // The lengths alone bound the distance from below: most candidates need no comparison.
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

const SUGGEST_MAX_LENGTH = 64;

/**
 * `didYouMean` for the first few unknown names of one input only: past them, comparing each with
 * every candidate would be work that grows with the input, for hints nobody reads.
 */
export function hinter(candidates: Iterable<string>): (word: string) => string {
  const list = [...candidates];
  let left = LIMITS.suggestions;
  return (word) => (left-- > 0 ? didYouMean(word, list) : '');
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hint = suggest(word, candidates);
  return hint === undefined ? '' : ` (did you mean "${hint}"?)`;
}
