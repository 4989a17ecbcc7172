// Generators of hostile inputs, shared by the adversarial test suite and benchmark: alias bombs in
// every spelling, nesting, width, long strings and inputs with a problem at every turn.

const names = 'abcdefghi'.split('');

/** Nine anchors, each a list of nine aliases of the one before: 9^8 values from a few hundred bytes. */
function bomb(line: (name: string, items: string) => string): string {
  const lines = [line('a', Array(9).fill('"x"').join(','))];
  for (let i = 1; i < names.length; i++)
    lines.push(
      line(
        names[i]!,
        Array(9)
          .fill(`*${names[i - 1]}`)
          .join(','),
      ),
    );
  return lines.join('\n');
}

const aliasBombs = {
  // `"k":*a`, the alias right after the colon, slipped past the old text scan.
  'right after a colon': `${bomb((n, items) => `${n}: &${n} [${items}]`)}\nz: {"k":*i}\n`,
  'in a flow mapping': `{${bomb((n, items) => `${n}: &${n} [${items}],`)} z: *i}\n`,
  'as merge keys': `${names
    .map((n, i) =>
      i === 0
        ? `a: &a {${Array.from({ length: 9 }, (_, k) => `k${k}: [1,2,3,4,5,6,7,8,9]`).join(', ')}}`
        : `${n}: &${n} {${Array.from({ length: 9 }, (_, k) => `k${k}: {<<: *${names[i - 1]}}`).join(', ')}}`,
    )
    .join('\n')}\n`,
  'in a block list': `${bomb((n, items) => `- &${n} [${items}]`)}\n`,
};

/** A JSON body whose `key` holds lists nested `depth` levels deep. */
function deepJson(depth: number, key: string): string {
  return `{"${key}":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
}

/** A YAML (flow) text nested `depth` levels deep. */
function deepYaml(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** A JSON body whose `key` is a mapping of `width` short keys. */
function wideObject(width: number, key: string): string {
  const parts: string[] = [];
  for (let i = 0; i < width; i++) parts.push(`"${i.toString(36)}":3`);
  return `{"${key}":{${parts.join(',')}}}`;
}

/** A workspace export with the given lists, otherwise empty. */
function exportWith(fields: { settings?: string; evidence?: string }): string {
  return `{"format":"trellis-workspace","schema":"x","settings":${fields.settings ?? '{}'},"frameworks":[],"profile":null,"evidence":${fields.evidence ?? '[]'},"assessments":[],"offers":[],"scenarios":[],"learningPlans":[]}`;
}

/** An export whose settings hold `width` keys, each with a number where text belongs. */
function wideImport(width: number): string {
  const parts: string[] = [];
  for (let i = 0; i < width; i++) parts.push(`"${i.toString(36)}":1`);
  return exportWith({ settings: `{${parts.join(',')}}` });
}

/** An export of `count` empty evidence entries: `[{},{},…]`, each missing its date and title. */
function emptyEntries(count: number): string {
  return exportWith({ evidence: `[${Array(count).fill('{}').join(',')}]` });
}

/** A framework file of about `bytes` bytes of unknown top-level fields, one a line: one wide mapping. */
function wideFramework(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `field${i}: ${'v'.repeat(56)}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
}

/**
 * A framework file of about `bytes` bytes with a mistake on every line and every list within its
 * bounds: as many competencies as a list may hold, each with a misspelt field.
 */
function wrongFramework(bytes: number): string {
  const count = 10_000;
  const filler = 'v'.repeat(Math.max(1, Math.floor(bytes / count) - 30));
  const lines = ['competencies:'];
  for (let i = 0; i < count; i++) lines.push(`  - { id: c${i}, nmae: ${filler} }`);
  return `${lines.join('\n')}\n`;
}

/** A valid workspace export of `count` evidence entries, each with a title of `titleLength` characters. */
function largeExport(count: number, titleLength: number): string {
  const title = 'x'.repeat(titleLength);
  const entries: string[] = [];
  for (let i = 1; i <= count; i++)
    entries.push(
      JSON.stringify({
        id: i,
        date: '2024-01-01',
        title,
        competencies: ['delivery'],
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
      }),
    );
  return exportWith({ evidence: `[${entries.join(',')}]` });
}

export const adversarial = {
  aliasBombs,
  deepJson,
  deepYaml,
  wideObject,
  wideImport,
  emptyEntries,
  wideFramework,
  wrongFramework,
  largeExport,
};
