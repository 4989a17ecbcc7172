import { z } from 'zod';
import { importFormats, type ImportInput } from '../../core/framework/import/index.js';
import { publishImport } from '../../core/framework/import/publish.js';
import { DomainError, type Problem } from '../../core/problems.js';
import { storedFrameworkSchema } from '../../store/entities.js';
import { readImportInput } from '../../store/import-files.js';
import { answer } from '../responses.js';
import type { App, Deps } from './common.js';

/** The most files one import reads: a Monzo framework with generic.md, FT's four legacy files … */
const MAX_FILES = 20;

const importBody = z.strictObject({
  format: z
    .enum(importFormats)
    .describe('The published format, as `trellis framework import --from` takes it.'),
  files: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(255).describe('The file name, as the importer reports it in its notes.'),
        data: z.base64().describe('The file’s bytes, base64-encoded (text must be UTF-8).'),
      }),
    )
    .min(1)
    .max(MAX_FILES)
    .describe('The files of the published ladder, in the order the command line takes them.'),
  store: z
    .boolean()
    .default(false)
    .describe('Store the imported framework (default false: only show what the import gives).'),
  use: z.boolean().default(true).describe('When stored, make it the framework in use (default true).'),
});

const noteSchema = z.object({
  severity: z.enum(['info', 'warning']),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  col: z.number().optional(),
});

const importAnswer = z.object({
  framework: z.object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    levels: z.number().describe('How many levels it has.'),
    tracks: z.array(z.string()).describe('The names of its tracks.'),
    competencies: z.number().describe('How many competencies it has.'),
  }),
  notes: z.array(noteSchema).describe('What the importer decided and what it left behind.'),
  fidelity: z
    .object({
      statements: z.object({ source: z.number(), imported: z.number() }),
      dropped: z.array(z.object({ path: z.string(), line: z.number(), reason: z.string() })),
    })
    .optional()
    .describe('Statements of the source counted against those imported (importers that report it).'),
  used: z.array(z.string()).describe('The files the framework was built from.'),
  yaml: z.string().describe('The framework file as it is (or would be) stored.'),
  stored: storedFrameworkSchema
    .omit({ source: true })
    .optional()
    .describe('The stored framework, when stored.'),
});

/**
 * `POST /api/frameworks/import`: a published ladder through the importers `trellis framework import`
 * uses, read from the files in the body. Without `store` it only answers what the import gives (the
 * framework, the notes, the fidelity report), so that they can be read before anything is kept.
 */
export async function frameworkImportRoutes(app: App, { personal }: Deps): Promise<void> {
  app.post(
    '/frameworks/import',
    {
      // Base64 is 4/3 of the bytes: 8 MiB of files, as `POST /api/frameworks` takes of text.
      bodyLimit: 11 * 1024 * 1024,
      schema: {
        summary: 'Import a published ladder (Monzo, FT, markdown, Snowflake, CSV, xlsx); store it if asked',
        tags: ['framework'],
        body: importBody,
        response: {
          200: answer(importAnswer, 'What the import gives'),
          201: answer(importAnswer, 'The import, stored'),
        },
      },
    },
    async (request, reply) => {
      const { format, files, store, use } = request.body;
      const names = files.map((f) => f.name);
      const published = await inFiles(names, async () => {
        const inputs: ImportInput[] = [];
        for (const f of files)
          inputs.push(await readImportInput(format, f.name, Buffer.from(f.data, 'base64')));
        return publishImport(format, inputs, `the web app (${format})`, names[0]);
      });
      const { framework } = published;
      const trackName = (id: string) => framework.tracks.find((t) => t.id === id)?.name ?? id;
      const summary = {
        id: framework.id,
        name: framework.name,
        version: framework.version,
        levels: framework.levels.length,
        tracks: framework.tracks.map((t) => trackName(t.id)),
        competencies: framework.competencies.length,
      };
      const answered = {
        framework: summary,
        notes: published.notes,
        ...(published.fidelity ? { fidelity: published.fidelity } : {}),
        used: published.used,
        yaml: published.yaml,
      };
      if (!store) return answered;
      const { row } = await personal(request).addFramework(published.yaml, names[0]!, use, 'imported');
      const { source: _source, ...rest } = row;
      return reply.code(201).send({ ...answered, stored: rest });
    },
  );
}

/**
 * Runs an import over the body's files: a problem located in one of them (its file, line and
 * column) moves to `body.files[i].data`, keeping its line and column; others stay under `body`.
 */
async function inFiles<T>(names: string[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const move = (p: Problem): Problem => {
      const at = p.file === undefined ? -1 : names.indexOf(p.file);
      return { ...p, path: at < 0 ? ['body', ...p.path] : ['body', 'files', at, 'data', ...p.path] };
    };
    const problems = error.problems.length > 0 ? error.problems.map(move) : [];
    throw new DomainError(error.code, error.message, problems);
  }
}
