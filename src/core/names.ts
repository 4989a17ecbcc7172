/**
 * Names are data: a record keyed by user-given names (ratings, skills, answers, expectations) is
 * read through its own properties only, so that `constructor` or `toString` is a name like any
 * other and never something every object inherits.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined;
}
