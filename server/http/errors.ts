import { STATUS_CODES, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { bodyBytes, type Answer } from './answer.js';

/**
 * Answers with a GraphQL-shaped JSON error, `no-store`. Messages are fixed sentences: no answer
 * echoes the request back, or carries a stack or a path of this machine.
 */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  const length = Buffer.byteLength(body);
  bodyBytes.set(res, length);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': length,
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** The error code for an HTTP status, from its reason phrase: 416 is `RANGE_NOT_SATISFIABLE`. */
export function codeOfStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z]+/g, '_');
}

/** A JSON error as an {@link Answer}. */
function errorAnswer(
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): Answer {
  const body = Buffer.from(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  return {
    status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body,
  };
}

/** A 500 that says nothing of what went wrong inside. */
export function unexpectedErrorAnswer(): Answer {
  return errorAnswer(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
}

/** What a bare 4xx from yoga means, in words. */
const bareErrors: Record<number, string> = {
  405: 'Method Not Allowed: /graphql answers GET and POST.',
  406: 'Not Acceptable: /graphql answers application/graphql-response+json, application/json, text/event-stream or multipart/mixed (or text/html for GraphiQL).',
};

/** A 4xx yoga answered without a body, as a JSON error; the headers that explain it (Allow, CORS) stay. */
export function bareErrorAsJson(answer: Answer): Answer {
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !name.startsWith('content-')));
  return errorAnswer(
    answer.status,
    codeOfStatus(answer.status),
    bareErrors[answer.status] ?? `${STATUS_CODES[answer.status]}.`,
    headers,
  );
}
