import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';

/** Anything that handles Node requests: the yoga app. */
type RequestListener = Parameters<typeof createServer>[1] & {};

const badHost = JSON.stringify({
  errors: [{ message: 'Bad Request: the Host header is not a valid host.', extensions: { code: 'BAD_REQUEST' } }],
});

/**
 * A Node HTTP server for the app, with one access-log line per request (info level) and timeouts
 * that suit a reverse proxy in front: idle keep-alive connections outlive nginx's (60 s), so the
 * proxy, not Node, closes them and never reuses a socket Node is closing.
 */
export function createStatusqlServer(app: RequestListener, logger: Logger): Server {
  const server = createServer();
  server.keepAliveTimeout = 65_000;
  // Node's connection check also closes an idle keep-alive socket once headersTimeout has passed
  // since its last request began, so it has to outlast keepAliveTimeout.
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  // Only when the line would be written: the listener costs a closure and a clock read per request.
  if (logger.isLevelEnabled('info')) {
    server.on('request', (req, res) => {
      const start = process.hrtime.bigint();
      res.once('close', () => {
        logger.info(
          {
            method: req.method,
            path: req.url?.split('?')[0],
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - start) / 1e6,
            // Replayed answers write their headers directly, so only yoga's answers report a size.
            bytes: Number(res.getHeader('content-length') ?? 0) || undefined,
            aborted: !res.writableFinished || undefined,
          },
          'request',
        );
      });
    });
  }
  server.on('request', (req, res) => {
    // RFC 9112 §3.2: an invalid Host is a 400 (Node itself refuses a missing one). The app would
    // fail to build the request URL from it and answer 500.
    const host = req.headers.host;
    if (host !== undefined && !URL.canParse(`http://${host}/`)) {
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
      res.end(badHost);
      return;
    }
    app(req, res);
  });
  return server;
}
