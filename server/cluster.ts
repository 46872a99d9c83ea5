import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { relayRegistrations } from './cluster-registry.js';
import type { Config } from './config.js';

/** A worker that dies sooner than this after starting is restarted after a pause, not at once. */
const quickDeathMs = 2000;

/**
 * The primary process for WORKERS > 1: forks the workers (they share the port), forks a new one
 * whenever one dies, and on SIGTERM or SIGINT asks every worker to drain and exits when all have.
 */
export function runPrimary(config: Config, logger: Logger): void {
  const startedAt = new Map<Worker, number>();
  let stopping = false;

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    worker.once('online', () => logger.info({ worker: worker.process.pid }, 'worker started'));
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) {
        logger.info('all workers stopped');
        process.exit(0);
      }
      return;
    }
    logger.error({ worker: worker.process.pid, code, signal }, 'worker died; starting another');
    setTimeout(() => stopping || fork(), lived < quickDeathMs ? 1000 : 0);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: startedAt.size }, 'stopping workers');
    if (startedAt.size === 0) process.exit(0);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      logger.error('workers did not stop in time; killing them');
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  // Automatic persisted queries registered on one worker are known to all (cluster-registry.ts).
  if (config.trustedDocuments === 'allow' && config.persistedQueryKilobytes > 0)
    relayRegistrations(config.persistedQueryKilobytes * 1024);
  logger.info({ workers: config.workers }, 'starting workers');
  for (let index = 0; index < config.workers; index++) fork();
}
