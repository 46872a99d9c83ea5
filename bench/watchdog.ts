import { killAll } from './servers.js';

/**
 * Runs the bench so that no server outlives it: on an error, on Ctrl-C or SIGTERM, and after
 * `minutes` (a full run takes about five; anything past ten is stuck).
 */
export function runGuarded(main: () => Promise<void>, minutes = 10): void {
  const watchdog = setTimeout(() => {
    console.error(`Benchmark exceeded ${minutes} minutes: stopping the servers.`);
    killAll();
    process.exit(2);
  }, minutes * 60_000);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
  main().then(
    () => clearTimeout(watchdog),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      killAll();
      process.exitCode = 1;
    },
  );
}
