import jsyaml from 'js-yaml';
import {
  Composer,
  isScalar,
  Parser,
  visit,
  YAMLParseError,
  type CST,
  type Document,
  type LineCounter,
} from 'yaml';
import { LIMITS, PARSER_DEPTH } from './limits.js';

/**
 * The one YAML configuration of Trellis: YAML 1.2 core types plus merge keys (`<<`), unique keys,
 * aliases bounded by the library's own `maxAliasCount`, and nesting bounded before the parser's
 * recursion can reach the end of the stack. Every YAML (and JSON) text is read through here.
 */
export const yamlOptions = {
  // The library compares every key with every earlier one (quadratic in a wide mapping): duplicate
  // keys are found below with a Set instead.
  uniqueKeys: false,
  merge: true,
  // A mapping key that is itself a list or a mapping (`{{{` typed by mistake, say) becomes text in
  // the value, which the schema then judges; the library must not also print a warning on the
  // process's stderr, which belongs to the command line's own output.
  logLevel: 'error',
  prettyErrors: false,
} as const;

/** Nested deeper than the parsers may go; `offset` is where in the text. */
export class TooDeepText extends Error {
  constructor(readonly offset: number) {
    super('nested too deeply');
  }
}

// (js-yaml exports its built-in types at run time; its type definitions leave them out.)
const { merge } = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types;
const fastSchema = jsyaml.CORE_SCHEMA.extend([merge]);

/** What js-yaml's state holds beyond its published type. */
interface ListenerState {
  anchorMap: Record<string, unknown>;
}

const anchored = Symbol('anchored');

/**
 * The fast reader: js-yaml, watched node by node through its `listener`. A text that defines an
 * anchor is handed back (the fast reader would share aliased values, and an alias bomb would
 * explode in whatever walks the value next): the positional reader bounds alias expansion.
 * No text scan decides this: the parser itself reports every node it opens.
 */
export function fastYaml(
  text: string,
):
  | { ok: true; value: unknown }
  | { ok: false; tooDeep?: TooDeepText; syntax?: { reason: string; offset: number } } {
  let depth = 0;
  const listener = (event: jsyaml.EventType, { position, anchorMap }: jsyaml.State & ListenerState) => {
    if (event === 'close') {
      depth--;
      return;
    }
    // Only an anchor defined earlier can be aliased, so an alias always comes after one.
    for (const _ in anchorMap) throw anchored;
    if (++depth > PARSER_DEPTH) throw new TooDeepText(position);
  };
  try {
    return {
      ok: true,
      value: jsyaml.load(text, {
        schema: fastSchema,
        listener: listener as jsyaml.LoadOptions['listener'],
      }),
    };
  } catch (error) {
    if (error instanceof TooDeepText) return { ok: false, tooDeep: error };
    if (error instanceof jsyaml.YAMLException)
      return { ok: false, syntax: { reason: error.reason, offset: error.mark.position } };
    return { ok: false };
  }
}

/**
 * The positional reader: a YAML Document with every node's range, built only once the text's
 * nesting has been measured on the library's concrete syntax tree (which is built with an explicit
 * stack, not by recursion).
 */
export function yamlDocument(text: string, lineCounter?: LineCounter): Document.Parsed {
  const tokens = Array.from(new Parser(lineCounter?.addNewLine).parse(text));
  const deep = tooDeepOffset(tokens);
  if (deep !== undefined) throw new TooDeepText(deep);
  const composer = new Composer(yamlOptions);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      // As the library's own parseDocument does: one document per file.
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents',
        ),
      );
      break;
    }
  }
  duplicateKeys(doc!);
  return doc!;
}

/** A key given twice in one mapping, as the library reports it, found in linear time. */
function duplicateKeys(doc: Document.Parsed): void {
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || key.value === '<<') continue;
        if (seen.has(key.value)) {
          const at = key.range?.[0] ?? 0;
          doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(key.value);
      }
    },
  });
}

/** The plain value of a positional document, with aliases expanded within the library's bound. */
export function yamlValue(doc: Document.Parsed): unknown {
  return doc.toJS({ maxAliasCount: LIMITS.aliasCount });
}

/** The offset of the first collection nested deeper than the parsers may go, if there is one. */
function tooDeepOffset(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = tokens.map((token) => ({
    token,
    depth: 0,
  }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')
      continue;
    if (depth + 1 > PARSER_DEPTH) return token.offset;
    for (const item of token.items) {
      if ('key' in item) stack.push({ token: item.key, depth: depth + 1 });
      stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}
