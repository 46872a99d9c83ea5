import { STATUS_CODES, createServer, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { StatusqlMetrics } from '../metrics.js';
import { bodyBytes } from './answer.js';
import { codeOfStatus, sendError } from './errors.js';

/** Anything that handles Node requests: the app's listener (app.ts). */
type RequestListener = Parameters<typeof createServer>[1] & {};

/** How long a client may take to send its headers, and its whole request (docs/operations.md, "Timeouts"). */
export interface Timeouts {
  headersMs: number;
  requestMs: number;
}
export const defaultTimeouts: Timeouts = { headersMs: 10_000, requestMs: 30_000 };

/** What the server needs besides its listener and logger. */
export interface StatusqlServerOptions {
  /** {@link defaultTimeouts} when omitted. */
  timeouts?: Timeouts;
  /** Where every answer's duration is recorded (metrics.ts); nothing is measured when omitted. */
  metrics?: Pick<StatusqlMetrics, 'observeHttpAnswer'>;
}

/** Node's parser errors (RFC 9112 framing, header sizes, timeouts), by the status that fits. */
const clientErrors: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large: the request line and headers may hold at most 16 KB.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout: the request did not arrive in time.'],
  HPE_HEADERS_TIMEOUT: [408, 'Request Timeout: the request did not arrive in time.'],
};

/**
 * A request Node's parser refuses gets a JSON error like every other answer (Node's own has no
 * body), then the connection closes: the rest of what was sent cannot be read reliably.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (socket as Socket & { _httpMessage?: { headersSent: boolean } })._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, message] = clientErrors[error.code ?? ''] ?? [
    400,
    'Bad Request: the request is not well-formed HTTP/1.1.',
  ];
  answerOnSocket(socket, status, message);
}

/** A JSON error written straight to a socket that Node's HTTP machinery will not answer on; then it closes. */
function answerOnSocket(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: codeOfStatus(status) } }] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** A Node HTTP server that can drain: finish what is in flight and lose no request. */
export interface StatusqlServer extends Server {
  /**
   * Stops taking connections; every answer from now on says `Connection: close`; a connection
   * idle for `graceMs` is closed; after `timeoutMs` every connection is. Resolves when none is left.
   */
  drain(options: { graceMs: number; timeoutMs: number; onTimeout: () => void }): Promise<void>;
}

/**
 * The HTTP server, with one access-log line per request (info level), each answer's duration in
 * the metrics when they are given, and timeouts that end a stalled request promptly: Node checks
 * them every second rather than every 30 s. Idle keep-alive connections outlive nginx's upstream
 * keepalive_timeout (60 s), so the proxy closes them first and never reuses a socket Node is closing.
 */
export function createStatusqlServer(
  listener: RequestListener,
  logger: Logger,
  options: StatusqlServerOptions = {},
): StatusqlServer {
  const { timeouts = defaultTimeouts, metrics } = options;
  const server = createServer({
    // request.ts checks Host and answers JSON; Node's own check would answer an empty 400.
    requireHostHeader: false,
    keepAliveTimeout: 65_000,
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: 1000,
  }) as StatusqlServer;
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  // One listener per request: it counts the request in flight until its answer closes, and times
  // that answer for the access log and the metrics.
  const logs = logger.isLevelEnabled('info');
  const timed = logs || metrics !== undefined;
  server.on('request', (req, res) => {
    const start = timed ? process.hrtime.bigint() : 0n;
    // Read now: app.ts points req.url at the file of a page it serves.
    const target = req.url;
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (!timed) return;
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics?.observeHttpAnswer(target, req.method, res.statusCode, seconds);
      if (!logs) return;
      logger.info(
        {
          method: req.method,
          path: target?.split('?')[0],
          status: res.statusCode,
          // To the microsecond: a shorter number, and cheaper to print than every digit of a double.
          ms: Math.round(seconds * 1e6) / 1e3,
          bytes: bodyBytes.get(res) ?? (Number(res.getHeader('content-length') ?? 0) || undefined),
          aborted: !res.writableFinished || undefined,
        },
        'request',
      );
    });
    if (draining) res.setHeader('connection', 'close');
    listener(req, res);
  });

  server.on('clientError', answerClientError);
  // Without these listeners Node answers an empty 417, or drops a CONNECT without a word.
  server.on('checkExpectation', (_req, res: ServerResponse) => {
    sendError(
      res,
      417,
      'EXPECTATION_FAILED',
      'Expectation Failed: the only expectation this server meets is 100-continue.',
      { connection: 'close' },
    );
  });
  server.on('connect', (_req, socket: Duplex) =>
    answerOnSocket(socket, 405, 'Method Not Allowed: this server is not a proxy.'),
  );

  server.drain = ({ graceMs, timeoutMs, onTimeout }) =>
    new Promise((resolve) => {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      // http.Server#close would also close idle keep-alive connections at once, racing a client
      // that is sending its next request on one: that request would be lost. Stop listening only,
      // and give idle connections `graceMs` to bring a request, answered with Connection: close.
      NetServer.prototype.close.call(server, () => {
        clearTimeout(grace);
        clearTimeout(deadline);
        resolve();
      });
      const grace = setTimeout(() => {
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        idle.unref();
      }, graceMs);
      const deadline = setTimeout(() => {
        onTimeout();
        server.closeAllConnections();
      }, timeoutMs);
    });

  return server;
}
