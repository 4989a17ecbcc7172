import { readTextFile, referenceFrameworkPath } from '../../src/store/files.js';
import { initOrganisation, type OrgRepositories } from '../../src/store/repositories/org/index.js';
import { readCsvRecords } from '../../src/store/spreadsheet.js';
import type { Workspace } from '../../src/store/workspace.js';

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
