import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { requestHeaders, runLoad, summarizeTrace, type LoadResult } from './load.js';
import { operations, persistedGetPath, postBody, type BenchOperation, type OperationId } from './operations.js';
import { cpuMeter, type CpuShare } from './cpu.js';
import { killAll, npmStartNodeFlags, root, send, snapshotWorkingTree, startServer, type RunningServer, type ServerSpec } from './servers.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const settings = {
  connections: Number(process.env['BENCH_CONNECTIONS'] ?? 50),
  /** Before a server's first row; later rows on the same, already warm, process use `warmupSeconds`. */
  firstWarmupSeconds: Number(process.env['BENCH_FIRST_WARMUP'] ?? (quick ? 1 : 3)),
  warmupSeconds: Number(process.env['BENCH_WARMUP'] ?? (quick ? 1 : 2)),
  seconds: Number(process.env['BENCH_SECONDS'] ?? (quick ? 2 : 8)),
};

const statusql = 'statusql';
const statusqlCacheOff = 'statusql-cache-off';
const peerIds = ['yoga', 'mercurius-jit', 'bare-http'] as const;

/** Another build of StatusQL can be measured in its place (a path from the repository root, or absolute). */
const statusqlEntry = process.env['BENCH_STATUSQL_ENTRY'] ?? 'dist/main.js';

const servers: ServerSpec[] = [
  // As `npm start` runs it: the server bundle that `npm run build:server` writes, on plain node.
  { id: statusql, label: 'StatusQL', entry: statusqlEntry, plainNode: true, nodeFlags: npmStartNodeFlags() },
  {
    id: statusqlCacheOff,
    label: 'StatusQL, answer cache off',
    entry: statusqlEntry,
    plainNode: true,
    nodeFlags: npmStartNodeFlags(),
    // RESPONSE_CACHE_MB=0 turns the answer cache off; builds before it read RESPONSE_CACHE_SIZE.
    env: { RESPONSE_CACHE_MB: '0', RESPONSE_CACHE_SIZE: '0' },
  },
  { id: 'yoga', label: 'graphql-yoga (stock, SDL)', entry: 'bench/peers/yoga-server.ts' },
  { id: 'mercurius-jit', label: 'fastify + mercurius (JIT)', entry: 'bench/peers/mercurius-server.ts' },
  { id: 'bare-http', label: 'bare node:http (precomputed)', entry: 'bench/peers/bare-server.ts' },
];
const only = process.env['BENCH_ONLY']?.split(',');
/** Starts per server for the cold-start figure (the median is reported), after one unmeasured start. */
const coldStartRuns = quick ? 1 : 3;

/** One measured row: a server, an operation, a transport. */
interface Row {
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
  /** How many times the row was measured; the least disturbed attempt is kept. */
  attempts: number;
}

interface ServerSummary {
  id: string;
  label: string;
  /** Median over `coldStartsMs`. */
  coldStartMs: number;
  coldStartsMs: number[];
  idleRssMb: number;
  peakRssMb: number;
  highWaterMb: number;
}

function firstDifference(expected: unknown, actual: unknown, path = '$'): string | undefined {
  if (isDeepStrictEqual(expected, actual)) return undefined;
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null) {
    return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const difference = firstDifference(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (difference) return difference;
  }
  return `${path}: differs`;
}

/** Whether every field of `expected` is in `actual` with the same value (arrays: same length). */
function isSubset(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, index) => isSubset(item, actual[index]));
  }
  if (typeof expected === 'object' && expected !== null) {
    return (
      typeof actual === 'object' &&
      actual !== null &&
      Object.entries(expected).every(([key, value]) => isSubset(value, (actual as Record<string, unknown>)[key]))
    );
  }
  return Object.is(expected, actual);
}

