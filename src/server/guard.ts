import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_URL_BYTES, TransportError } from './errors.js';
import { hostName, LOOPBACK_NAMES } from './hosts.js';

/**
 * Which requests may reach the workspace at all. Any web page the user visits can send requests to
 * 127.0.0.1, and through DNS rebinding can even read the answers under its own name; so the server
 * answers only to the names it is known by (the `Host` check), and takes writes only from its own
 * pages (the `Origin` check).
 */

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Why a request may not go on, or undefined when it may. */
export function refusal(
  request: Pick<FastifyRequest, 'method' | 'url' | 'headers'> & { protocol?: 'http' | 'https' },
  allowed: ReadonlySet<string>,
): TransportError | undefined {
  if (request.url.length > MAX_URL_BYTES)
    return new TransportError('uri-too-long', `the request line is over ${MAX_URL_BYTES} bytes`);
  const host = request.headers.host ?? '';
  const name = hostName(host);
  if (name === undefined || !allowed.has(name))
    return new TransportError(
      'host-not-allowed',
      `this server does not answer to the host name "${host}"; it answers to ${[...allowed].join(', ')} (start it with --allowed-host NAME to add one)`,
    );
  if (!STATE_CHANGING.has(request.method)) return undefined;
  const { origin, referer } = request.headers;
  // The origin of the server's own pages: the request's protocol (https behind TLS) and its Host.
  const own = originOf(`${request.protocol ?? 'http'}://${host}`);
  if (origin !== undefined) {
    // `Origin: null` (sandboxed frames, some redirects) names no origin: it is never our own.
    if (origin === own) return undefined;
    return new TransportError(
      'origin-not-allowed',
      `a ${request.method} from the page origin "${origin}" is refused: only the server's own pages (${own}) may change the workspace`,
    );
  }
  if (referer !== undefined) {
    if (originOf(referer) === own) return undefined;
    return new TransportError(
      'origin-not-allowed',
      `a ${request.method} from a page at "${referer}" is refused: only the server's own pages (${own}) may change the workspace`,
    );
  }
  if (isJson(request.headers['content-type'])) return undefined;
  return new TransportError(
    'origin-not-allowed',
    `a ${request.method} with neither Origin nor Referer must say "Content-Type: application/json" (a web form cannot)`,
  );
}

/** Refuses, before anything else runs, every request that fails `refusal`: API, app and assets alike. */
export function registerGuard(app: FastifyInstance, allowedHosts: readonly string[] = []): void {
  const allowed = new Set(LOOPBACK_NAMES);
  for (const text of allowedHosts) {
    const name = hostName(text);
    if (name !== undefined) allowed.add(name);
  }
  app.addHook('onRequest', async (request) => {
    const refused = refusal(request, allowed);
    if (refused) throw refused;
  });
}
