import { z } from 'zod';

/**
 * What the API answers, for the OpenAPI document. Responses are written with JSON.stringify (see
 * app.ts): these schemas describe them, they do not filter or re-validate them.
 */

/** The one error body of the API, whatever raised it. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z
        .enum([
          'invalid-input',
          'invalid-json',
          'invalid-request',
          'usage',
          'unauthenticated',
          'origin-not-allowed',
          'csrf-header-missing',
          'forbidden',
          'not-found',
          'conflict',
          'request-timeout',
          'payload-too-large',
          'uri-too-long',
          'unsupported-media-type',
          'host-not-allowed',
          'too-many-requests',
          'headers-too-large',
          'internal',
        ])
        .describe('A stable, machine-readable code.'),
      message: z.string(),
      fields: z
        .array(
          z.object({
            path: z.string().describe('Where, from the request part: `body.offers[0].base`, `query.top`.'),
            message: z.string(),
            line: z.number().optional().describe('For a text in the body (a CSV file): its line.'),
            col: z.number().optional().describe('… and its column.'),
          }),
        )
        .describe('Every bad field; empty when the problem is not one field.'),
    }),
  })
  .describe('An error');

const described = (description: string) => errorSchema.describe(description);

/** The errors any operation may answer, listed on every one of them. */
export const errorResponses = {
  400: described(
    'invalid-input (a body, query or path parameter fails its schema or a domain check), invalid-json or usage',
  ),
  403: described('origin-not-allowed: a write from another origin, or with neither origin nor JSON'),
  404: described('not-found: an unknown id, level, company, offer name or route'),
  413: described('payload-too-large: the body is over the limit of the route'),
  414: described('uri-too-long: a request line over 8 KiB or a path parameter over 100 characters'),
  415: described('unsupported-media-type: a body that is neither JSON nor text'),
  421: described('host-not-allowed: the Host header names another server'),
  500: described('internal: a bug; the details go to the log, never to the client'),
};

/**
 * A success answer for the document. Typed loosely on purpose: answers are the core's values written
 * as they are (some already serialised), and the schema only describes them.
 */
export function answer(schema: z.ZodType, description: string): z.ZodType<unknown> {
  return schema.describe(description) as z.ZodType<unknown>;
}

/** 204: nothing in the body. */
export const noContent = answer(z.null(), 'Done; no content');

/** A JSON object whose fields the core's computation defines (same JSON as the matching CLI command). */
export function computed(description: string): z.ZodType<unknown> {
  return answer(z.looseObject({}), description);
}
