import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

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
