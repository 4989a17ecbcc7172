import type { Command } from 'commander';
import { parseColumnMap } from '../../core/org/columns.js';
import { peopleToRows } from '../../core/org/csv.js';
import { readTextFile, writeTextFileAtomic } from '../../store/files.js';
import { recordOf } from '../../store/repositories/org/person-rows.js';
import { readCsvRecords, writeCsv } from '../../store/spreadsheet.js';
import { terminalTable } from '../format.js';
import { print, printJson } from '../output.js';
import { orgOptions, withOrganisation, type OrgOptions } from './common.js';
import { registerPeopleEditCommand } from './people-edit.js';

export function registerPeopleCommands(org: Command): void {
  const people = org
    .command('people')
    .description("The organisation's people: import, export, list, edit, leave");
  registerPeopleEditCommand(people);

  orgOptions(
    people
      .command('import')
      .description('Add or update people from an HRIS export (CSV): every row checked first, all or nothing')
      .argument('<file>', 'a CSV file with a header row')
      .option('--map <pairs>', "other headers for the fields: 'Header Name=field,…'"),
  ).action(async (file: string, options: OrgOptions & { map?: string }) => {
    const map = parseColumnMap(options.map);
    const records = readCsvRecords(readTextFile(file), file);
    const summary = await withOrganisation(options, (r) => r.people.importCsv(records, map));
    print(
      `Imported ${file}: ${summary.created} added, ${summary.updated} changed, ${summary.unchanged} unchanged.`,
    );
  });

  orgOptions(
    people
      .command('export')
      .description('Write every person as CSV, in the columns import reads back (stdout, or -o FILE)')
      .option('-o, --out <file>', 'write to this file instead of stdout'),
  ).action(async (options: OrgOptions & { out?: string }) => {
    const everyone = await withOrganisation(options, (r) => r.people.all());
    const text = writeCsv(peopleToRows(everyone.map(recordOf)));
    if (options.out === undefined) process.stdout.write(text);
    else {
      writeTextFileAtomic(options.out, text);
      process.stderr.write(`trellis: exported ${everyone.length} people to ${options.out}\n`);
    }
  });

  orgOptions(
    people
      .command('list')
      .description('List people, by team or below a manager')
      .option('--team <team>', 'only this team')
      .option('--manager <email>', 'only the people below this manager, directly or not')
      .option('--json', 'machine-readable output'),
  ).action(async (options: OrgOptions & { team?: string; manager?: string; json?: boolean }) => {
    const list = await withOrganisation(options, (r) =>
      r.people.list({ team: options.team, manager: options.manager }),
    );
    if (options.json) return printJson(list.map(recordOf));
    if (list.length === 0) return print('No people.');
    print(
      terminalTable(
        ['email', 'name', 'level', 'manager', 'team', 'status'],
        list.map((p) => [
          p.email,
          p.name,
          p.level,
          p.managerEmail ?? '',
          p.team ?? '',
          p.status === 'left' ? `left ${p.leaveDate}` : p.status,
        ]),
      ),
    );
  });

  orgOptions(
    people
      .command('leave')
      .description('Mark a person as left on a date (their reports must have another manager first)')
      .requiredOption('--email <email>', "the person's email")
      .requiredOption('--date <date>', 'the leave date, YYYY-MM-DD'),
  ).action(async (options: OrgOptions & { email: string; date: string }) => {
    const person = await withOrganisation(options, (r) => r.people.leave(options.email, options.date));
    print(`${person.email} left on ${person.leaveDate}.`);
  });
}
