import { performance } from 'node:perf_hooks';
import type { CpuShare } from './cpu.js';
import { runLoad, summarizeTrace, type LoadResult } from './load.js';
import { persistedGetPath, postBody, type BenchOperation, type OperationId } from './operations.js';
import {
  averageShare,
  disturbedCores,
  maxAttempts,
  minQuietSeconds,
  sliceMeter,
  waitForQuiet,
  type Schedule,
} from './quiet.js';
import type { RunningServer } from './servers.js';
import { settings } from './settings.js';

/** One measured row: a server, an operation, a transport. */
export interface Row {
  server: string;
  operation: OperationId;
  transport: 'POST' | 'GET persisted';
  /** Over the quiet seconds when there were enough of them, else over the whole row. */
  result: LoadResult;
  wholeRow: LoadResult;
  /** Average CPU shares over the same seconds as `result`. */
  cpu: CpuShare;
  quietSeconds: number;
  seconds: number;
  /** Fewer than `minQuietSeconds` quiet seconds, even after measuring again. */
  disturbed: boolean;
  peakRssMb: number;
  /** Bytes the server wrote to stdout and stderr per response over the whole row: its log. */
  outputBytesPerRequest: number;
  /** How many times the row was measured; the least disturbed attempt is kept. */
  attempts: number;
}

/** Requests served per second of server CPU: stable when other work takes CPU from the server. */
export function perCpuSecond(row: Row | undefined): number {
  return row ? row.result.requestsPerSecond / row.cpu.serverCores : Number.NaN;
}

function logRow(row: Row): void {
  const { result, cpu } = row;
  console.error(
    `  ${row.operation.padEnd(6)} ${row.transport.padEnd(13)} ${Math.round(result.requestsPerSecond).toString().padStart(6)} req/s` +
      `  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms  errors ${result.errors}` +
      `  ${Math.round(perCpuSecond(row))} req/CPU-s  cores: server ${cpu.serverCores.toFixed(2)},` +
      ` autocannon ${cpu.loadGeneratorCores.toFixed(2)}, other ${cpu.otherCores.toFixed(2)}; quiet ${row.quietSeconds}/${row.seconds} s`,
  );
}

/**
 * Warms up, then measures one row, metering the machine's CPU second by second. The row's figures
 * come from the seconds in which other processes left the machine alone (this machine is shared);
 * with fewer than `minQuietSeconds` of those, it is measured again while the schedule allows.
 */
export async function measureRow(
  server: RunningServer,
  operation: BenchOperation,
  transport: Row['transport'],
  first: boolean,
  schedule: Schedule,
): Promise<Row> {
  const target =
    transport === 'POST'
      ? { url: server.url, method: 'POST' as const, body: postBody(operation) }
      : { url: server.url.replace('/graphql', persistedGetPath(operation)), method: 'GET' as const };
  const phase = `${operation.id} ${transport}`;
  server.phase(phase);
  const warmup = first ? settings.firstWarmupSeconds : settings.warmupSeconds;
  await runLoad({ ...target, connections: settings.connections, seconds: warmup });
  let best: Row | undefined;
  for (let attempt = 1; ; attempt++) {
    const outputBefore = server.outputBytes();
    const stopSlices = sliceMeter(server.pids);
    const trace = await runLoad({ ...target, connections: settings.connections, seconds: settings.seconds });
    const slices = stopSlices();
    const quiet = slices.filter((slice) => slice.cpu.otherCores <= disturbedCores);
    const useQuiet = quiet.length >= minQuietSeconds;
    const row: Row = {
      server: server.spec.id,
      operation: operation.id,
      transport,
      result: summarizeTrace(trace, useQuiet ? quiet.map((slice) => [slice.from, slice.to] as const) : undefined),
      wholeRow: summarizeTrace(trace),
      cpu: averageShare(useQuiet ? quiet : slices),
      quietSeconds: quiet.length,
      seconds: slices.length,
      disturbed: !useQuiet,
      peakRssMb: 0,
      // A buffered log reaches the pipe up to a quarter of a second late: over a row, a rounding error.
      outputBytesPerRequest: (server.outputBytes() - outputBefore) / trace.count,
      attempts: attempt,
    };
    logRow(row);
    if (!best || row.quietSeconds > best.quietSeconds) best = row;
    best.attempts = attempt;
    if (!best.disturbed || attempt >= maxAttempts || !schedule.canMeasureAgain()) break;
    console.error('  too few quiet seconds (other processes are using the machine): measuring again');
    const waitStarted = performance.now();
    await waitForQuiet(server.pids, 5);
    schedule.spend((performance.now() - waitStarted) / 1000 + settings.seconds);
  }
  schedule.rowsLeft--;
  best.peakRssMb = server.peakRssMb(phase);
  server.phase('idle');
  return best;
}