async function post(url: string, operation: BenchOperation): Promise<unknown> {
  const answer = await send(url, { method: 'POST', headers: requestHeaders, body: postBody(operation) });
  if (answer.status !== 200) throw new Error(`${operation.id}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text);
}

const reference = new Map<OperationId, unknown>();

/** Asserts a server's answers: the first server's become the reference the others must equal. */
async function verify(server: RunningServer, when: string): Promise<void> {
  for (const operation of operations) {
    // Twice: a response cache or a JIT compiler answers the second one differently from the first.
    for (const attempt of [1, 2]) {
      const body = await post(server.url, operation);
      const expected = reference.get(operation.id);
      if (expected === undefined) {
        const result = body as { data?: unknown; errors?: unknown };
        if (result.errors !== undefined || result.data == null) {
          throw new Error(`${server.spec.label} ${operation.id}: no data: ${JSON.stringify(body).slice(0, 300)}`);
        }
        reference.set(operation.id, body);
        continue;
      }
      const difference = firstDifference(expected, body);
      if (difference) {
        throw new Error(`${server.spec.label} ${operation.id} (${when}, request ${attempt}) differs from StatusQL: ${difference}`);
      }
    }
  }
}

async function verifyPersisted(server: RunningServer): Promise<void> {
  for (const operation of operations) {
    const answer = await send(server.url.replace('/graphql', persistedGetPath(operation)), {
      method: 'GET',
      headers: { accept: requestHeaders.accept },
    });
    const body = JSON.parse(answer.text) as { errors?: unknown };
    if (answer.status !== 200 || body.errors !== undefined || !isSubset(reference.get(operation.id), body)) {
      throw new Error(`${server.spec.label} GET ${operation.persisted.operationName}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
    }
  }
}

/** A second during which other processes used more than this many cores counts as disturbed. */
const disturbedCores = 0.25;
/** Rows need this many undisturbed seconds to be reported on those seconds alone. */
const minQuietSeconds = Math.min(3, settings.seconds);
/** Seconds a run may spend measuring disturbed rows again; keeps a full run under five minutes. */
let retryBudgetSeconds = Number(process.env['BENCH_RETRY_BUDGET'] ?? (quick ? 0 : 50));
/** A full run ends within this many seconds: a row is measured again only while the rest still fits. */
const runSeconds = Number(process.env['BENCH_MAX_SECONDS'] ?? 290);
const runStarted = performance.now();
const plan = { rowsLeft: 0, serversLeft: 0 };

/** Whether measuring the current row again still lets the run end within `runSeconds`. */
function canMeasureAgain(): boolean {
  const retry = settings.seconds + 5;
  // Rows after this one; servers still to start (four starts each for the cold start); the npm start check.
  const rest = (plan.rowsLeft - 1) * (settings.warmupSeconds + settings.seconds) + plan.serversLeft * 8 + 10;
  return retryBudgetSeconds >= retry && (performance.now() - runStarted) / 1000 + retry + rest <= runSeconds;
}
/** At most one second measurement per row, so the budget is not spent on the first busy spell. */
const maxAttempts = 2;

interface Slice {
  from: number;
  to: number;
  cpu: CpuShare;
}

