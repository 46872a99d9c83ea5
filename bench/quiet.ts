import { performance } from 'node:perf_hooks';
import { cpuMeter, type CpuShare } from './cpu.js';
import { retryBudgetSeconds, runSeconds, settings } from './settings.js';

/** A second during which other processes used more than this many cores counts as disturbed. */
export const disturbedCores = 0.25;
/** Rows need this many undisturbed seconds to be reported on those seconds alone. */
export const minQuietSeconds = Math.min(3, settings.seconds);
/** At most one second measurement per row, so the budget is not spent on the first busy spell. */
export const maxAttempts = 2;

/** The CPU shares of one second (or the last, shorter, stretch) of a measurement. */
export interface Slice {
  from: number;
  to: number;
  cpu: CpuShare;
}

/** Meters CPU shares one second at a time until the returned function is called. */
export function sliceMeter(pids: () => readonly number[]): () => Slice[] {
  const slices: Slice[] = [];
  let from = performance.now();
  let meter = cpuMeter(pids);
  const cut = () => {
    const to = performance.now();
    slices.push({ from, to, cpu: meter() });
    from = to;
    meter = cpuMeter(pids);
  };
  const timer = setInterval(cut, 1000);
  return () => {
    clearInterval(timer);
    if (performance.now() - from > 200) cut();
    return slices;
  };
}

/** The shares over several slices, each weighted by its length. */
export function averageShare(slices: readonly Slice[]): CpuShare {
  const total = slices.reduce((sum, slice) => sum + (slice.to - slice.from), 0);
  const mean = (key: keyof CpuShare) =>
    slices.reduce((sum, slice) => sum + slice.cpu[key] * (slice.to - slice.from), 0) / total;
  return {
    serverCores: mean('serverCores'),
    loadGeneratorCores: mean('loadGeneratorCores'),
    otherCores: mean('otherCores'),
  };
}

/**
 * Waits, at most `maxSeconds` (at least one window), for a window of `windowMs` in which processes
 * other than the bench and `pids` stay under `disturbedCores`.
 */
export async function waitForQuiet(
  pids: () => readonly number[],
  maxSeconds: number,
  windowMs = 1000,
): Promise<boolean> {
  const deadline = performance.now() + maxSeconds * 1000;
  do {
    const stopMeter = cpuMeter(pids);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (stopMeter().otherCores < disturbedCores) return true;
  } while (performance.now() < deadline);
  return false;
}

/** What is left of the run, so that measuring a disturbed row again never pushes it past `runSeconds`. */
export class Schedule {
  rowsLeft = 0;
  serversLeft = 0;
  private retryBudgetSeconds = retryBudgetSeconds;

  /** Whether measuring the current row again fits both the retry budget and the run's time. */
  canMeasureAgain(): boolean {
    const retry = settings.seconds + 5;
    // Rows after this one; servers still to start (four starts each for the cold start); the tsx CLI's.
    const rest = (this.rowsLeft - 1) * (settings.warmupSeconds + settings.seconds) + this.serversLeft * 8 + 10;
    // performance.now() counts from the start of the process, which is the start of the run.
    return this.retryBudgetSeconds >= retry && performance.now() / 1000 + retry + rest <= runSeconds;
  }

  /** Charges a second measurement (and the wait before it) to the retry budget. */
  spend(seconds: number): void {
    this.retryBudgetSeconds -= seconds;
  }
}
