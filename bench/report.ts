import type { ServerSummary } from './cold-start.js';
import { perCpuSecond, type Row } from './measure.js';
import { operations, type OperationId } from './operations.js';

/** A figure for a table: `n/a` where a row is missing or a division had nothing to divide. */
export const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const percent = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)}%` : 'n/a');

/** StatusQL ÷ peer for one operation over POST. */
export interface Ratio {
  requestsPerSecond: number;
  requestsPerCpuSecond: number;
  p99: number;
}

/** `ratios[subject][peer][operation]`, for the pairs that both have a POST row. */
export type Ratios = Record<string, Record<string, Partial<Record<OperationId, Ratio>>>>;

/** What the access log costs one POST request of an operation, from two rows of the same run. */
export interface LogCost {
  /** Server CPU per request in µs (10⁶ × cores ÷ req/s), access log on (the defaults) and off. */
  defaultsUs: number;
  logOffUs: number;
  differenceUs: number;
  /** Either row had too few quiet seconds. */
  disturbed: boolean;
}

const postRow = (rows: readonly Row[], server: string, operation: OperationId) =>
  rows.find((row) => row.server === server && row.operation === operation && row.transport === 'POST');

/** Each subject ÷ each peer, per operation. */
export function ratiosOf(rows: readonly Row[], subjects: readonly string[], peers: readonly string[]): Ratios {
  const ratios: Ratios = {};
  for (const subject of subjects) {
    for (const peer of peers) {
      for (const operation of operations) {
        const mine = postRow(rows, subject, operation.id);
        const theirs = postRow(rows, peer, operation.id);
        if (!mine || !theirs) continue;
        ((ratios[subject] ??= {})[peer] ??= {})[operation.id] = {
          requestsPerSecond: mine.result.requestsPerSecond / theirs.result.requestsPerSecond,
          requestsPerCpuSecond: perCpuSecond(mine) / perCpuSecond(theirs),
          p99: mine.result.p99Ms / theirs.result.p99Ms,
        };
      }
    }
  }
  return ratios;
}

/** The access log's cost per operation: the server CPU per request of the default row minus the log-off row's. */
export function accessLogCost(
  rows: readonly Row[],
  defaults: string,
  logOff: string,
): Partial<Record<OperationId, LogCost>> {
  const cost: Partial<Record<OperationId, LogCost>> = {};
  for (const operation of operations) {
    const on = postRow(rows, defaults, operation.id);
    const off = postRow(rows, logOff, operation.id);
    if (!on || !off) continue;
    const defaultsUs = 1e6 / perCpuSecond(on);
    const logOffUs = 1e6 / perCpuSecond(off);
    cost[operation.id] = {
      defaultsUs,
      logOffUs,
      differenceUs: defaultsUs - logOffUs,
      disturbed: on.disturbed || off.disturbed,
    };
  }
  return cost;
}

/** Everything the markdown report shows. */
export interface Report {
  rows: readonly Row[];
  /** The servers measured under load, then any measured idle only. */
  summaries: readonly ServerSummary[];
  /** The subjects and peers of `ratios`, in the order their tables are printed. */
  subjects: readonly string[];
  peers: readonly string[];
  ratios: Ratios;
  logCost: Partial<Record<OperationId, LogCost>>;
  /** The server every memory figure is compared with. */
  reference: string;
  notes: readonly string[];
}

/** The rows, the access log's cost, the ratios, start-up and memory, then the notes. */
export function markdown(report: Report): string {
  const { rows, summaries, ratios, logCost } = report;
  const labelOf = (id: string) => summaries.find((summary) => summary.id === id)?.label ?? id;
  const measured = (id: string) => rows.some((row) => row.server === id);
  const lines: string[] = [];
  lines.push(
    '| server | operation | transport | req/s | req per CPU-s | p50 ms | p99 ms | errors | peak RSS MB | cores: server / other | quiet s |',
  );
  lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const r = row.result;
    lines.push(
      `| ${labelOf(row.server)} | ${row.operation} | ${row.transport} | ${fixed(r.requestsPerSecond)} | ${fixed(perCpuSecond(row))} | ${fixed(r.p50Ms, 2)} | ${fixed(r.p99Ms, 2)} | ${r.errors} | ${fixed(row.peakRssMb)} | ${fixed(row.cpu.serverCores, 2)} / ${fixed(row.cpu.otherCores, 2)} | ${row.quietSeconds}/${row.seconds}${row.disturbed ? ' ⚠' : ''} |`,
    );
  }
  const costs = operations.flatMap((operation) => {
    const cost = logCost[operation.id];
    return cost ? [{ operation: operation.id, ...cost }] : [];
  });
  if (costs.length > 0) {
    lines.push(
      '',
      '**What the access log costs**, POST: µs of server CPU per request (10⁶ × server cores ÷ req/s), StatusQL at its defaults and with LOG_LEVEL=warn, in this run.',
      '',
      '| operation | defaults µs | access log off µs | access log µs | share of a request |',
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const cost of costs) {
      lines.push(
        `| ${cost.operation} | ${fixed(cost.defaultsUs, 1)} | ${fixed(cost.logOffUs, 1)} | ${fixed(cost.differenceUs, 1)}${cost.disturbed ? ' ⚠' : ''} | ${percent((100 * cost.differenceUs) / cost.defaultsUs)} |`,
      );
    }
  }
  const presentPeers = report.peers.filter(measured);
  for (const subject of report.subjects.filter(measured)) {
    lines.push(
      '',
      `**${labelOf(subject)} ÷ peer**, POST. req/s and req per CPU-s: above 1 means StatusQL is faster; p99: below 1 means StatusQL is faster.`,
      '',
      '| operation | peer | req/s ratio | req per CPU-s ratio | p99 ratio |',
      '| --- | --- | ---: | ---: | ---: |',
    );
    for (const operation of operations) {
      for (const peer of presentPeers) {
        const pair = ratios[subject]?.[peer]?.[operation.id];
        lines.push(
          `| ${operation.id} | ${labelOf(peer)} | ${ratio(pair?.requestsPerSecond ?? NaN)} | ${ratio(pair?.requestsPerCpuSecond ?? NaN)} | ${ratio(pair?.p99 ?? NaN)} |`,
        );
      }
    }
  }
  const mine = summaries.find((summary) => summary.id === report.reference);
  lines.push('', '| server | cold start ms (median) | idle RSS MB | peak RSS MB (VmHWM) | StatusQL peak ÷ this |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const summary of summaries) {
    lines.push(
      `| ${summary.label} | ${fixed(summary.coldStartMs)} | ${fixed(summary.idleRssMb)} | ${fixed(summary.highWaterMb)} | ${ratio((mine?.highWaterMb ?? NaN) / summary.highWaterMb)} |`,
    );
  }
  lines.push('', ...report.notes.map((note) => `- ${note}`));
  return lines.join('\n');
}
