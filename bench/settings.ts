/** `--quick`: short rows and one cold start, a smoke test of the whole bench. */
export const quick = process.argv.slice(2).includes('--quick');
/** `--verify`: start each server once and check its answers equal StatusQL's; no cold starts, no load, no report. */
export const verifyOnly = process.argv.slice(2).includes('--verify');

const number = (variable: string, fallback: number) => Number(process.env[variable] ?? fallback);

/** How long each row runs and under how many connections (recorded in latest.json as they are). */
export const settings = {
  connections: number('BENCH_CONNECTIONS', 50),
  /** Before a server's first row; later rows on the same, already warm, process use `warmupSeconds`. */
  firstWarmupSeconds: number('BENCH_FIRST_WARMUP', quick ? 1 : 3),
  warmupSeconds: number('BENCH_WARMUP', quick ? 1 : 2),
  seconds: number('BENCH_SECONDS', quick ? 2 : 8),
  /** Starts per server for the cold-start figure (the median is reported), after one unmeasured start. */
  coldStartRuns: quick ? 1 : 3,
};

/** Seconds a run may spend measuring disturbed rows again. */
export const retryBudgetSeconds = number('BENCH_RETRY_BUDGET', quick ? 0 : 50);
/** A full run ends within this many seconds: a row is measured again only while the rest still fits. */
export const runSeconds = number('BENCH_MAX_SECONDS', 400);

/** `BENCH_ONLY=yoga,bare-http`: the servers to run (StatusQL at its defaults always runs: its answers are the reference). */
export const only = process.env['BENCH_ONLY']?.split(',');

/** Another build of StatusQL can be measured in its place (a path from the repository root, or absolute). */
export const statusqlEntry = process.env['BENCH_STATUSQL_ENTRY'] ?? 'dist/main.js';
