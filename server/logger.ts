import { pino, type DestinationStream, type Logger } from 'pino';
import type { YogaLogger } from 'graphql-yoga';
import type { LogLevel } from './config.js';

/**
 * A JSON-lines logger at the configured level, on stdout unless `destination` says otherwise.
 * Writes are synchronous, so the last lines before `process.exit` are never lost.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino({ level, base: { pid: process.pid } }, destination ?? pino.destination({ dest: 1, sync: true }));
}

/** Yoga's logger interface over pino: yoga passes either a message or an error. */
export function yogaLogger(logger: Logger): YogaLogger {
  const forward = (level: 'debug' | 'info' | 'warn' | 'error') => (first: unknown, ...rest: unknown[]) => {
    if (first instanceof Error) logger[level]({ err: first }, first.message);
    else logger[level]([first, ...rest].map(String).join(' '));
  };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
