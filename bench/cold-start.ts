import type { Contender } from './contenders.js';
import { startServer, type RunningServer } from './servers.js';
import { settings } from './settings.js';
import { probe } from './verify.js';

/** A server's start-up and memory, beside its rows. */
export interface ServerSummary {
  id: string;
  label: string;
  runsWith: string;
  /** Median over `coldStartsMs`. */
  coldStartMs: number;
  coldStartsMs: number[];
  idleRssMb: number;
  peakRssMb: number;
  highWaterMb: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** Starts a server once unmeasured (tsx's transform cache, the page cache), then `coldStartRuns` times. */
export async function coldStarts(spec: Contender, cwd: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= settings.coldStartRuns; run++) {
    const server = await startServer(spec, cwd, probe);
    await server.stop();
    if (run > 0) times.push(server.coldStartMs);
  }
  return times;
}

/** The summary of a server that is still running (its memory is read now). */
export function summarize(spec: Contender, server: RunningServer, coldStartsMs: number[]): ServerSummary {
  return {
    id: spec.id,
    label: spec.label,
    runsWith: spec.runsWith,
    coldStartMs: median(coldStartsMs),
    coldStartsMs,
    idleRssMb: server.idleRssMb,
    peakRssMb: server.peakRssMb(),
    highWaterMb: server.highWaterMb(),
  };
}