/** Meters CPU shares one second at a time until the returned function is called. */
function sliceMeter(pids: () => readonly number[]): () => Slice[] {
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

function averageShare(slices: readonly Slice[]): CpuShare {
  const total = slices.reduce((sum, slice) => sum + (slice.to - slice.from), 0);
  const mean = (key: keyof CpuShare) => slices.reduce((sum, slice) => sum + slice.cpu[key] * (slice.to - slice.from), 0) / total;
  return { serverCores: mean('serverCores'), loadGeneratorCores: mean('loadGeneratorCores'), otherCores: mean('otherCores') };
}

/**
 * Waits, at most `maxSeconds` (at least one window), for a window of `windowMs` in which processes
 * other than the bench and `pids` stay under `disturbedCores`.
 */
async function waitForQuiet(pids: () => readonly number[], maxSeconds: number, windowMs = 1000): Promise<boolean> {
  const deadline = performance.now() + maxSeconds * 1000;
  do {
    const stopMeter = cpuMeter(pids);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (stopMeter().otherCores < disturbedCores) return true;
  } while (performance.now() < deadline);
  return false;
}

function logRow(row: Row): void {
  const { result, cpu } = row;
  console.error(
    `  ${row.operation.padEnd(6)} ${row.transport.padEnd(13)} ${Math.round(result.requestsPerSecond).toString().padStart(6)} req/s` +
      `  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms  errors ${result.errors}` +
      `  ${Math.round(result.requestsPerSecond / cpu.serverCores)} req/CPU-s  cores: server ${cpu.serverCores.toFixed(2)},` +
      ` autocannon ${cpu.loadGeneratorCores.toFixed(2)}, other ${cpu.otherCores.toFixed(2)}; quiet ${row.quietSeconds}/${row.seconds} s`,
  );
}

/**
 * Warms up, then measures one row, metering the machine's CPU second by second. The row's figures
 * come from the seconds in which other processes left the machine alone (this machine is shared);
 * with fewer than `minQuietSeconds` of those, it is measured again while the retry budget lasts.
 */
async function measure(server: RunningServer, operation: BenchOperation, transport: Row['transport'], first: boolean): Promise<Row> {
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
    const stopSlices = sliceMeter(server.pids);
    const trace = await runLoad({ ...target, connections: settings.connections, seconds: settings.seconds });
    const slices = stopSlices();
    const quiet = slices.filter((slice) => slice.cpu.otherCores <= disturbedCores);
    const useQuiet = quiet.length >= minQuietSeconds;
    const chosen = useQuiet ? quiet : slices;
    const row: Row = {
      server: server.spec.id,
      operation: operation.id,
      transport,
      result: summarizeTrace(trace, useQuiet ? quiet.map((slice) => [slice.from, slice.to] as const) : undefined),
      wholeRow: summarizeTrace(trace),
      cpu: averageShare(chosen),
      quietSeconds: quiet.length,
      seconds: slices.length,
      disturbed: !useQuiet,
      peakRssMb: 0,
      attempts: attempt,
    };
    logRow(row);
    if (!best || row.quietSeconds > best.quietSeconds) best = row;
    best.attempts = attempt;
    if (!best.disturbed || attempt >= maxAttempts || !canMeasureAgain()) break;
    console.error('  too few quiet seconds (other processes are using the machine): measuring again');
    const waitStarted = performance.now();
    await waitForQuiet(server.pids, 5);
    retryBudgetSeconds -= (performance.now() - waitStarted) / 1000 + settings.seconds;
  }
  plan.rowsLeft--;
  best.peakRssMb = server.peakRssMb(phase);
  server.phase('idle');
  return best;
}

function isLookupAnswer(text: string): boolean {
  const body = JSON.parse(text) as { data?: { statusCode?: { code?: unknown } } };
  return body.data?.statusCode?.code === 404;
}

async function probe(url: string): Promise<boolean> {
  const answer = await send(url, { method: 'POST', headers: requestHeaders, body: postBody(operations[0]!), timeoutMs: 2000 });
  return answer.status === 200 && isLookupAnswer(answer.text);
}

