import cluster from 'node:cluster';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { YogaLogger } from 'graphql-yoga';
import type { LogLevel } from './config.js';

/**
 * Stdout for log lines, made once per process. Alone on its stdout, a process gathers its lines and
 * writes them 4 KB or a quarter of a second at a time: one system call per access-log line cost a
 * third of a repeated lookup's throughput (bench/history-2026.md). The writes are synchronous, so no line
 * is lost but to SIGKILL: however the process exits (`process.exit` after draining or after a fatal
 * error), what is gathered is written before it does. Cluster workers share one pipe, where only a
 * write of one whole line is sure not to be interleaved with another process's: they write each
 * line as it comes.
 */
let stdout: DestinationStream | undefined;
function stdoutDestination(shared: boolean): DestinationStream {
  if (stdout) return stdout;
  const destination = pino.destination({ dest: 1, sync: true });
  return (stdout = shared ? destination : gathered(destination, 4096, 250));
}

/**
 * Lines gathered and handed to `stream` joined, `bytes` or `intervalMs` at a time, and on exit.
 * Sonic-boom's own buffer (`minLength`) appends each line to its last pending string and measures
 * that string whole, up to 16 KB a line: with it, this server's access log cost 9.5 µs a repeated
 * lookup; gathered here, 2.3–6.4 µs (bench/history-2026.md, "What the access log costs").
 */
function gathered(stream: DestinationStream, bytes: number, intervalMs: number): DestinationStream {
  let lines: string[] = [];
  let length = 0;
  const handOver = () => {
    if (lines.length === 0) return;
    stream.write(lines.join(''));
    lines = [];
    length = 0;
  };
  process.on('exit', handOver);
  setInterval(handOver, intervalMs).unref();
  return {
    write(line: string) {
      lines.push(line);
      length += line.length;
      if (length >= bytes) handOver();
    },
  };
}

/** A JSON-lines logger at the configured level, on stdout unless `destination` says otherwise. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  if (level === 'silent') return pino({ level });
  return pino({ level, base: { pid: process.pid } }, destination ?? stdoutDestination(cluster.isWorker));
}

/** Yoga's logger interface over pino: yoga passes either a message or an error. */
export function yogaLogger(logger: Logger): YogaLogger {
  const forward =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (first: unknown, ...rest: unknown[]) => {
      if (first instanceof Error) logger[level]({ err: first }, first.message);
      else logger[level]([first, ...rest].map(String).join(' '));
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
