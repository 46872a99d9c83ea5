import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** One load run: a fixed number of connections for a fixed time against one URL. */
export interface LoadOptions {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  connections: number;
  seconds: number;
}

/** What a load run measured over some stretch of it. Latencies in ms, over 2xx responses. */
export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  non2xx: number;
  socketErrors: number;
  errors: number;
}

/** Every response of a run with its completion time (performance.now() ms), latency and status. */
export interface LoadTrace {
  startedAt: number;
  endedAt: number;
  count: number;
  at: Float64Array;
  latency: Float64Array;
  status: Uint16Array;
  errorsAt: number[];
}

/** The headers graphql-request sends, so every server negotiates the same way. */
export const requestHeaders = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
};

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * Summarizes the responses that completed inside `windows` ([from, to) in performance.now() ms);
 * the whole run when omitted.
 */
export function summarizeTrace(
  trace: LoadTrace,
  windows: ReadonlyArray<readonly [number, number]> = [[trace.startedAt, trace.endedAt]],
): LoadResult {
  const inside = (time: number) => windows.some(([from, to]) => time >= from && time < to);
  const latencies: number[] = [];
  let requests = 0;
  let non2xx = 0;
  for (let index = 0; index < trace.count; index++) {
    if (!inside(trace.at[index]!)) continue;
    requests++;
    const status = trace.status[index]!;
    if (status >= 200 && status <= 299) latencies.push(trace.latency[index]!);
    else non2xx++;
  }
  const socketErrors = trace.errorsAt.filter(inside).length;
  const sorted = Float64Array.from(latencies).sort();
  const seconds = windows.reduce((sum, [from, to]) => sum + (to - from), 0) / 1000;
  return {
    requestsPerSecond: requests / seconds,
    requests,
    seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: sorted.length > 0 ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : Number.NaN,
    non2xx,
    socketErrors,
    errors: non2xx + socketErrors,
  };
}

/**
 * Runs autocannon and records every response itself: autocannon's histogram has a 1 ms
 * resolution (too coarse for answers that take a millisecond) and no timeline.
 */
export async function runLoad(options: LoadOptions): Promise<LoadTrace> {
  let capacity = 1 << 18;
  let at = new Float64Array(capacity);
  let latency = new Float64Array(capacity);
  let status = new Uint16Array(capacity);
  let count = 0;
  const errorsAt: number[] = [];
  const instance = autocannon({
    url: options.url,
    method: options.method,
    headers: options.method === 'POST' ? requestHeaders : { accept: requestHeaders.accept },
    ...(options.body === undefined ? {} : { body: options.body }),
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
  });
  const startedAt = performance.now();
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (count === capacity) {
      capacity *= 2;
      const grow = <T extends Float64Array | Uint16Array>(old: T, next: T): T => (next.set(old), next);
      at = grow(at, new Float64Array(capacity));
      latency = grow(latency, new Float64Array(capacity));
      status = grow(status, new Uint16Array(capacity));
    }
    at[count] = performance.now();
    latency[count] = responseTime;
    status[count++] = statusCode;
  });
  instance.on('reqError', () => errorsAt.push(performance.now()));
  const guard = setTimeout(() => instance.stop(), (options.seconds + 15) * 1000);
  try {
    await instance;
  } finally {
    clearTimeout(guard);
  }
  return { startedAt, endedAt: performance.now(), count, at, latency, status, errorsAt };
}
