import type {
  FastifyBaseLogger,
  FastifyRequest,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { entityId } from '../../store/entities.js';
import type { Workspace } from '../../store/workspace.js';
import type { PersonalWorkspace } from '../../store/owned.js';
import type { Principals } from '../org/auth.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface Deps {
  workspace: Workspace;
  /**
   * The personal data a request works on: the personal workspace, or in an organisation
   * workspace the signed-in account's own (see `server/personal.ts`).
   */
  personal: (request: FastifyRequest) => PersonalWorkspace;
  /** The current time, as the server was given it (`ServerOptions.now`). */
  now: () => Date;
  /** Who requests are signed in as. */
  principals: Principals;
}

/** A whole number written in a path or query string, then checked by `schema`. */
export function wholeNumberText(schema: z.ZodNumber) {
  return z
    .string()
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(schema);
}

/** A number written in a query string, then checked by `schema`. */
export function numberText(schema: z.ZodNumber) {
  return z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
    .transform(Number)
    .pipe(schema);
}

/** An id written in a path: a positive whole number that a number can hold exactly. */
export const idText = z
  .string()
  .regex(/^[1-9]\d*$/, { error: 'must be a positive whole number', abort: true })
  .refine((text) => Number.isSafeInteger(Number(text)), {
    error: `must be at most ${Number.MAX_SAFE_INTEGER}`,
    abort: true,
  })
  .transform(Number)
  .pipe(entityId);

/** `:id` in a path: a positive whole number (anything else is a 400, an unknown one a 404). */
export const idParams = z.strictObject({ id: idText });

/** A stored document to compute on: the file itself, or the id of a stored one; exactly one. */
export function fileOrId<S extends z.ZodType>(file: S, what: string) {
  return {
    file: file.optional().describe(`The ${what}, inline.`),
    id: entityId.optional().describe(`The id of a stored ${what}, instead of \`file\`.`),
  };
}
