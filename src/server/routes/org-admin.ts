import { z } from 'zod';
import { parseColumnMap } from '../../core/org/columns.js';
import { peopleToRows } from '../../core/org/csv.js';
import { recordOf } from '../../store/repositories/org/person-rows.js';
import { readCsvRecords, writeCsv } from '../../store/spreadsheet.js';
import { inBodyText } from '../errors.js';
import { answer } from '../responses.js';
import type { App } from './common.js';
import type { OrgContext } from './org.js';

/** An import or a framework file: more than a hand-written request, as the workspace import allows. */
const TEXT_BODY_LIMIT = 8 * 1024 * 1024;

const importBody = z.strictObject({
  csv: z.string().min(1).describe('The HRIS export: a header row, then one person per row.'),
  map: z
    .string()
    .max(10_000)
    .optional()
    .describe("Other headers for the fields, as `--map` takes them: 'Header Name=field,…'."),
  file: z
    .string()
    .max(200)
    .optional()
    .describe('The name problems are reported under (default `people.csv`).'),
});

const frameworkBody = z.strictObject({
  source: z.string().min(1).describe('A framework file, YAML or JSON, as text.'),
  file: z
    .string()
    .max(200)
    .optional()
    .describe('The name problems are reported under (default `framework.yaml`).'),
});

const summarySchema = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

/**
 * The people office's routes: CSV import and export, and the framework's plan and adoption. The
 * same repositories as `trellis org people import|export` and `trellis org framework plan|set`;
 * every write is audited by them, in its own transaction.
 */
export async function orgAdminRoutes(app: App, { who, allow }: OrgContext): Promise<void> {
  const tags = ['organisation'];

  app.post(
    '/org/people/import',
    {
      bodyLimit: TEXT_BODY_LIMIT,
      preValidation: allow('people.import', 'importing people'),
      schema: {
        summary:
          'Import people from an HRIS export (CSV): every row and the reporting tree checked first, all or nothing',
        description:
          'Problems are located in the CSV text: `fields[].line` and `col`, with the column name in `path`.',
        tags,
        body: importBody,
        response: { 200: answer(summarySchema, 'How many people were added, changed and left unchanged') },
      },
    },
    async (request) => {
      const { csv, map, file = 'people.csv' } = request.body;
      return inBodyText(['csv'], () => {
        const columns = parseColumnMap(map);
        const records = readCsvRecords(csv, file);
        return who(request).repositories.people.importCsv(records, columns);
      });
    },
  );

  app.get(
    '/org/people/export',
    {
      preValidation: allow('people.export', 'exporting people'),
      schema: {
        summary: 'Every person as CSV, in the columns the import reads back (gender included)',
        tags,
        response: { 200: answer(z.string(), 'text/csv: a header row, then one person per row') },
      },
    },
    async (request, reply) => {
      const everyone = await who(request).repositories.people.all();
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="people.csv"')
        .send(writeCsv(peopleToRows(everyone.map(recordOf))));
    },
  );

  app.post(
    '/org/frameworks/plan',
    {
      bodyLimit: TEXT_BODY_LIMIT,
      preValidation: allow('framework.plan', 'planning a framework version'),
      schema: {
        summary:
          'Before adopting: the active people whose level a framework file would remove or change, whose latest verdict would change, and the open promotion cases it would affect',
        tags,
        body: frameworkBody,
        response: {
          200: answer(
            z.object({
              to: z.object({ id: z.string(), version: z.string() }),
              affected: z.array(z.object({ email: z.string(), change: z.string() }).loose()),
              unaffected: z.number(),
              verdicts: z.array(z.object({ email: z.string(), change: z.string() }).loose()),
              cases: z.array(z.object({ id: z.number(), reasons: z.array(z.string()) }).loose()),
            }),
            'The plan: who is affected and how',
          ),
        },
      },
    },
    async (request) => {
      const { source, file = 'framework.yaml' } = request.body;
      return inBodyText(['source'], () => who(request).repositories.planFramework(source, file));
    },
  );

  app.post(
    '/org/frameworks',
    {
      bodyLimit: TEXT_BODY_LIMIT,
      preValidation: allow('framework.adopt', 'adopting a framework version'),
      schema: {
        summary: 'Adopt a framework file as the next version: people whose level it keeps move onto it',
        tags,
        body: frameworkBody,
        response: {
          201: answer(
            z.object({
              version: z.object({ number: z.number() }).loose(),
              moved: z.array(z.string()),
              kept: z.array(z.string()),
            }),
            'The version adopted, who moved onto it and who stays in an earlier one',
          ),
        },
      },
    },
    async (request, reply) => {
      const { source, file = 'framework.yaml' } = request.body;
      const { version, moved, kept } = await inBodyText(['source'], () =>
        who(request).repositories.adoptFramework(source, file),
      );
      const { framework: _framework, source: _source, ...adopted } = version;
      return reply.code(201).send({ version: adopted, moved, kept });
    },
  );
}
