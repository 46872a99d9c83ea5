import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { sendAnswer } from './answer.js';
import { sendError } from './errors.js';

/** Where a scrape's text comes from: one process's prom-client registry, or every worker's, summed (main.ts). */
export interface MetricsSource {
  contentType: string;
  metrics(): Promise<string>;
}

/**
 * The metrics port's server, apart from the public one so that no cache or client on the
 * internet ever sees it: `GET` and `HEAD /metrics` answer the Prometheus text, `no-store`; any
 * other path is a JSON 404, and any other method a JSON 405.
 */
export function createMetricsServer(source: MetricsSource, logger: Logger): Server {
  return createServer((req, res) => {
    if (req.url?.split('?')[0] !== '/metrics')
      return sendError(res, 404, 'NOT_FOUND', 'Not Found: this port answers /metrics alone.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed: /metrics answers GET and HEAD.', {
        allow: 'GET, HEAD',
      });
    }
    source.metrics().then(
      (text) =>
        sendAnswer(req, res, {
          status: 200,
          headers: { 'content-type': source.contentType, 'cache-control': 'no-store' },
          body: Buffer.from(text),
        }),
      (error: unknown) => {
        // A worker that does not answer the primary in time (prom-client waits 5 s) ends here.
        logger.error({ err: error }, 'metrics could not be read');
        sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
      },
    );
  });
}
