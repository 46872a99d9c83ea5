import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { runPrimary } from './cluster.js';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';

/** How long idle keep-alive connections get to bring one more request after SIGTERM. */
const drainGraceMs = 1000;

/** Serves the app on the configured port until SIGTERM or SIGINT, then drains and exits. */
async function serve(config: Config, logger: Logger): Promise<void> {
  // Imported here so a cluster primary never builds the schema it does not serve.
  const { createStatusqlApp } = await import('./app.js');
  const { createStatusqlServer } = await import('./http/server.js');
  let draining = false;
  const { yoga, listener } = createStatusqlApp(config, { logger, isReady: () => !draining });
  const server = createStatusqlServer(listener, logger);

  const shutdown = async (reason: string) => {
    if (draining) return;
    draining = true;
    logger.info({ reason, timeoutMs: config.shutdownTimeoutMs }, 'draining: finishing in-flight requests');
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

  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    const what = config.introspection ? 'GraphiQL' : 'GraphQL';
    logger.info({ port, host: config.host ?? null }, `StatusQL: ${what} at http://localhost:${port}${yoga.graphqlEndpoint}`);
  });
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

if (config.workers > 1 && cluster.isPrimary) runPrimary(config, logger);
else await serve(config, logger);
