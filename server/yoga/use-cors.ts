import type { Plugin } from 'graphql-yoga';
import vary from 'vary';

const appendVary = (headers: Headers, name: string) =>
  headers.set('vary', vary.append(headers.get('vary') ?? '', name));

const methods = 'GET, POST, OPTIONS';

/** A list of header names (RFC 9110 §5.6.2 tokens), as a preflight may ask for; at most 20. */
const requestedHeaderList = /^\s*[!#$%&'*+.^_`|~\w-]+(?:\s*,\s*[!#$%&'*+.^_`|~\w-]+){0,19}\s*$/;

/** The headers a preflight grants: those it asks for when they are a plain list of names, never copied back otherwise. */
export const grantedHeaders = (requested: string | null | undefined) =>
  requested != null && requestedHeaderList.test(requested) ? requested.trim() : 'Content-Type';

/** Who may read an answer: `*` (no allow-list), the request's own origin when listed, or nobody (null). */
export const readableBy = (allowed: ReadonlySet<string> | null, origin: string | null | undefined) =>
  !allowed ? '*' : origin != null && allowed.has(origin) ? origin : null;

/**
 * CORS for a public, read-only API: `*` (no credentials), sent on every answer whether or not the
 * request has an Origin, so one cached answer fits every client; or an allow-list, in which case
 * every response varies by Origin. A preflight's requested headers are granted when they are a
 * plain list of names, and never copied back otherwise.
 */
export function useCors(origin: '*' | readonly string[]): Plugin {
  const allowed = origin === '*' ? null : new Set(origin);
  return {
    onRequest(payload) {
      const { request, fetchAPI } = payload;
      if (request.method === 'OPTIONS') {
        payload.endResponse(
          new fetchAPI.Response(null, { status: 204, headers: { allow: methods, 'content-length': '0' } }),
        );
      }
    },
    onResponse({ request, response }) {
      if (allowed) appendVary(response.headers, 'Origin');
      const reader = readableBy(allowed, request.headers.get('origin'));
      if (reader === null) return;
      response.headers.set('access-control-allow-origin', reader);
      if (request.method !== 'OPTIONS') {
        response.headers.set('access-control-expose-headers', 'ETag');
        return;
      }
      response.headers.set('access-control-allow-methods', methods);
      response.headers.set(
        'access-control-allow-headers',
        grantedHeaders(request.headers.get('access-control-request-headers')),
      );
      response.headers.set('access-control-max-age', '86400');
      appendVary(response.headers, 'Access-Control-Request-Headers');
    },
  };
}
