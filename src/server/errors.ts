import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { capProblems, DomainError, formatPath, type ErrorCode, type Problem } from '../core/problems.js';
import { bareMessage } from '../store/validate.js';
import { RequestValidationError } from './validation.js';

/** The one error body of the API. */
export interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

/** The one place where domain error codes become HTTP statuses. */
const statusOf: Record<ErrorCode, number> = { 'invalid-input': 400, 'not-found': 404, usage: 400 };

/** Where a request part sits in a field path: `body.offers[0].base`, `query.top`, `params.id`. */
const partOf: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

const describePart: Record<string, string> = {
  body: 'the request body is not valid',
  query: 'the query string is not valid',
  params: 'the path parameters are not valid',
  headers: 'the request headers are not valid',
};

function fields(problems: readonly Problem[], part?: string) {
  return capProblems(problems).map((p) => ({
    path: formatPath(part === undefined ? p.path : [part, ...p.path]),
    message: bareMessage(p),
  }));
}

/** Fastify's own 4xx errors (bad JSON, wrong content type, body too large …) as stable codes. */
function transportCode(error: FastifyError, status: number): string {
  if (status === 413) return 'payload-too-large';
  if (status === 415) return 'unsupported-media-type';
  if (status === 404) return 'not-found';
  if (error.code in jsonMessages || error instanceof SyntaxError) return 'invalid-json';
  return 'invalid-input';
}

/** What is wrong with a body that says it is JSON, in the words of the rest of the API. */
const jsonMessages: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the body is empty, but its content type says it is JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'the body is not valid JSON, but its content type says it is',
};

export function send(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export function registerErrorHandling(app: FastifyInstance, { webShell = false } = {}): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof RequestValidationError) {
      const part = partOf[error.validationContext ?? 'body'];
      return send(reply, 400, {
        error: {
          code: 'invalid-input',
          message: describePart[part ?? 'body'] ?? 'the request is not valid',
          fields: fields(error.problems, part),
        },
      });
    }
    if (error instanceof DomainError) {
      return send(reply, statusOf[error.code], {
        error: { code: error.code, message: error.message, fields: fields(error.problems) },
      });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return send(reply, status, {
        error: {
          code: transportCode(error, status),
          message: jsonMessages[error.code] ?? error.message,
          fields: [],
        },
      });
    }
    request.log.error({ err: error }, 'internal error');
    return send(reply, 500, {
      error: { code: 'internal', message: 'internal error: this is a bug, please report it', fields: [] },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: a page that is not the API gets the app's shell.
    if (webShell && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.sendFile('index.html');
    return send(reply, 404, {
      error: {
        code: 'not-found',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
        fields: [],
      },
    });
  });
}

/**
 * Runs work on a request body: problems the core reports (relative to what it was given) are moved
 * under `body` and the path inside it, so that the client sees where in its request they are.
 */
export async function inBody<T>(path: (string | number)[], work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.problems.length > 0) {
      throw new DomainError(
        error.code,
        error.message,
        error.problems.map((p) => {
          const { line: _line, col: _col, file: _file, ...rest } = p;
          const moved = ['body', ...path, ...p.path];
          return { ...rest, path: moved, message: `${formatPath(moved)}: ${bareMessage(p)}` };
        }),
      );
    }
    throw error;
  }
}
