import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * The request headers yoga is given; it sees no other. Each can change an answer, so together with
 * the method, the request target and the body they are exactly the answer cache's key.
 */
export const answerHeaders = [
  'accept',
  'content-type',
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
] as const;

/** The {@link answerHeaders} a request carries: all that yoga, and the answer cache's key, see of it. */
export function givenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const given: Record<string, string> = {};
  for (const name of answerHeaders) {
    const value = headers[name];
    if (typeof value === 'string') given[name] = value;
  }
  // Media types are case-insensitive (RFC 9110 §8.3.1); yoga compares them in lower case.
  if (given['content-type'] !== undefined) given['content-type'] = given['content-type'].toLowerCase();
  if (given['accept'] !== undefined) given['accept'] = given['accept'].toLowerCase();
  return given;
}

/**
 * RFC 9110 §7.2 and RFC 3986 §3.2.2: `host [":" port]`, where host is a name of letters, digits and
 * `-._~`, or a bracketed IP literal. Anything else (`/`, `?`, `#`, `@`, spaces) is not a host.
 */
const hostPattern = /^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Why a request is refused before anything reads it. */
export interface RequestProblem {
  status: 400;
  message: string;
}

/**
 * The request target in origin-form (`/graphql?query=…`), or a problem. RFC 9112 §3.2: a request
 * with no valid Host, or with more than one, is a 400. An absolute-form target (`GET http://a/b`)
 * is taken by its path and query (§3.2.2); the authority in it is checked like a Host and then
 * ignored, since the answer never depends on the name the client used for this server.
 */
export function requestTarget(req: IncomingMessage): string | RequestProblem {
  const hosts = hostLines(req.rawHeaders);
  const hostRequired = req.httpVersionMajor === 1 && req.httpVersionMinor === 1;
  if (hosts === 0 ? hostRequired : hosts > 1 || !hostPattern.test(req.headers.host!)) {
    return { status: 400, message: 'Bad Request: send exactly one Host header holding a valid host name.' };
  }
  const target = req.url ?? '';
  if (target.startsWith('/')) return target;
  if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
    const url = new URL(target);
    if (hostPattern.test(url.host)) return `${url.pathname}${url.search}`;
  }
  return { status: 400, message: 'Bad Request: the request target must be a path such as /graphql.' };
}

/** How many Host lines a request has (Node's `headers` keeps only the first). */
function hostLines(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let index = 0; index < rawHeaders.length; index += 2)
    if (rawHeaders[index]!.length === 4 && rawHeaders[index]!.toLowerCase() === 'host') count++;
  return count;
}

/** The path of an origin-form target, without its query. */
export function pathOf(target: string): string {
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}
