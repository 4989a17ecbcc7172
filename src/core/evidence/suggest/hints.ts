import picomatch from 'picomatch';
import type { Framework, RecordKind } from '../../framework/schema.js';

/**
 * A competency's evidence hints compiled once, and matched against a piece of work: which hints
 * matched is kept, so that every suggestion can say why it names a competency.
 */

export interface MatchInput {
  title: string;
  messages: readonly string[];
  files: readonly string[];
  kinds: readonly RecordKind[];
}

export interface CompetencyMatch {
  id: string;
  /** Each hint that matched, in words: `keyword "migration"`, `paths docs/** (3 files)`, `kind review-given`. */
  because: string[];
}

interface CompiledHints {
  id: string;
  keywords: { word: string; pattern: RegExp }[];
  paths: { glob: string; match: (file: string) => boolean }[];
  kinds: readonly RecordKind[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A keyword or phrase as a whole word, in any case: "test" does not match "latest". */
function wordPattern(word: string): RegExp {
  const phrase = word.trim().split(/\s+/).map(escape).join('[\\s_-]+');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${phrase}(?:$|[^\\p{L}\\p{N}])`, 'iu');
}

export function compileHints(framework: Framework): CompiledHints[] {
  return framework.competencies.flatMap((competency) => {
    const hints = competency.evidence;
    if (!hints) return [];
    return [
      {
        id: competency.id,
        keywords: (hints.keywords ?? []).map((word) => ({ word, pattern: wordPattern(word) })),
        paths: (hints.paths ?? []).map((glob) => ({ glob, match: picomatch(glob, { dot: true }) })),
        kinds: hints.kinds ?? [],
      },
    ];
  });
}

export function matchCompetencies(hints: readonly CompiledHints[], piece: MatchInput): CompetencyMatch[] {
  const texts = [piece.title, ...piece.messages];
  const matches: CompetencyMatch[] = [];
  for (const competency of hints) {
    const because: string[] = [];
    for (const { word, pattern } of competency.keywords)
      if (texts.some((text) => pattern.test(text))) because.push(`keyword "${word}"`);
    for (const { glob, match } of competency.paths) {
      const files = piece.files.filter((file) => match(file)).length;
      if (files > 0) because.push(`paths ${glob} (${files} ${files === 1 ? 'file' : 'files'})`);
    }
    for (const kind of competency.kinds) if (piece.kinds.includes(kind)) because.push(`kind ${kind}`);
    if (because.length > 0) matches.push({ id: competency.id, because });
  }
  return matches;
}
