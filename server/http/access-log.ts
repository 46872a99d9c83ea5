import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { StatusqlMetrics } from '../metrics.js';
import type { RouteLabel } from './route-config.js';

/** The route an answer took, as the metrics label it: fixed, whatever URL was asked. */
export function routeLabel(request: FastifyRequest): RouteLabel | 'other' {
  const { config, url } = request.routeOptions;
  // The routes without a label of their own are @fastify/static's, one a file of the page, and CORS's `OPTIONS *`.
  return config.label ?? (url !== undefined && url !== '*' ? 'page' : 'other');
}

/**
 * The onResponse hook: one access-log line per answer (info level) and its duration in the
 * metrics, both from what fastify knows of the answer, whichever route or error made it. Nothing
 * is measured when neither is on.
 */
export function createAccessLog(logger: Logger, metrics?: Pick<StatusqlMetrics, 'observeHttpAnswer'>) {
  const logs = logger.isLevelEnabled('info');
  if (!logs && !metrics) return undefined;
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const ms = reply.elapsedTime;
    metrics?.observeHttpAnswer(routeLabel(request), request.method, reply.statusCode, ms / 1000);
    if (logs) {
      const length = reply.getHeader('content-length');
      const url = request.url;
      const query = url.indexOf('?');
      logger.info(
        {
          method: request.method,
          path: query === -1 ? url : url.slice(0, query),
          status: reply.statusCode,
          // To the microsecond: a shorter number, and cheaper to print than every digit of a double.
          ms: Math.round(ms * 1e3) / 1e3,
          bytes: length === undefined ? undefined : Number(length),
          aborted: !reply.raw.writableFinished || undefined,
        },
        'request',
      );
    }
    done();
  };
}
