import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** A list of header names (RFC 9110 §5.6.2 tokens), as a preflight may ask for; at most 20. */
const requestedHeaderList = /^\s*[!#$%&'*+.^_`|~\w-]+(?:\s*,\s*[!#$%&'*+.^_`|~\w-]+){0,19}\s*$/;

/** The headers a preflight grants: those it asks for when they are a plain list of names, never copied back otherwise. */
export const grantedHeaders = (requested: string | undefined) =>
  requested !== undefined && requestedHeaderList.test(requested) ? requested.trim() : 'Content-Type';

/**
 * CORS for `/graphql` and `/status/*`, one @fastify/cors configuration for both: a public,
 * read-only API, so `*` (no credentials) on every answer whether or not the request has an Origin,
 * and one cached answer fits every client; or an allow-list, and every answer varies by Origin. A
 * preflight may ask for any method a browser may send (fetch forbids CONNECT and TRACE), which a
 * live example answers, and is granted the headers it asks for only when they are a plain list of
 * names (the plugin would copy back whatever was sent). A browser may read every header.
 */
export async function registerCors(app: FastifyInstance, origin: '*' | readonly string[]): Promise<void> {
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'OPTIONS')
      request.headers['access-control-request-headers'] = grantedHeaders(
        request.headers['access-control-request-headers'],
      );
    done();
  });
  await app.register(fastifyCors, {
    origin: origin === '*' ? '*' : [...origin],
    methods: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    // Every header of an answer may be read: nothing this API sends is private, and no request carries credentials.
    exposedHeaders: '*',
    maxAge: 86400,
    strictPreflight: false,
  });
}
