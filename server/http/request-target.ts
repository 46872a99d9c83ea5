import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.js';

/**
 * RFC 9110 §7.2 and RFC 3986 §3.2.2: `host [":" port]`, where host is a name of letters, digits and
 * `-._~`, or a bracketed IP literal. Anything else (`/`, `?`, `#`, `@`, spaces) is not a host.
 */
const hostPattern = /^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Requests whose target is neither origin-form nor a valid absolute-form: refused by {@link checkRequestTarget}. */
const badTargets = new WeakSet<IncomingMessage>();

/**
 * fastify's `rewriteUrl`, so that routing sees a path: an absolute-form target (`GET http://a/b`)
 * is taken by its path and query (RFC 9112 §3.2.2); the authority in it is checked like a Host and
 * then ignored, since no answer depends on the name the client used for this server.
 */
export function originForm(req: IncomingMessage): string {
  const target = req.url ?? '';
  if (target.startsWith('/')) return target;
  if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
    const url = new URL(target);
    if (hostPattern.test(url.host)) return `${url.pathname}${url.search}`;
  }
  badTargets.add(req);
  return '/';
}

/** How many Host lines a request has (Node's `headers` keeps only the first). */
function hostLines(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let index = 0; index < rawHeaders.length; index += 2)
    if (rawHeaders[index]!.length === 4 && rawHeaders[index]!.toLowerCase() === 'host') count++;
  return count;
}

/**
 * The first onRequest hook: RFC 9112 §3.2, a request with no valid Host, or with more than one, is
 * a 400, as is a target that is not a path; both close the connection. A body this server will not
 * read (anything but a GraphQL POST's) would be left on the socket, where Node would wait for the
 * rest of it: such an answer closes the connection too.
 */
export function checkRequestTarget(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const req = request.raw;
  const hosts = hostLines(req.rawHeaders);
  const hostRequired = req.httpVersionMajor === 1 && req.httpVersionMinor === 1;
  if (hosts === 0 ? hostRequired : hosts > 1 || !hostPattern.test(req.headers.host!)) {
    sendError(reply, 400, 'BAD_REQUEST', 'Bad Request: send exactly one Host header holding a valid host name.', {
      connection: 'close',
    });
    return;
  }
  if (badTargets.has(req)) {
    sendError(reply, 400, 'BAD_REQUEST', 'Bad Request: the request target must be a path such as /graphql.', {
      connection: 'close',
    });
    return;
  }
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !(request.method === 'POST' && request.routeOptions.config.readsBody))
    reply.header('connection', 'close');
  done();
}
