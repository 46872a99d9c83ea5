import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createErrorHandler, sendError } from './errors.js';
import { applyResponseRules } from './response-rules.js';

/** Where a scrape's text comes from: one process's prom-client registry, or every worker's, summed (main.ts). */
export interface MetricsSource {
  contentType: string;
  metrics(): Promise<string>;
}

/** The Host names the metrics port answers: loopback's, and METRICS_HOST. */
function hostNames(metricsHost: string): ReadonlySet<string> {
  return new Set(['localhost', '127.0.0.1', '[::1]', metricsHost.includes(':') ? `[${metricsHost}]` : metricsHost]);
}

/** A Host header's name, without its port. */
const nameOf = (host: string) => host.replace(/:\d{1,5}$/, '').toLowerCase();

/**
 * The metrics port, apart from the public one so that no cache or client on the internet ever sees
 * it: `GET` and `HEAD /metrics` answer the Prometheus text, `no-store`. It answers only requests
 * addressed to it by a loopback name or METRICS_HOST, so a web page in a browser on this machine
 * cannot read it through a DNS name rebound to 127.0.0.1.
 */
export function createMetricsServer(source: MetricsSource, logger: Logger, metricsHost: string): FastifyInstance {
  const names = hostNames(metricsHost);
  const app = fastify<Server, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setErrorHandler(createErrorHandler(0));
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, 404, 'NOT_FOUND', 'Not Found: this port answers /metrics alone.'),
  );
  app.addHook('onRequest', (request, reply, done) => {
    if (names.has(nameOf(request.headers.host ?? ''))) return done();
    sendError(
      reply,
      421,
      'MISDIRECTED_REQUEST',
      'Misdirected Request: this port answers only requests addressed to localhost.',
    );
  });
  app.addHook('onSend', applyResponseRules);
  app.get('/metrics', async (_request, reply) => {
    try {
      return reply.type(source.contentType).send(await source.metrics());
    } catch (error) {
      // A worker that does not answer the primary in time (prom-client waits 5 s) ends here.
      logger.error({ err: error }, 'metrics could not be read');
      return sendError(reply, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
    }
  });
  app.route({
    method: ['POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/metrics',
    handler: (_request, reply) =>
      sendError(reply, 405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed: /metrics answers GET and HEAD.', {
        allow: 'GET, HEAD',
      }),
  });
  return app;
}
