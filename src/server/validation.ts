import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { checkSchema } from '../core/input/document.js';
import type { Problem } from '../core/problems.js';
import { mergeProblems, plainSource } from '../core/input/value.js';

/** A request part that failed its schema: every problem, with the part it was found in. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_VALIDATION';
  validationContext?: string;
  constructor(readonly problems: Problem[]) {
    super('the request is not valid');
    this.name = 'RequestValidationError';
  }
}

/** Route schemas whose values a reader of their own checks; the schema then documents the value. */
const readers = new WeakMap<z.ZodType, (data: unknown) => { value?: unknown; problems: Problem[] }>();

/**
 * `schema`, whose values are checked by `check` instead of by the schema itself: for a body holding
 * a document that the core's reader checks (an offer file), so that it is checked once, by the
 * reader, while the schema still describes it in the OpenAPI document.
 */
export function checkedBy<S extends z.ZodType>(
  schema: S,
  check: (data: unknown) => { value?: unknown; problems: Problem[] },
): S {
  readers.set(schema, check);
  return schema;
}

/**
 * Validates bodies, queries and parameters with the core's zod schemas through the core's
 * `checkSchema` (or the reader given with `checkedBy`), so that an API client reads the same
 * messages as the command line prints ("unknown field … did you mean …", "missing required field …").
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => {
  const check = readers.get(schema) ?? ((data: unknown) => checkSchema(plainSource(data), schema));
  return (data) => {
    const checked = check(data);
    if (checked.problems.length > 0 || checked.value === undefined) {
      const problems =
        checked.problems.length > 0
          ? checked.problems
          : [{ severity: 'error' as const, code: 'invalid-value', message: 'is required', path: [] }];
      return { error: new RequestValidationError(problems) };
    }
    return { value: checked.value };
  };
};

/**
 * Route options that report every problem of a body in one answer. A body that fails its schema
 * still goes through `rawCheck`, which judges whatever parts are well formed (unknown ids, values
 * off the framework's scale …) and must accept anything, as `parseValidated`'s `rawCheck` does; its
 * problems, relative to the body, join the schema's (those it repeats are kept once). A body that
 * passes its schema goes on to the handler, whose checks see the typed value.
 */
export function everyProblem(
  rawCheck: (raw: unknown, request: FastifyRequest) => Problem[] | Promise<Problem[]>,
) {
  return {
    attachValidation: true,
    preHandler: async (request: FastifyRequest) => {
      const failed = request.validationError;
      if (failed === undefined) return;
      if (!(failed instanceof RequestValidationError) || failed.validationContext !== 'body') throw failed;
      const error = new RequestValidationError(
        mergeProblems(failed.problems, await rawCheck(request.body, request)),
      );
      error.validationContext = 'body';
      throw error;
    },
  };
}
