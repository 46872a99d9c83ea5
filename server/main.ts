import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { runPrimary } from './cluster.js';
import { loadConfig, type Config } from './config.js';
import { createMetricsServer, type MetricsSource } from './http/metrics-server.js';
import { createLogger } from './logger.js';

/** How long idle keep-alive connections get to bring one more request after SIGTERM. */
const drainGraceMs = 1000;

/** Serves `/metrics` on METRICS_PORT, apart from the public port. */
async function serveMetrics(config: Config, source: MetricsSource, logger: Logger): Promise<void> {
  const app = createMetricsServer(source, logger, config.metricsHost);
  await app.ready();
  await new Promise<void>((resolve) => app.server.listen(config.metricsPort, config.metricsHost, resolve));
  const { port } = app.server.address() as AddressInfo;
  logger.info({ port, host: config.metricsHost }, 'Prometheus metrics at /metrics');
}

/**
 * With METRICS_PORT, a serving process measures into prom-client's global registry; a single one
 * serves it, a worker leaves that to the primary, which sums every worker's. Without, nothing is
 * registered and the request path carries no metrics at all.
 */
async function processMetrics(config: Config, logger: Logger) {
  if (config.metricsPort === undefined) return undefined;
  const { AggregatorRegistry, register } = await import('prom-client');
  // Constructing one is what makes a worker answer the primary's requests for its registry. It
  // comes before metrics.js builds the schema: the primary waits 5 s for a worker that is silent.
  if (cluster.isWorker) new AggregatorRegistry();
  const { createStatusqlMetrics } = await import('./metrics.js');
  const metrics = createStatusqlMetrics(register);
  if (!cluster.isWorker) await serveMetrics(config, register, logger);
  return metrics;
}

/** The primary's METRICS_PORT, when set: every worker's registry, asked for at each scrape and summed. */
async function serveClusterMetrics(config: Config, logger: Logger) {
  if (config.metricsPort === undefined) return;
  const { AggregatorRegistry } = await import('prom-client');
  const workers = new AggregatorRegistry();
  await serveMetrics(config, { contentType: workers.contentType, metrics: () => workers.clusterMetrics() }, logger);
}

/** Serves the app on the configured port until SIGTERM or SIGINT, then drains and exits. */
async function serve(config: Config, logger: Logger): Promise<void> {
  const metrics = await processMetrics(config, logger);
  // Imported here so a cluster primary never builds the schema it does not serve.
  const { createStatusqlApp } = await import('./app.js');
  let draining = false;
  const statusql = createStatusqlApp(config, { logger, isReady: () => !draining, metrics });
  const { app, server, yoga } = statusql;

  const shutdown = async (reason: string) => {
    if (draining) return;
    draining = true;
    logger.info({ reason, timeoutMs: config.shutdownTimeoutMs }, 'draining: finishing in-flight requests');
    // A live example's ?sleep= is a courtesy: answered now, it holds up no shutdown.
    statusql.liveExamples.wakeAll();
    await server.drain({
      graceMs: Math.min(drainGraceMs, config.shutdownTimeoutMs),
      timeoutMs: config.shutdownTimeoutMs,
      onTimeout: () => logger.warn('in-flight requests outlived the shutdown timeout; closing their connections'),
    });
    await yoga.dispose();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // A worker whose primary is gone stops too.
  if (cluster.isWorker) process.on('disconnect', () => void shutdown('primary gone'));

  // Node's own listen, after fastify is ready: an unset HOST means every interface, as Node reads it.
  await app.ready();
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const what = config.introspection ? 'GraphiQL' : 'GraphQL';
  logger.info(
    { port, host: config.host ?? null },
    `StatusQL: ${what} at http://localhost:${port}${yoga.graphqlEndpoint}`,
  );
}

// graphql-js and yoga run extra development checks unless told otherwise; a server is production.
process.env['NODE_ENV'] ??= 'production';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});

if (config.workers > 1 && cluster.isPrimary) {
  runPrimary(config, logger);
  await serveClusterMetrics(config, logger);
} else await serve(config, logger);
