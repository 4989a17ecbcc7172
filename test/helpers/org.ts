import { join } from 'node:path';
import { readTextFile, referenceFrameworkPath } from '../../src/store/files.js';
import { initOrganisation, type OrgRepositories } from '../../src/store/repositories/org/index.js';
import { readCsvRecords } from '../../src/store/spreadsheet.js';
import type { Workspace } from '../../src/store/workspace.js';
import { repoRoot, trellis, writeTemp } from './cli.js';

/** The shipped reference framework, as an organisation adopts it. */
export const reference = { source: readTextFile(referenceFrameworkPath), file: 'frameworks/reference.yaml' };

/** A new organisation in the workspace, on the reference framework: its repositories. */
export async function newOrganisation(
  workspace: Workspace,
  name: string,
  adminEmail: string,
  actor = 'test',
): Promise<OrgRepositories> {
  return (await initOrganisation(workspace.db, { name, adminEmail, framework: reference, actor }))
    .repositories;
}

export const PEOPLE_COLUMNS = 'name,email,level,manager_email,team,start_date,level_start_date,gender';

/** Rows of an HRIS export under the given header, read as `org people import` reads a file. */
export const peopleCsv = (rows: string[], columns = PEOPLE_COLUMNS) =>
  readCsvRecords([columns, ...rows].join('\n'), 'people.csv');

/** The command-line tests' ladder and people. */
export const minimalFramework = join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml');
export const fixturePeople = join(repoRoot, 'test', 'fixtures', 'org', 'people.csv');

/**
 * The organisation the command-line tests start from, made through the real binary: Acme on
 * `framework`, Mira its admin, then `people` (the fixture: Mira manages Sam and Eva; Omar has left).
 * `on` is the store's flag (`--db FILE` or `--database-url URL`).
 */
export function initCliOrganisation(
  on: readonly string[],
  { framework = minimalFramework, people = fixturePeople } = {},
): void {
  const password = writeTemp('password', 'a long enough passphrase\n');
  const steps = [
    ['org', 'init', '--name', 'Acme', '--admin-email', 'mira@acme.test', '--framework', framework],
    ['org', 'people', 'import', people],
  ];
  for (const [i, args] of steps.entries()) {
    const result = trellis([...args, ...(i === 0 ? ['--admin-password-file', password] : []), ...on]);
    if (result.code !== 0) throw new Error(`trellis ${args.join(' ')} failed: ${result.stderr}`);
  }
}
