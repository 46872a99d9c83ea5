/**
 * Can a client slow everyone else down with the heaviest requests the limits let through?
 * Starts StatusQL as `npm start` does, has 4 clients send the costliest requests that pass every
 * limit back to back (each with a new query text, so no cache helps), and meanwhile times a plain
 * lookup from a fifth client. Fails when a lookup takes over 1 s (issue 10's bound).
 *
 *   npm run bench:fairness [-- --seconds 20 --clients 4]
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { introspectionDumps } from '../test/introspection-dumps.js';
import { killAll, npmStartNodeFlags, root, send, startServer } from './servers.js';

const option = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const seconds = option('seconds', 20);
const heavyClients = option('clients', 4);

/** Costs just under MAX_COST (25,000): 8 introspection dumps of 2,812 values each. */
const introspection = introspectionDumps(8);
/** Every detail of 80 codes through the SDK's own fragments: the largest page under MAX_COST (24,248). */
const fragments = readFileSync(join(root, 'sdk/operations/fragments.graphql'), 'utf8');
const catalogue = `{ statusCodes(first: 80) { totalCount pageInfo { ...PageInfoFields } edges { cursor node { ...StatusCodeDetails class { ...StatusClassFields } } } } } ${fragments}`;
/** A search with facets and every detail of 60 results: the largest under MAX_COST (23,214). */
const search = `{ search(query: "error", first: 60) { totalCount pageInfo { ...PageInfoFields } facets { count class { ...StatusClassFields } } edges { score matches { field terms } node { ...StatusCodeDetails } } } } ${fragments}`;
/** A batch of ten of the above: its operations share one cost budget, so only the first run. */
const batch = (query: string) => JSON.stringify(Array.from({ length: 10 }, () => ({ query })));
const heavy = [introspection, catalogue, search];

const agent = new Agent({ keepAlive: true, maxSockets: heavyClients + 1 });

function post(
  url: string,
  query: string,
  body = JSON.stringify({ query }),
): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, ms: performance.now() - started, body }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;

async function main(): Promise<void> {
  console.log(
    `fairness: ${heavyClients} clients send the costliest requests the limits allow (every fourth as a batch of ten) for ${seconds} s`,
  );
  const server = await startServer(
    {
      id: 'statusql',
      label: 'StatusQL',
      entry: 'dist/main.js',
      plainNode: true,
      nodeFlags: npmStartNodeFlags(),
      env: { LOG_LEVEL: 'warn', WORKERS: '1' },
    },
    root,
    async (url) => {
      const answer = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      return answer.status === 200;
    },
  );
  const deadline = performance.now() + seconds * 1000;
  const heavyTimes: number[] = [];
  const failures: string[] = [];
  let counter = 0;
  const heavyLoop = async () => {
    while (performance.now() < deadline) {
      const query = `# ${counter++}\n${heavy[counter % heavy.length]}`;
      const batched = counter % 4 === 0;
      const answer = await post(server.url, query, batched ? batch(query) : undefined);
      const parsed = JSON.parse(answer.body) as { errors?: unknown } | Array<{ errors?: unknown }>;
      const clean = Array.isArray(parsed) ? !parsed[0]?.errors : !parsed.errors;
      if (answer.status !== 200 || !clean) failures.push(`${answer.status} ${answer.body.slice(0, 200)}`);
      heavyTimes.push(answer.ms);
    }
  };
  const lookupTimes: number[] = [];
  const lookupLoop = async () => {
    while (performance.now() < deadline) {
      const answer = await post(server.url, `# lookup ${counter++}\n{ statusCode(code: 404) { phrase } }`);
      if (answer.status !== 200) failures.push(`lookup ${answer.status}`);
      lookupTimes.push(answer.ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await Promise.all([...Array.from({ length: heavyClients }, heavyLoop), lookupLoop()]);
  await server.stop();
  const sortedLookups = [...lookupTimes].sort((a, b) => a - b);
  const sortedHeavy = [...heavyTimes].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `fairness: ${heavyClients} clients sent ${heavyTimes.length} of the costliest allowed requests in ${seconds} s (${(heavyTimes.length / seconds).toFixed(0)}/s), each ${ms(percentile(sortedHeavy, 0.5))} median`,
  );
  console.log(
    `fairness: meanwhile ${lookupTimes.length} lookups: p50 ${ms(percentile(sortedLookups, 0.5))}, p99 ${ms(percentile(sortedLookups, 0.99))}, max ${ms(sortedLookups.at(-1)!)}`,
  );
  if (failures.length > 0)
    console.log(`fairness: ${failures.length} answers were not a clean 200, e.g. ${failures[0]}`);
  const passed = failures.length === 0 && sortedLookups.at(-1)! < 1000;
  console.log(passed ? 'fairness: passed (every lookup under 1 s)' : 'fairness: FAILED');
  agent.destroy();
  process.exitCode = passed ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  killAll();
  process.exit(1);
});
