/**
 * `npm run soak`: starts the server bundle that `npm start` runs, on 127.0.0.1 with the access log
 * off (LOG_LEVEL=warn: its output comes to this terminal, a line a request otherwise), warms it
 * up, then drives it with autocannon for 60 s at 100 connections on a mix of lookups, lists and
 * searches over GET (some conditional) and POST. Prints errors, answers other than 2xx/304,
 * throughput, latency and the server's RSS, then stops the server with SIGTERM. Exits 1 when any
 * request failed, the RSS at the end is more than 20% above the RSS after warm-up, or the server
 * did not stop cleanly.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env['SOAK_SECONDS'] ?? 60);
// At tens of thousands of requests a second V8's heap needs about half a minute to reach its working size.
const warmUpSeconds = Number(process.env['SOAK_WARM_UP_SECONDS'] ?? 30);
const connections = Number(process.env['SOAK_CONNECTIONS'] ?? 100);

interface SoakRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface CannonResult {
  errors: number;
  timeouts: number;
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; average: number };
  statusCodeStats: Record<string, { count: number }>;
}

const codes = (
  JSON.parse(readFileSync(new URL('../catalogue/status-codes.json', import.meta.url), 'utf8')) as { code: number }[]
).map((entry) => entry.code);
const searches = [
  'rate limit',
  'not found',
  'timeout',
  'redirect',
  'token expired',
  '5xx',
  '40x',
  'too large',
  'cache',
  'gateway',
];
const classes = ['INFORMATIONAL', 'SUCCESS', 'REDIRECTION', 'CLIENT_ERROR', 'SERVER_ERROR'];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const accept = 'application/graphql-response+json, application/json';

const lookup =
  'query StatusCode($code: Int!) { statusCode(code: $code) { code phrase title statusClass { range label } commonUsage specification { citation url } headers { name requirement } } }';
const list =
  'query StatusCodes($classes: [StatusClassKind!], $first: Int) { statusCodes(filter: { classes: $classes }, first: $first) { totalCount edges { cursor node { code phrase registration { status } } } pageInfo { hasNextPage endCursor } } }';
const search =
  'query Search($query: String!) { search(query: $query, first: 10) { totalCount classFacets { statusClass { range } count } edges { score node { code phrase } } } }';

const getPath = (query: string, variables: object) =>
  `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
const get = (query: string, variables: object): SoakRequest => ({
  method: 'GET',
  path: getPath(query, variables),
  headers: { accept },
});
const post = (query: string, variables: object): SoakRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { accept, 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

/** ETags of the everyday lookups, fetched before the run, so a share of GETs revalidate (304). */
const etags = new Map<string, string>();
const everyday = [200, 201, 204, 301, 304, 400, 401, 403, 404, 429, 500, 503];

/** The mix: each connection draws its next request from here. */
function nextRequest(): SoakRequest {
  const roll = Math.random();
  if (roll < 0.25) return get(lookup, { code: pick(codes) });
  if (roll < 0.35) {
    const request = get(lookup, { code: pick(everyday) });
    const etag = etags.get(request.path);
    return etag ? { ...request, headers: { ...request.headers, 'if-none-match': etag } } : request;
  }
  if (roll < 0.5) return post(lookup, { code: pick(codes) });
  if (roll < 0.6) return get(list, { classes: [pick(classes)], first: pick([5, 20, 100]) });
  if (roll < 0.7) return post(list, { classes: [pick(classes)], first: pick([5, 20, 100]) });
  if (roll < 0.85) return get(search, { query: pick(searches) });
  return post(search, { query: pick(searches) });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The child's resident set size in MB, from /proc on Linux or from ps elsewhere. */
function rssMegabytes(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  }
}

async function run(duration: number, origin: string): Promise<CannonResult> {
  const options = {
    url: origin,
    connections,
    duration,
    timeout: 10,
    // Keep autocannon's own fields (the Host header comes from them) and replace the rest.
    requests: [{ setupRequest: (request: object) => ({ ...request, ...nextRequest() }) }],
  };
  return await autocannon(options);
}

async function main(): Promise<void> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
  const server = spawn(process.execPath, ['dist/main.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  const giveUp = setTimeout(
    () => {
      console.error('soak: took too long; stopping');
      server.kill('SIGKILL');
      process.exit(1);
    },
    (warmUpSeconds + seconds + 60) * 1000,
  );

  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${origin}/ready`)).ok) break;
    } catch {
      if (attempt > 300) throw new Error('the server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const code of everyday) {
    const request = get(lookup, { code });
    const response = await fetch(`${origin}${request.path}`, { headers: request.headers });
    etags.set(request.path, response.headers.get('etag')!);
  }

  console.log(`soak: warming up for ${warmUpSeconds} s at ${connections} connections`);
  await run(warmUpSeconds, origin);
  const rssAfterWarmUp = rssMegabytes(server.pid!);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMegabytes(server.pid!)), 1000);
  console.log(`soak: ${seconds} s at ${connections} connections, RSS after warm-up ${rssAfterWarmUp.toFixed(1)} MB`);
  const result = await run(seconds, origin);
  clearInterval(sampler);
  const rssAtEnd = rssMegabytes(server.pid!);

  const check = await fetch(`${origin}${get(lookup, { code: 404 }).path}`);
  const answer = (await check.json()) as { data?: { statusCode?: { phrase?: string } } };
  server.kill('SIGTERM');
  const exitCode = await exited;
  clearTimeout(giveUp);

  const byStatus = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
  );
  const answered = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  const unexpected = Object.entries(byStatus)
    .filter(([status]) => !(status.startsWith('2') || status === '304'))
    .reduce((sum, [, count]) => sum + count, 0);
  const growth = (rssAtEnd - rssAfterWarmUp) / rssAfterWarmUp;
  const report = {
    seconds,
    connections,
    requests: answered,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: Number(result.latency.average.toFixed(2)) },
    statusCodes: byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    notOkOr304: unexpected,
    rssMb: {
      afterWarmUp: Number(rssAfterWarmUp.toFixed(1)),
      peak: Number(Math.max(...samples).toFixed(1)),
      atEnd: Number(rssAtEnd.toFixed(1)),
      growth: `${(growth * 100).toFixed(1)}%`,
    },
    answersAfterwards: answer.data?.statusCode?.phrase === 'Not Found',
    stoppedCleanly: exitCode === 0,
  };
  console.log(JSON.stringify(report, null, 2));
  const failed =
    result.errors > 0 ||
    result.timeouts > 0 ||
    unexpected > 0 ||
    growth > 0.2 ||
    !report.answersAfterwards ||
    !report.stoppedCleanly;
  console.log(failed ? 'soak: FAILED' : 'soak: passed');
  process.exit(failed ? 1 : 0);
}

await main();
