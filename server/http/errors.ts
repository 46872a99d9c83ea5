import { STATUS_CODES, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';

/**
 * Answers with a GraphQL-shaped JSON error, `no-store`. Messages are fixed sentences: no answer
 * echoes the request back, or carries a stack or a path of this machine.
 */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** The error code for an HTTP status, from its reason phrase: 416 is `RANGE_NOT_SATISFIABLE`. */
export function codeOfStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z]+/g, '_');
}
