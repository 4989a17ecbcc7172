import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers of every answer. The web app is built by Vite into files served from this
 * origin: scripts, styles and fonts come from 'self' only, with no inline script or `<style>`
 * element (React and recharts set styles through the DOM's style properties, which CSP does not
 * govern). Nothing may frame the app, and nothing here is meant for other sites.
 */
const directives: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * `same-origin`: the app's own requests keep their Referer (a fallback for the origin check), links
 * to other sites carry none.
 */
const referrerPolicy = 'same-origin';

const helmetOptions: HelmetOptions = {
  // Not the defaults: they add upgrade-insecure-requests, which breaks a server on plain http.
  contentSecurityPolicy: { useDefaults: false, directives },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: referrerPolicy },
  // Plain http on loopback: Strict-Transport-Security would only break other local servers.
  strictTransportSecurity: false,
};

/**
 * Sets the headers on every answer, refusals included. Helmet is built once here: the Fastify
 * plugin built it again for every request, which cost a busy server more than its routing.
 */
const applyHelmet = helmet(helmetOptions);
export function securityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  applyHelmet(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
}

/**
 * The same policy for answers written by hand, outside Fastify (a request Node's parser refuses):
 * they are JSON errors, so their content policy allows nothing at all.
 */
export const handWrittenHeaders: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': referrerPolicy,
};
