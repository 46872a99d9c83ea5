import cluster from 'node:cluster';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { YogaLogger } from 'graphql-yoga';
import type { LogLevel } from './config.js';

/**
 * Stdout for log lines, made once per process. Alone on its stdout, a process buffers its lines and
 * writes them asynchronously, 4 KB or a quarter of a second at a time: one system call per
 * access-log line cost a third of a repeated lookup's throughput (bench/README.md). Pino writes
 * what is still buffered synchronously when the process exits, however it exits (`process.exit`
 * after draining or after a fatal error), so no line is lost but to SIGKILL. Cluster workers
 * share one pipe, where only a write of one whole line is sure not to be interleaved with another
 * process's: they write each line as it comes.
 */
let stdout: DestinationStream | undefined;
function stdoutDestination(shared: boolean): DestinationStream {
  if (stdout) return stdout;
  if (shared) return (stdout = pino.destination({ dest: 1, sync: true }));
  const buffered = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => buffered.flush(), 250).unref();
  return (stdout = buffered);
}

/** A JSON-lines logger at the configured level, on stdout unless `destination` says otherwise. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  if (level === 'silent') return pino({ level });
  return pino({ level, base: { pid: process.pid } }, destination ?? stdoutDestination(cluster.isWorker));
}

/** Yoga's logger interface over pino: yoga passes either a message or an error. */
export function yogaLogger(logger: Logger): YogaLogger {
  const forward = (level: 'debug' | 'info' | 'warn' | 'error') => (first: unknown, ...rest: unknown[]) => {
    if (first instanceof Error) logger[level]({ err: first }, first.message);
    else logger[level]([first, ...rest].map(String).join(' '));
  };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
