import { createHash } from 'node:crypto';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { appendVary } from './vary.js';

/** How GET answers are cached by browsers, CDNs and proxies. */
export interface HttpCachingOptions {
  /** Seconds a successful GET answer may be reused (`Cache-Control: public, max-age=…`). */
  maxAge: number;
  /** Starts every ETag, so a new release never matches an old one. */
  release: string;
  /** Path of the GraphQL endpoint. */
  endpoint: string;
}

/**
 * RFC 9110 §13.1.2: `*` matches any current representation; otherwise If-None-Match uses the weak
 * comparison (§8.8.3.2), so `W/"x"` matches `"x"`. Anything that is not an entity-tag is ignored.
 */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  for (const [tag] of header.matchAll(/(?:W\/)?"[^"]*"/g)) {
    if (tag.replace(/^W\//, '') === opaque) return true;
  }
  return false;
}

/**
 * HTTP caching for the GraphQL endpoint. A successful GET gets `Cache-Control: public, max-age`
 * and a strong ETag over its content type and body; a matching If-None-Match gets 304 with no
 * body. Everything else (POST, errors, other methods) is `no-store`. Every endpoint answer varies
 * by Accept, which picks both GraphiQL versus JSON and the JSON media type.
 *
 * The response-cache plugin adds its own ETag (its bare cache key, not an entity-tag) and a
 * Last-Modified of when it cached; both are replaced, and it never sees If-None-Match.
 */
export function useHttpCaching({ maxAge, release, endpoint }: HttpCachingOptions): Plugin {
  const conditions = new WeakMap<Request, string>();
  const successes = new WeakSet<Request>();
  const cacheControl = `public, max-age=${maxAge}`;
  return {
    onRequest({ request, url }) {
      const condition = request.headers.get('if-none-match');
      if (condition !== null && url.pathname === endpoint) {
        conditions.set(request, condition);
        request.headers.delete('if-none-match');
      }
    },
    onResultProcess({ request, result }) {
      if (!Array.isArray(result) && !isAsyncIterable(result) && !result.errors?.length) successes.add(request);
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (new URL(request.url).pathname !== endpoint) {
        if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
        return;
      }
      appendVary(response.headers, 'Accept');
      response.headers.delete('etag');
      response.headers.delete('last-modified');
      const contentType = response.headers.get('content-type') ?? '';
      const cacheable =
        request.method === 'GET' && response.status === 200 && (successes.has(request) || contentType.startsWith('text/html'));
      if (!cacheable) {
        response.headers.set('cache-control', 'no-store');
        return;
      }
      const body = new Uint8Array(await response.arrayBuffer());
      const digest = createHash('sha256').update(contentType).update('\n').update(body).digest('base64url').slice(0, 22);
      const etag = `"${release}-${digest}"`;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('etag', etag);
      headers.set('cache-control', cacheControl);
      if (ifNoneMatch(conditions.get(request), etag)) {
        // RFC 9110 §15.4.5: a 304 carries the validators and caching headers a 200 would, no content.
        headers.delete('content-type');
        headers.delete('content-length');
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
      } else {
        setResponse(new fetchAPI.Response(body, { status: 200, headers }));
      }
    },
  };
}
