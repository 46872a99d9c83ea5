import { STATUS_CODES, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { codeOfStatus, errorBody } from './errors.js';

/** How long a client may take to send its headers, and its whole request (docs/operations.md, "Timeouts"). */
export interface Timeouts {
  headersMs: number;
  requestMs: number;
}
export const defaultTimeouts: Timeouts = { headersMs: 10_000, requestMs: 30_000 };

/** The Node HTTP server under fastify, which can drain: finish what is in flight and lose no request. */
export interface NodeServer extends Server {
  /**
   * Stops taking connections; every answer from now on says `Connection: close`; a connection
   * idle for `graceMs` is closed; after `timeoutMs` every connection is. Resolves when none is left.
   */
  drain(options: { graceMs: number; timeoutMs: number; onTimeout: () => void }): Promise<void>;
  /**
   * fastify's `clientErrorHandler`: a request Node's parser refuses gets a JSON error like every
   * other answer, then the connection closes: the rest of what was sent cannot be read reliably.
   * Nothing is written into an answer already under way on the socket.
   */
  answerClientError(error: NodeJS.ErrnoException, socket: Socket): void;
}

/** Node's parser errors (RFC 9112 framing, header sizes, timeouts), by the status that fits. */
const clientErrors: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large: the request line and headers may hold at most 16 KB.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout: the request did not arrive in time.'],
  HPE_HEADERS_TIMEOUT: [408, 'Request Timeout: the request did not arrive in time.'],
};

/** A JSON error written straight to a socket that Node's HTTP machinery will not answer on; then it closes. */
export function answerOnSocket(socket: Duplex, status: number, message: string): void {
  const body = errorBody(message, codeOfStatus(status));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

/**
 * The server fastify runs on (its `serverFactory`): Node's timeouts, checked every second rather
 * than every 30 s so a stalled request ends promptly; idle keep-alive connections that outlive
 * nginx's upstream keepalive_timeout (60 s), so the proxy closes them first; Host checked by
 * request-target.ts, which answers JSON where Node's own check answers an empty 400.
 */
export function createNodeServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  timeouts: Timeouts = defaultTimeouts,
): NodeServer {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const server = createServer(
    {
      requireHostHeader: false,
      keepAliveTimeout: 65_000,
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: 1000,
    },
    (req, res) => {
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
      if (draining) res.setHeader('connection', 'close');
      handler(req, res);
    },
  ) as NodeServer;

  // Without these listeners Node answers an empty 417, or drops a CONNECT without a word.
  server.on('checkExpectation', (_req, res: ServerResponse) => {
    const body = errorBody(
      'Expectation Failed: the only expectation this server meets is 100-continue.',
      'EXPECTATION_FAILED',
    );
    res.writeHead(417, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'close',
    });
    res.end(body);
  });
  server.on('connect', (_req, socket: Duplex) =>
    answerOnSocket(socket, 405, 'Method Not Allowed: this server is not a proxy.'),
  );

  server.answerClientError = (error, socket) => {
    const answering = [...inFlight].some((res) => res.socket === socket && res.headersSent);
    if (!socket.writable || answering) return void socket.destroy();
    const [status, message] = clientErrors[error.code ?? ''] ?? [
      400,
      'Bad Request: the request is not well-formed HTTP/1.1.',
    ];
    answerOnSocket(socket, status, message);
  };

  server.drain = ({ graceMs, timeoutMs, onTimeout }) =>
    new Promise((resolve) => {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      // http.Server#close (and so fastify.close) would also close idle keep-alive connections at
      // once, racing a client that is sending its next request on one: that request would be lost.
      // Stop listening only, and give idle connections `graceMs` to bring a request, answered with
      // Connection: close.
      NetServer.prototype.close.call(server, () => {
        clearTimeout(grace);
        clearTimeout(deadline);
        resolve();
      });
      const grace = setTimeout(() => {
        server.closeIdleConnections();
        setInterval(() => server.closeIdleConnections(), 100).unref();
      }, graceMs);
      const deadline = setTimeout(() => {
        onTimeout();
        server.closeAllConnections();
      }, timeoutMs);
    });

  return server;
}