/** Whether the snapshot's server/ mentions an environment variable (a text search); the bench sets it either way. */
function honoured(dir: string, variable: string): boolean {
  const name = new RegExp(`\\b${variable}\\b`);
  const files = readdirSync(`${dir}/server`, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.some((file) => name.test(readFileSync(`${dir}/server/${file}`, 'utf8')));
}

/** A fingerprint of the code under test, so two runs can be checked to have measured the same sources. */
function sourceHash(dir: string): string {
  const hash = createHash('sha256');
  for (const folder of ['catalogue', 'schema', 'server', 'sdk/src/generated', 'bench/peers']) {
    const files = readdirSync(join(dir, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file.slice(dir.length)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** Starts a server once unmeasured (tsx's transform cache, the page cache), then `coldStartRuns` times. */
async function coldStarts(spec: ServerSpec, cwd: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= coldStartRuns; run++) {
    const server = await startServer(spec, cwd, probe);
    await server.stop();
    if (run > 0) times.push(server.coldStartMs);
  }
  return times;
}

function commit(): string {
  try {
    const head = readFileSync(`${root}.git/HEAD`, 'utf8').trim();
    return head.startsWith('ref: ') ? readFileSync(`${root}.git/${head.slice(5)}`, 'utf8').trim() : head;
  } catch {
    return 'unknown';
  }
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

/** Requests served per second of server CPU: stable when other work takes CPU from the server. */
function perCpuSecond(row: Row | undefined): number {
  return row ? row.result.requestsPerSecond / row.cpu.serverCores : Number.NaN;
}

function markdown(rows: Row[], summaries: ServerSummary[], npmStart: ServerSummary | undefined, notes: string[]): string {
  const labelOf = (id: string) => servers.find((server) => server.id === id)?.label ?? id;
  const lines: string[] = [];
  lines.push('| server | operation | transport | req/s | req per CPU-s | p50 ms | p99 ms | errors | peak RSS MB | cores: server / other | quiet s |');
  lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const r = row.result;
    lines.push(
      `| ${labelOf(row.server)} | ${row.operation} | ${row.transport} | ${fixed(r.requestsPerSecond)} | ${fixed(perCpuSecond(row))} | ${fixed(r.p50Ms, 2)} | ${fixed(r.p99Ms, 2)} | ${r.errors} | ${fixed(row.peakRssMb)} | ${fixed(row.cpu.serverCores, 2)} / ${fixed(row.cpu.otherCores, 2)} | ${row.quietSeconds}/${row.seconds}${row.disturbed ? ' ⚠' : ''} |`,
    );
  }
  const find = (server: string, operation: OperationId) =>
    rows.find((row) => row.server === server && row.operation === operation && row.transport === 'POST');
  const presentPeers = peerIds.filter((peer) => summaries.some((summary) => summary.id === peer));
  for (const subject of [statusql, statusqlCacheOff].filter((id) => summaries.some((summary) => summary.id === id))) {
    lines.push(
      '',
      `**${labelOf(subject)} ÷ peer**, POST. req/s and req per CPU-s: above 1 means StatusQL is faster; p99: below 1 means StatusQL is faster.`,
      '',
      '| operation | peer | req/s ratio | req per CPU-s ratio | p99 ratio |',
      '| --- | --- | ---: | ---: | ---: |',
    );
    for (const operation of operations) {
      const mine = find(subject, operation.id);
      for (const peer of presentPeers) {
        const theirs = find(peer, operation.id);
        lines.push(
          `| ${operation.id} | ${labelOf(peer)} | ${ratio((mine?.result.requestsPerSecond ?? NaN) / (theirs?.result.requestsPerSecond ?? NaN))} | ${ratio(perCpuSecond(mine) / perCpuSecond(theirs))} | ${ratio((mine?.result.p99Ms ?? NaN) / (theirs?.result.p99Ms ?? NaN))} |`,
        );
      }
    }
  }
  const mine = summaries.find((summary) => summary.id === statusql);
  lines.push('', '| server | cold start ms (median) | idle RSS MB | peak RSS MB (VmHWM) | StatusQL peak ÷ this |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const summary of [...summaries, ...(npmStart ? [npmStart] : [])]) {
    lines.push(
      `| ${summary.label} | ${fixed(summary.coldStartMs)} | ${fixed(summary.idleRssMb)} | ${fixed(summary.highWaterMb)} | ${ratio((mine?.highWaterMb ?? NaN) / summary.highWaterMb)} |`,
    );
  }
  lines.push('', ...notes.map((note) => `- ${note}`));
  return lines.join('\n');
}

async function main(): Promise<void> {
  const snapshot = snapshotWorkingTree();
  try {
    execFileSync('npm', ['run', 'build:server'], { cwd: snapshot.dir, stdio: 'inherit' });
    await measureAll(snapshot.dir);
  } finally {
    snapshot.remove();
  }
}

async function measureAll(cwd: string): Promise<void> {
  const began = performance.now();
  const responseCache = ['RESPONSE_CACHE_MB', 'RESPONSE_CACHE_SIZE'].filter((name) => honoured(cwd, name));
  const logLevelHonoured = honoured(cwd, 'LOG_LEVEL');
  const sources = sourceHash(cwd);
  const notes = [
    `The load generator (autocannon, ${settings.connections} connections, in the bench process) shares the ${cpus().length}-core machine with the server under test: absolute figures are lower than with a separate client machine, and the fastest servers are partly limited by the load generator. Compare ratios within one run. When autocannon needs nearly a core itself (the bare server), the row measures the pair, not the server.`,
    `Each row: ${settings.warmupSeconds} s warm-up (${settings.firstWarmupSeconds} s before a server's first row), then ${settings.seconds} s measured. Latency percentiles over 2xx responses, recorded per response. Errors = non-2xx + socket errors (including timeouts).`,
    `Commit ${commit().slice(0, 12)}; sources measured (catalogue, schema, server, generated SDK documents, peers, working tree included) hash to ${sources}.`,
    'Every server runs from a snapshot of the working tree taken at the start, in its own process (WORKERS=1): StatusQL as `npm start` runs it (`node dist/main.js`, the esbuild bundle), the peers as `node --import tsx <entry>`; RSS is that process with all its threads (for the peers including the tsx loader thread), sampled every 200 ms; peak = VmHWM at the end.',
    `The machine is shared, so CPU is metered second by second: a second in which processes outside the bench used over ${disturbedCores} cores is disturbed. A row's req/s, latencies and cores come from its quiet seconds when it has at least ${minQuietSeconds} (quiet s = quiet/all); otherwise from all of them, marked ⚠ (understating the server) after measuring it once more if the run's time allows (a ${Number(process.env['BENCH_RETRY_BUDGET'] ?? 50)} s budget, the whole run within ${runSeconds} s). Errors are over the same seconds; latest.json also has each row whole (wholeRow). cores: server / other = CPU used by the server and by processes outside the bench (1.00 = one core throughout).`,
    'req per CPU-s = req/s ÷ server cores: the cost of a request in server CPU, which holds up better than req/s when other work takes CPU from the server (approximate: on loopback the kernel charges some network work to whichever side is running).',
    `Cold start: spawn to first correct answer to the lookup, median of ${coldStartRuns} starts after an unmeasured one.`,
    'GET persisted rows run the SDK documents StatusCode / StatusCodes / Search from sdk/src/generated/persisted-documents.json with the same variables: they select more fields than the POST operations, so they are not compared with the peers.',
    responseCache.length > 0
      ? `The cache-off server runs with RESPONSE_CACHE_MB=0 and RESPONSE_CACHE_SIZE=0; server/ reads ${responseCache.join(' and ')}.`
      : 'server/ reads neither RESPONSE_CACHE_MB nor RESPONSE_CACHE_SIZE: the cache-off rows run the same code as the default rows.',
    logLevelHonoured ? 'LOG_LEVEL=warn for every server.' : 'LOG_LEVEL=warn is set, but server/ does not read it.',
  ];
  console.error(
    `StatusQL peer benchmark: ${settings.connections} connections, ${settings.firstWarmupSeconds}/${settings.warmupSeconds} s warm-up + ${settings.seconds} s per row; about 4 minutes`,
  );
  console.error(`Note: ${notes[0]}`);

  const selected = servers.filter((spec) => !only || only.includes(spec.id) || spec.id === statusql);
  plan.serversLeft = selected.length;
  plan.rowsLeft = selected.reduce((sum, spec) => sum + operations.length * (spec.id === statusql || spec.id === statusqlCacheOff ? 2 : 1), 0);
  const quiet = await waitForQuiet(() => [], quick ? 0 : 15, 2000);
  if (!quiet) {
    notes.push('Other processes were using the machine when the run started (it waited 15 s for them).');
    console.error('  the machine is busy with other work: figures will be disturbed (see the cores column)');
  }

  const rows: Row[] = [];
  const summaries: ServerSummary[] = [];
  const skipped: string[] = [];
  for (const spec of selected) {
    console.error(`\n${spec.label}`);
    const coldStartsMs = await coldStarts(spec, cwd);
    const server = await startServer(spec, cwd, probe);
    plan.serversLeft--;
    try {
      console.error(`  cold start ${coldStartsMs.map((ms) => fixed(ms)).join(', ')} ms; idle RSS ${fixed(server.idleRssMb)} MB`);
      await verify(server, 'before load');
      for (const operation of operations) rows.push(await measure(server, operation, 'POST', operation === operations[0]));
      if (spec.id === statusql || spec.id === statusqlCacheOff) {
        const problem = await verifyPersisted(server).then(() => undefined, (error: Error) => error.message);
        if (problem) {
          plan.rowsLeft -= operations.length;
          skipped.push(`${spec.label}: GET persisted rows skipped: ${problem}`);
          console.error(`  GET persisted skipped: ${problem}`);
        } else {
          for (const operation of operations) rows.push(await measure(server, operation, 'GET persisted', false));
        }
      }
      await verify(server, 'after load');
      summaries.push({
        id: spec.id,
        label: spec.label,
        coldStartMs: median(coldStartsMs),
        coldStartsMs,
        idleRssMb: server.idleRssMb,
        peakRssMb: server.peakRssMb(),
        highWaterMb: server.highWaterMb(),
      });
    } finally {
      await server.stop();
    }
  }

  // What `npm run dev` runs: the tsx CLI, which starts the server from source as a second node process.
  console.error('\nStatusQL via the tsx CLI (npm run dev): cold start and memory, no load');
  const npmStartSpec: ServerSpec = {
    id: 'statusql-tsx-cli',
    label: 'StatusQL from source via the tsx CLI (npm run dev: wrapper + server, idle)',
    entry: 'server/main.ts',
    viaTsxCli: true,
  };
  const npmStartColdStarts = await coldStarts(npmStartSpec, cwd);
  const npmStartServer = await startServer(npmStartSpec, cwd, probe);
  let npmStart: ServerSummary;
  try {
    npmStart = {
      id: npmStartSpec.id,
      label: npmStartSpec.label,
      coldStartMs: median(npmStartColdStarts),
      coldStartsMs: npmStartColdStarts,
      idleRssMb: npmStartServer.idleRssMb,
      peakRssMb: npmStartServer.peakRssMb(),
      highWaterMb: npmStartServer.highWaterMb(),
    };
  } finally {
    await npmStartServer.stop();
  }
  notes.push(...skipped);

  const ratios: Record<string, Record<string, Record<string, { requestsPerSecond: number; requestsPerCpuSecond: number; p99: number }>>> = {};
  for (const subject of [statusql, statusqlCacheOff]) {
    for (const peer of peerIds) {
      for (const operation of operations) {
        const mine = rows.find((row) => row.server === subject && row.operation === operation.id && row.transport === 'POST');
        const theirs = rows.find((row) => row.server === peer && row.operation === operation.id && row.transport === 'POST');
        if (!mine || !theirs) continue;
        ((ratios[subject] ??= {})[peer] ??= {})[operation.id] = {
          requestsPerSecond: mine.result.requestsPerSecond / theirs.result.requestsPerSecond,
          requestsPerCpuSecond: perCpuSecond(mine) / perCpuSecond(theirs),
          p99: mine.result.p99Ms / theirs.result.p99Ms,
        };
      }
    }
  }

  const table = markdown(rows, summaries, npmStart, notes);
  const report = {
    generatedAt: new Date().toISOString(),
    commit: commit(),
    sources,
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', platform: process.platform },
    settings: { ...settings, coldStartRuns },
    responseCacheVariablesRead: responseCache,
    logLevelHonoured,
    operations: operations.map(({ id, query, persisted }) => ({ id, query, persisted })),
    servers: [...summaries, npmStart],
    rows,
    ratios,
    notes,
    table,
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${table}\n\nWritten: bench/results/latest.json (${((performance.now() - began) / 1000).toFixed(0)} s)`);
}

// A full run takes about four minutes; anything past ten is stuck.
const watchdog = setTimeout(() => {
  console.error('Benchmark exceeded 10 minutes: stopping the servers.');
  killAll();
  process.exit(2);
}, 10 * 60_000);
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
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    killAll();
    process.exitCode = 1;
  },
);
