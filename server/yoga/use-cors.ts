import type { Plugin } from 'graphql-yoga';
import vary from 'vary';

const appendVary = (headers: Headers, name: string) => headers.set('vary', vary.append(headers.get('vary') ?? '', name));

const methods = 'GET, POST, OPTIONS';

/**
 * CORS for a public, read-only API: `*` (no credentials, so one cached answer fits every origin)
 * or an allow-list, in which case every response varies by Origin.
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
      if (requestOrigin === null || (allowed && !allowed.has(requestOrigin))) return;
      response.headers.set('access-control-allow-origin', allowed ? requestOrigin : '*');
      if (request.method !== 'OPTIONS') {
        response.headers.set('access-control-expose-headers', 'ETag');
        return;
      }
      response.headers.set('access-control-allow-methods', methods);
      response.headers.set('access-control-allow-headers', request.headers.get('access-control-request-headers') ?? 'Content-Type');
      response.headers.set('access-control-max-age', '86400');
      appendVary(response.headers, 'Access-Control-Request-Headers');
    },
  };
}
