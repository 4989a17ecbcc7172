import { z } from 'zod';
import { checkWithFile, problem } from '../../core/input/value.js';
import { DomainError } from '../../core/problems.js';
import { checkDocument, type DocumentRepository, type Kind } from '../../store/repositories/documents.js';
import type { FastifyRequest } from 'fastify';
import type { PersonalWorkspace } from '../../store/owned.js';
import { idKey, nextCursor, nextCursorSchema, pageQuery, pageRequest } from '../pagination.js';
import { answer, noContent } from '../responses.js';
import { checkedBy } from '../validation.js';
import { idParams, type App } from './common.js';

/** What differs between the stored documents the API serves: offer files, earnings scenarios. */
export interface DocumentSpec<F> {
  kind: Kind<F>;
  /** The collection: `/api/<plural>` and the key of its list. */
  plural: 'offers' | 'scenarios';
  repository: (workspace: PersonalWorkspace) => DocumentRepository<F>;
  stored: z.ZodType;
  /** The command that reads the same format, for the summaries. */
  command: string;
  tags: string[];
}

/**
 * List, get, store, replace and delete for one kind of stored document. A body is checked once: the
 * envelope by its schema, the file by its reader in the core; what was checked is what is stored.
 */
export function documentRoutes<F>(
  app: App,
  personal: (request: FastifyRequest) => PersonalWorkspace,
  spec: DocumentSpec<F>,
): void {
  const { kind, plural, tags } = spec;
  const repository = (request: FastifyRequest) => spec.repository(personal(request));
  const stored = answer(spec.stored, `The ${kind.what}`);
  const body = checkedBy(kind.input, (data) => checkDocument(kind, data));
  app.get(
    `/${plural}`,
    {
      schema: {
        summary: `The stored ${plural}, oldest first, a page at a time`,
        tags,
        querystring: z.strictObject(pageQuery(idKey)),
        response: {
          200: answer(
            z.object({ [plural]: z.array(spec.stored), nextCursor: nextCursorSchema }),
            `The stored ${plural}, a page`,
          ),
        },
      },
    },
    async (request) => {
      const page = await repository(request).page(pageRequest(request.query));
      return { [plural]: page.items, nextCursor: nextCursor(page) };
    },
  );
  app.get(
    `/${plural}/:id`,
    { schema: { summary: `One stored ${kind.what}`, tags, params: idParams, response: { 200: stored } } },
    async (request) => repository(request).get(request.params.id),
  );
  app.post(
    `/${plural}`,
    {
      schema: {
        summary: `Store a ${kind.what} (the format of \`${spec.command}\`), validated whole`,
        tags,
        body,
        response: { 201: answer(spec.stored, `The stored ${kind.what}`) },
      },
    },
    // The body was checked into a document by `checkDocument`: stored as it is.
    async (request, reply) =>
      reply.code(201).send(await repository(request).store(request.body as { name: string; file: F })),
  );
  app.put(
    `/${plural}/:id`,
    {
      schema: {
        summary: `Replace a stored ${kind.what}`,
        tags,
        params: idParams,
        body,
        response: { 200: stored },
      },
    },
    async (request) =>
      repository(request).replace(request.params.id, request.body as { name: string; file: F }),
  );
  app.delete(
    `/${plural}/:id`,
    {
      schema: {
        summary: `Delete a stored ${kind.what}`,
        tags,
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await repository(request).delete(request.params.id);
      return reply.code(204).send();
    },
  );
}

/**
 * A computing route's body, `{ file?, id?, … }`, checked once: the fields by `body` (whose `file`
 * only documents the format) and an inline file by its reader, whose result `readInline` hands to
 * the handler, so that the file is not read twice.
 */
export function inlineDocumentBody<S extends z.ZodObject, R extends { input: object }>(
  body: S,
  read: (file: unknown) => R,
) {
  const fields = z.strictObject({ ...body.shape, file: z.unknown().optional() });
  const readFiles = new WeakMap<object, R>();
  const schema = checkedBy(body, (data) => {
    const checked = checkWithFile(fields, data, read);
    if (checked.value === undefined) return { problems: checked.problems };
    if (checked.file !== undefined) readFiles.set(checked.file.input, checked.file);
    return { value: { ...checked.value, file: checked.file?.input }, problems: [] };
  });
  /**
   * The document to compute on: the inline file as its reader read it, or the stored one (`id`)
   * read now. Exactly one of `file` and `id`.
   */
  const documentOf = async <D>(
    request: { file?: unknown; id?: number | undefined },
    storedFile: (id: number) => Promise<{ file: D }>,
  ): Promise<R> => {
    if ((request.file === undefined) === (request.id === undefined))
      throw new DomainError('invalid-input', 'give either file or id', [
        problem(
          ['body'],
          'give either file (the document inline) or id (a stored one), not both or neither',
          'missing-field',
        ),
      ]);
    const inline = request.file === undefined ? undefined : readFiles.get(request.file as object);
    return inline ?? read((await storedFile(request.id!)).file);
  };
  return { schema, documentOf };
}
