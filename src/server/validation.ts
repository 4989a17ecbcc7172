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

/**
 * Validates bodies, queries and parameters with the core's zod schemas through the core's
 * `checkSchema`, so that an API client reads the same messages as the command line prints
 * ("unknown field … did you mean …", "missing required field …").
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const checked = checkSchema(plainSource(data), schema);
    if (checked.problems.length > 0 || checked.value === undefined) {
      const problems =
        checked.problems.length > 0
          ? checked.problems
          : [{ severity: 'error' as const, code: 'invalid-value', message: 'is required', path: [] }];
      return { error: new RequestValidationError(problems) };
    }
    return { value: checked.value };
  };

/**
 * Route options that report every problem of a body in one answer. A body that fails its schema
 * still goes through `rawCheck`, which judges whatever parts are well formed (unknown ids, values
 * off the framework's scale …) and must accept anything, as `parseValidated`'s `rawCheck` does; its
 * problems, relative to the body, join the schema's (those it repeats are kept once). A body that
 * passes its schema goes on to the handler, whose checks see the typed value.
 */
export function everyProblem(rawCheck: (raw: unknown) => Problem[] | Promise<Problem[]>) {
  return {
    attachValidation: true,
    preHandler: async (request: FastifyRequest) => {
      const failed = request.validationError;
      if (failed === undefined) return;
      if (!(failed instanceof RequestValidationError) || failed.validationContext !== 'body') throw failed;
      const error = new RequestValidationError(mergeProblems(failed.problems, await rawCheck(request.body)));
      error.validationContext = 'body';
      throw error;
    },
  };
}
