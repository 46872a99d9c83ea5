import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The body of every error this server answers: GraphQL's shape, a fixed sentence and a code. No
 * message echoes the request back, or carries a stack or a path of this machine.
 */
export const errorBody = (message: string, code: string) =>
  JSON.stringify({ errors: [{ message, extensions: { code } }] });

/** The error code for an HTTP status, from its reason phrase: 416 is `RANGE_NOT_SATISFIABLE`. */
export function codeOfStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z]+/g, '_');
}

/** A refusal a handler or hook throws: the error handler answers it as it says. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** Sends a JSON error; Cache-Control and nosniff come from the response rules like any answer's. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): FastifyReply {
  return reply
    .code(status)
    .headers({ ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .send(errorBody(message, code));
}

/** fastify's own errors, by code, as this server words them (`maxBodyBytes` is MAX_BODY_BYTES). */
const fastifyErrors = (maxBodyBytes: number): Record<string, [status: number, code: string, message: string]> => ({
  FST_ERR_CTP_BODY_TOO_LARGE: [
    413,
    'REQUEST_ENTITY_TOO_LARGE',
    `Request Entity Too Large: the body may be at most ${maxBodyBytes} bytes.`,
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'BAD_REQUEST',
    'Bad Request: the body is not as long as its Content-Length says.',
  ],
  FST_ERR_BAD_URL: [400, 'BAD_REQUEST', 'Bad Request: the request target is not a valid URL.'],
  // A path segment longer than any route takes (a view is three digits) names nothing here.
  FST_ERR_MAX_PARAM_LENGTH: [404, 'NOT_FOUND', 'Not Found: this server has no such file.'],
});

/** What @fastify/static's refusals of a page file mean (If-Match: 412, a Range past the end: 416). */
const fileRefusal = "the request's conditions or range do not fit this file.";

/**
 * fastify's error handler: a {@link HttpProblem} or a known fastify error as it says, any other 4xx
 * by its status, and anything else as a masked 500 whose cause goes to the log only. A refused body
 * may be partly unread on the socket, so such an answer closes the connection.
 */
export function createErrorHandler(maxBodyBytes: number) {
  const known = fastifyErrors(maxBodyBytes);
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpProblem)
      return sendError(reply, error.statusCode, error.code, error.message, error.headers);
    const status = known[error.code]?.[0] ?? error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error, method: request.method, route: request.routeOptions.url }, 'unexpected error');
      return sendError(reply, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
    }
    const close: Record<string, string> = error.code?.startsWith('FST_ERR_CTP_') ? { connection: 'close' } : {};
    const [, code, message] = known[error.code] ?? [status, codeOfStatus(status), undefined];
    const file = status === 412 || status === 416 ? `: ${fileRefusal}` : '.';
    return sendError(reply, status, code, message ?? `${STATUS_CODES[status]}${file}`, close);
  };
}
