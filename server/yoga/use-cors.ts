import type { Plugin } from 'graphql-yoga';
import vary from 'vary';

const appendVary = (headers: Headers, name: string) => headers.set('vary', vary.append(headers.get('vary') ?? '', name));

const methods = 'GET, POST, OPTIONS';

/** A list of header names (RFC 9110 §5.6.2 tokens), as a preflight may ask for; at most 20. */
export const requestedHeaderList = /^\s*[!#$%&'*+.^_`|~\w-]+(?:\s*,\s*[!#$%&'*+.^_`|~\w-]+){0,19}\s*$/;

/**
 * CORS for a public, read-only API: `*` (no credentials), sent on every answer whether or not the
 * request has an Origin, so one cached answer fits every client; or an allow-list, in which case
 * every response varies by Origin. A preflight's requested headers are granted when they are a
 * plain list of names, and never copied back otherwise.
 */
export function useCors(origin: '*' | readonly string[]): Plugin {
  const allowed = origin === '*' ? null : new Set(origin);
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (request.method === 'OPTIONS') {
        endResponse(new fetchAPI.Response(null, { status: 204, headers: { allow: methods, 'content-length': '0' } }));
      }
    },
    onResponse({ request, response }) {
      if (allowed) appendVary(response.headers, 'Origin');
      const requestOrigin = request.headers.get('origin');
      if (allowed && (requestOrigin === null || !allowed.has(requestOrigin))) return;
      response.headers.set('access-control-allow-origin', allowed ? requestOrigin! : '*');
      if (request.method !== 'OPTIONS') {
        response.headers.set('access-control-expose-headers', 'ETag');
        return;
      }
      response.headers.set('access-control-allow-methods', methods);
      const requested = request.headers.get('access-control-request-headers');
      response.headers.set('access-control-allow-headers', requested !== null && requestedHeaderList.test(requested) ? requested.trim() : 'Content-Type');
      response.headers.set('access-control-max-age', '86400');
      appendVary(response.headers, 'Access-Control-Request-Headers');
    },
  };
}
