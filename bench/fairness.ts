/**
 * Can a client slow everyone else down with the heaviest requests the limits let through?
 * Starts StatusQL as `npm start` does, has 4 clients send the costliest requests that pass every
 * limit back to back (each with a new query text, so no cache helps), and meanwhile times a plain
 * lookup from a fifth client. Fails when the lookup's p99 passes 250 ms (issue 22's bound) or a heavy
 * request's first operation is refused.
 *
 *   npm run bench:fairness [-- --seconds 20 --clients 4]
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { catalogue as symptomCatalogue } from '../catalogue/catalogue.js';
import { introspectionDumps } from '../test/introspection-dumps.js';
import { pinLoadGenerator, pinningNote } from './pinning.js';
import { killAll, npmStartNodeFlags, root, send, startServer } from './servers.js';

const option = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const seconds = option('seconds', 20);
const heavyClients = option('clients', 4);

/** Costs just under MAX_COST (25,000): 6 introspection dumps of 3,879 values each. */
const introspection = introspectionDumps(6);
/** Every detail of 54 codes through the SDK's own fragments: the largest page under MAX_COST (24,632). */
const fragments = readFileSync(join(root, 'sdk/operations/fragments.graphql'), 'utf8');
const catalogue = `{ statusCodes(first: 54) { totalCount pageInfo { ...PageInfoFields } edges { cursor node { ...StatusCodeDetails statusClass { ...StatusClassFields } } } } } ${fragments}`;
/** A search with facets and every detail of 52 results: the largest under MAX_COST (24,546). */
const search = `{ search(query: "error", first: 52) { totalCount pageInfo { ...PageInfoFields } classFacets { count statusClass { ...StatusClassFields } } edges { score matches { field terms } node { ...StatusCodeDetails } } } } ${fragments}`;
/** Issue 22's attacks, at what the limits now let through: */
const aliased = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${selection}`).join(' ')} }`;
/** 15 suggestions on a run of one-letter words (5 ms each before), batched ten times: five run; */
const suggestions = aliased(
  15,
  `suggestions(prefix: "${'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(4).slice(0, 100).trim()}", first: 20) { text statusCode { code } }`,
);
/** 15 searches of 1,000 characters, batched ten times: one runs; */
const searches = `query ($q: String!) ${aliased(15, 'search(query: $q, first: 100) { totalCount edges { node { code phrase } } }')}`;
const longQuery = 'gateway timeout upstream proxy token expired forbidden payload large rate limit '
  .repeat(13)
  .slice(0, 1000);
/**
 * 5 dumps of every symptom: about 960 KB, the most MAX_ANSWER_BYTES allows (2.3 MB from 15 before).
 * A page holds at most 100, so each dump is two pages: the first 100 and the rest (`last`).
 */
const symptomFields = 'totalCount edges { node { message meaning checkFirst example reference seenIn } }';
const symptoms = `{ ${Array.from(
  { length: 5 },
  (_, index) =>
    `a${index}: symptoms(first: 100) { ${symptomFields} } b${index}: symptoms(last: ${Math.min(100, symptomCatalogue.symptoms.length - 100)}) { ${symptomFields} }`,
).join(' ')} }`;

/** A batch of ten: its operations share one cost budget, so only those that fit run. */
const batch = (query: string, variables?: object) =>
  JSON.stringify(Array.from({ length: 10 }, () => ({ query, variables })));
/** The heaviest requests, each made new by a comment so that no cache helps. */
const heavy: ((comment: string) => string)[] = [
  ...[introspection, catalogue, search, symptoms].map(
    (query) => (comment: string) => JSON.stringify({ query: `${comment}\n${query}` }),
  ),
  ...[introspection, catalogue, search].map((query) => (comment: string) => batch(`${comment}\n${query}`)),
  (comment) => batch(`${comment}\n${suggestions}`),
  (comment) => batch(`${comment}\n${searches}`, { q: longQuery }),
];

const agent = new Agent({ keepAlive: true, maxSockets: heavyClients + 1 });

function post(url: string, body: string): Promise<{ status: number; ms: number; body: string }> {
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
  pinLoadGenerator();
  console.log(
    `fairness: ${heavyClients} clients send the costliest requests the limits allow, alone and in batches of ten, for ${seconds} s. ${pinningNote}`,
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
      const answer = await post(server.url, heavy[counter % heavy.length]!(`# ${counter++}`));
      const parsed = JSON.parse(answer.body) as { errors?: unknown } | Array<{ errors?: unknown }>;
      const clean = Array.isArray(parsed) ? !parsed[0]?.errors : !parsed.errors;
      if (answer.status !== 200 || !clean) failures.push(`${answer.status} ${answer.body.slice(0, 200)}`);
      heavyTimes.push(answer.ms);
    }
  };
  const lookupTimes: number[] = [];
  const lookupLoop = async () => {
    while (performance.now() < deadline) {
      const answer = await post(
        server.url,
        JSON.stringify({ query: `# lookup ${counter++}\n{ statusCode(code: 404) { phrase } }` }),
      );
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
  const passed = failures.length === 0 && percentile(sortedLookups, 0.99) < 250;
  console.log(passed ? 'fairness: passed (lookup p99 under 250 ms)' : 'fairness: FAILED');
  agent.destroy();
  process.exitCode = passed ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  killAll();
  process.exit(1);
});
