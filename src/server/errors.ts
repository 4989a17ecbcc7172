import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rebase } from '../core/input/value.js';
import { capProblems, DomainError, formatPath, type ErrorCode, type Problem } from '../core/problems.js';
import { RequestValidationError } from './validation.js';
import { handWrittenHeaders } from './headers.js';

/** The one error body of the API. */
export interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

/** The one place where domain error codes become HTTP statuses. */
const statusOf: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  usage: 400,
  'disk-full': 507,
  'not-a-workspace': 503,
  'workspace-corrupt': 503,
  'workspace-too-new': 503,
  'workspace-busy': 503,
  'database-unavailable': 503,
};

/** Refusals of the transport itself (who asks, how big, how written, whether signed in), before any domain code runs. */
const transportStatusOf = {
  'invalid-request': 400,
  unauthenticated: 401,
  'origin-not-allowed': 403,
  'csrf-header-missing': 403,
  forbidden: 403,
  'not-found': 404,
  'request-timeout': 408,
  'payload-too-large': 413,
  'uri-too-long': 414,
  'host-not-allowed': 421,
  'too-many-requests': 429,
  'headers-too-large': 431,
  'provider-unavailable': 502,
} as const;

export type TransportCode = keyof typeof transportStatusOf;

/** A request refused for how it arrived rather than what it asks: its status comes from the table above. */
export class TransportError extends Error {
  constructor(
    readonly code: TransportCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }

  get statusCode(): number {
    return transportStatusOf[this.code];
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, fields: [] } };
  }
}

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
    message: p.message,
    // A problem in a text the body carries (a CSV, a framework file) keeps its place in that text.
    ...(p.line !== undefined && { line: p.line }),
    ...(p.line !== undefined && p.col !== undefined && { col: p.col }),
  }));
}

/** Fastify's own 4xx errors (bad JSON, wrong content type …) as stable codes. */
function transportCode(error: FastifyError, status: number): string {
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
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof TransportError) return send(reply, error.statusCode, error.body());
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
    if (status === 413) {
      await drainBody(request, reply);
      const refused = new TransportError(
        'payload-too-large',
        `the body is over the limit of ${request.routeOptions.bodyLimit ?? 'this route'} bytes for ${request.method} ${request.url.split('?')[0]}`,
      );
      return send(reply, refused.statusCode, refused.body());
    }
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
    // The web app routes in the browser: a page of the app (not the API, not a file) gets its shell.
    if (webShell && isAppPage(request)) return reply.sendFile('index.html');
    return send(reply, 404, {
      error: {
        code: 'not-found',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
        fields: [],
      },
    });
  });
}

/** A GET of a path the web app routes itself: not the API, not under /assets, no file extension. */
function isAppPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0]!;
  if (/^\/(api|assets)(\/|$)/.test(path)) return false;
  return !(path.split('/').pop() ?? '').includes('.');
}

/** What a body over the limit may still send, and for how long, before the answer goes out anyway. */
const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 10_000;

/**
 * Reads and drops the rest of a refused body before the answer goes out, so that a client that
 * writes its whole body before reading (most do) reads the 413 instead of a connection reset. A
 * client still sending past DRAIN_BYTES or DRAIN_MS gets the answer, then the connection closes.
 */
async function drainBody(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('connection', 'close');
  const raw = request.raw;
  if (raw.complete || raw.destroyed) return;
  await new Promise<void>((done) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', finish).off('error', finish).off('close', finish);
      done();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_BYTES) finish();
    };
    const timer = setTimeout(finish, DRAIN_MS);
    raw.on('data', onData).on('end', finish).on('error', finish).on('close', finish);
    raw.resume();
  });
}

/** The few errors Fastify raises before routing (a malformed URL, a path parameter too long). */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const refused = new TransportError(
    tooLong ? 'uri-too-long' : 'invalid-request',
    tooLong ? 'a path parameter is too long' : `the request is not valid: ${error.message}`,
  );
  // These come before any hook, helmet's included: the headers are set here.
  void send(reply.headers(handWrittenHeaders), refused.statusCode, refused.body());
}

/** The longest request line (method, path and query) accepted; longer ones get 414. */
export const MAX_URL_BYTES = 8 * 1024;

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers too large, a request line
 * too long, malformed HTTP): answered by hand, in the error shape, with the security headers.
 */
export function clientErrorHandler(
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refused =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? requestLineTooLong(Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined)
        ? new TransportError('uri-too-long', `the request line is over ${MAX_URL_BYTES} bytes`)
        : new TransportError('headers-too-large', 'the request headers are too large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new TransportError('request-timeout', 'the request took too long to arrive')
        : new TransportError('invalid-request', 'the request is not valid HTTP');
  const status = refused.statusCode;
  const body = JSON.stringify(refused.body());
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
    ...handWrittenHeaders,
  };
  if (socket.writable) {
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}\r\n${body}`);
  }
  // Half-close once the answer is written, and let the client read it before the socket goes.
  socket.end();
  setTimeout(() => socket.destroy(), 2000).unref();
}

/** Whether a request Node refused for its size was still on its first line (method, path, query). */
function requestLineTooLong(packet: Buffer | undefined): boolean {
  if (packet === undefined || !/^[A-Z]+ /.test(packet.subarray(0, 16).toString('latin1'))) return false;
  const end = packet.indexOf('\r\n');
  return (end < 0 ? packet.length : end) > MAX_URL_BYTES;
}

/** Runs work, moving the places of the problems it reports with `move`. */
async function moving<T>(work: () => Promise<T> | T, move: (problems: Problem[]) => Problem[]): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.problems.length > 0)
      throw new DomainError(error.code, error.message, move(error.problems));
    throw error;
  }
}

/** As `inBody`, for a text inside the body: the problems keep their line and column in that text. */
export const inBodyText = <T>(path: (string | number)[], work: () => Promise<T> | T): Promise<T> =>
  moving(work, (problems) => problems.map((p) => ({ ...p, path: ['body', ...path, ...p.path] })));

/**
 * Runs work on a request body: problems the core reports (relative to what it was given) are moved
 * under `body` and the path inside it, so that the client sees where in its request they are. Only
 * the paths move: the messages are the core's own.
 */
export const inBody = <T>(path: (string | number)[], work: () => Promise<T> | T): Promise<T> =>
  moving(work, (problems) => rebase(problems, ['body', ...path]));
