// Runs every benchmark in this folder in turn: `npm run bench`, or `npm run bench -- NAME` for one.
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only === undefined || file.startsWith(only))
  .sort();
for (const file of files) {
  const bench = (await import(`./${file}`)) as { default: () => Promise<void> | void };
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  await bench.default();
}
