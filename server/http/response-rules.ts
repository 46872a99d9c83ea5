import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

/** Whether an If-None-Match field holds the entity-tag: RFC 9110 §13.1.2, weak comparison, `*` matching any. */
export function noneMatchHolds(field: string, etag: string): boolean {
  if (field.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return field.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/**
 * The one onSend hook every answer passes, whatever route or error made it:
 *
 * - `X-Content-Type-Options: nosniff`, so no browser reads JSON or text as something else;
 * - Cache-Control: the handler's, else the route's `cacheControl`, else `no-store`;
 * - a 304 for a GET or HEAD whose If-None-Match holds the answer's ETag. RFC 9110 §13.1.2: the
 *   origin answers so whatever the request's Cache-Control says (fetch() adds `no-cache` to every
 *   conditional request); that directive is for caches. A 304 keeps the headers a 200 would have,
 *   less the content ones (§15.4.5).
 */
export function applyResponseRules(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload?: unknown) => void,
): void {
  reply.header('x-content-type-options', 'nosniff');
  if (!reply.hasHeader('cache-control'))
    reply.header('cache-control', request.routeOptions.config.cacheControl ?? 'no-store');
  const etag = reply.getHeader('etag');
  const condition = request.headers['if-none-match'];
  if (
    condition === undefined ||
    typeof etag !== 'string' ||
    reply.statusCode !== 200 ||
    (request.method !== 'GET' && request.method !== 'HEAD') ||
    !noneMatchHolds(condition, etag)
  ) {
    return done(null, payload);
  }
  (payload as Partial<Readable> | null)?.destroy?.();
  for (const name of Object.keys(reply.getHeaders())) if (name.startsWith('content-')) reply.removeHeader(name);
  reply.code(304);
  done(null, null);
}
