import type { z } from 'zod';

/**
 * How many times each counted schema has run, wherever it runs (alone or inside a larger schema):
 * the proof, for tests, that a request checks each input once. Counting is a plain increment, so it
 * stays on in production too.
 */
const runs = new Map<string, number>();

/** `schema`, counting its runs under `name`. */
export function counted<S extends z.ZodType>(name: string, schema: S): S {
  return schema.check((payload) => {
    void payload;
    runs.set(name, (runs.get(name) ?? 0) + 1);
  });
}

/** How many times the schema counted under `name` has run since the last reset. */
export function schemaRuns(name: string): number {
  return runs.get(name) ?? 0;
}

export function resetSchemaRuns(): void {
  runs.clear();
}
