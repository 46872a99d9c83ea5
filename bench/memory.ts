/**
 * `npm run soak:memory [-- --seconds N] [-- --connections N]`: proves the server's memory stays
 * bounded under hostile-but-valid traffic, where no two requests are alike. It starts the server as
^ * `npm start` does (`node <its flags> dist/main.js`, default settings but HOST=127.0.0.1, a free PORT and
 * LOG_LEVEL=warn; built first with `npm run build:server`), then for 5 minutes (`--seconds`) keeps
 * 32 keep-alive connections (`--connections`) busy with requests that each carry a new query text
 * (operation name, alias and a comment hold a counter) and new variables: lookups of a random code
 * 100–599, searches for random words and big introspection queries, over POST and GET. Every POST
 * also sends a 60–90 KiB `pad` variable of random characters (under the 100 KiB body limit), every
 * GET a 4–10 KiB one (Node refuses request headers over 16 KiB with 431). The operations do not
 * declare `pad` (an unused variable is a validation error): GraphQL ignores variables an operation
 * does not define, so the requests stay valid while the server still receives the padding.
 *
 * It samples the server's RSS (VmRSS in /proc/<pid>/status) every second, prints a row per 30 s,
 * then stops the server with SIGTERM and waits for it to exit. Exits 1 when the peak RSS is above
 * 250 MB, when any answer was not a 200 without GraphQL errors (or a request failed), or when the
 * server did not stop; 0 otherwise.
 *
 * STATUSQL_MAIN=/path/to/dist/main.js runs another build (say, a worktree of the last good commit)
 * as it is, without building; its cwd is the directory above its dist/.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getIntrospectionQuery } from 'graphql';
import { requestHeaders } from './load.js';
import { killAll, memoryOf, npmStartNodeFlags, root, send, startServer } from './servers.js';

const targetRssMb = 250;
const rowSeconds = 30;
const requestTimeoutMs = 10_000;
const postPad = [60 * 1024, 90 * 1024] as const;
// A GET's request line must stay under Node's 16 KiB header limit, with the introspection query in it.
const getPad = [4 * 1024, 9 * 1024] as const;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`memory: --${name} takes a whole number of at least 1`);
    process.exit(2);
  }
  return value;
}

const seconds = option('seconds', 300);
const connections = option('connections', 32);
const entry = resolve(process.env['STATUSQL_MAIN'] || join(root, 'dist/main.js'));

// ---------------------------------------------------------------------------------------------
// The traffic

type Kind = 'lookup' | 'search' | 'introspection';
type Method = 'GET' | 'POST';

/** Shares of the mix, in order; they add up to 1. */
const mix: ReadonlyArray<readonly [Kind, Method, number]> = [
  ['lookup', 'POST', 0.35],
  ['lookup', 'GET', 0.2],
  ['search', 'POST', 0.15],
  ['search', 'GET', 0.1],
  ['introspection', 'POST', 0.13],
  ['introspection', 'GET', 0.07],
];

/** Random characters that need no escaping in JSON or in a URL. */
const randomText = (length: number) =>
  randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64url')
    .slice(0, length);
const between = ([low, high]: readonly [number, number]) => randomInt(low, high + 1);
const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;

const catalogue = JSON.parse(readFileSync(join(root, 'catalogue/status-codes.json'), 'utf8')) as { phrase: string }[];
/** Words people search for (the catalogue's phrases), some with a typo, among random non-words. */
const vocabulary = [
  ...new Set(
    catalogue.flatMap((entry) => entry.phrase.toLowerCase().split(/[^a-z]+/)).filter((word) => word.length > 2),
  ),
];
function searchText(): string {
  const words = Array.from({ length: randomInt(1, 4) }, () => {
    const roll = Math.random();
    if (roll < 0.4) return pick(vocabulary);
    if (roll < 0.7) {
      const word = pick(vocabulary);
      const at = randomInt(word.length);
      return word.slice(0, at) + String.fromCharCode(97 + randomInt(26)) + word.slice(at + 1);
    }
    return Array.from({ length: randomInt(3, 10) }, () => String.fromCharCode(97 + randomInt(26))).join('');
  });
  return words.join(' ').slice(0, 200);
}

const lookupFields = [
  'code phrase',
  'code phrase title',
  'code phrase statusClass { range label }',
  'code phrase commonUsage retryable',
];
const introspections = [
  getIntrospectionQuery(),
  getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  }),
];

let counter = 0;

/** A request no earlier one matched: its query text holds a counter, its variables random values. */
function nextRequest(): { kind: Kind; method: Method; query: string; variables: Record<string, unknown> } {
  let roll = Math.random();
  const [kind, method] = mix.find(([, , share]) => (roll -= share) < 0) ?? mix[0]!;
  const n = ++counter;
  const comment = `# request ${n} ${randomText(8)}\n`;
  const pad = randomText(between(method === 'POST' ? postPad : getPad));
  if (kind === 'lookup') {
    return {
      kind,
      method,
      query: `${comment}query Lookup${n}($c: Int!) {\n  s${n}: statusCode(code: $c) { ${pick(lookupFields)} }\n}`,
      variables: { c: randomInt(100, 600), pad },
    };
  }
  if (kind === 'search') {
    return {
      kind,
      method,
      query: `${comment}query Search${n}($q: String!, $first: Int) {\n  r${n}: search(query: $q, first: $first) { totalCount edges { score node { code phrase } } }\n}`,
      variables: { q: searchText(), first: randomInt(1, 21), pad },
    };
  }
  return {
    kind,
    method,
    query: comment + pick(introspections).replace('query IntrospectionQuery', `query Introspection${n}`),
    variables: { pad },
  };
}

// ---------------------------------------------------------------------------------------------
// The run

interface Tally {
  requests: number;
  byKind: Map<string, number>;
  /** Answers other than 200, by status, with one body each. */
  badStatus: Map<number, { count: number; example: string }>;
  /** 200s whose body holds GraphQL errors (the traffic is meant to be valid). */
  withErrors: { count: number; example: string };
  /** Requests that got no answer: socket errors and timeouts. */
  failed: { count: number; example: string };
}

const tally: Tally = {
  requests: 0,
  byKind: new Map(),
  badStatus: new Map(),
  withErrors: { count: 0, example: '' },
  failed: { count: 0, example: '' },
};

async function connection(graphql: string, going: () => boolean): Promise<void> {
  while (going()) {
    const request = nextRequest();
    const label = `${request.method} ${request.kind}`;
    tally.byKind.set(label, (tally.byKind.get(label) ?? 0) + 1);
    try {
      const answer =
        request.method === 'POST'
          ? await send(graphql, {
              method: 'POST',
              headers: requestHeaders,
              body: JSON.stringify({ query: request.query, variables: request.variables }),
              timeoutMs: requestTimeoutMs,
            })
          : await send(
              `${graphql}?query=${encodeURIComponent(request.query)}&variables=${encodeURIComponent(JSON.stringify(request.variables))}`,
              { method: 'GET', headers: { accept: requestHeaders.accept }, timeoutMs: requestTimeoutMs },
            );
      tally.requests++;
      if (answer.status !== 200) {
        const bad = tally.badStatus.get(answer.status) ?? {
          count: 0,
          example: `${label}: ${answer.text.slice(0, 600)}`,
        };
        bad.count++;
        tally.badStatus.set(answer.status, bad);
      } else {
        let errors: unknown;
        try {
          errors = (JSON.parse(answer.text) as { errors?: unknown }).errors;
        } catch {
          errors = 'the body is not JSON';
        }
        if (errors !== undefined) {
          if (tally.withErrors.count++ === 0) tally.withErrors.example = `${label}: ${answer.text.slice(0, 600)}`;
        }
      }
    } catch (error) {
      tally.requests++;
      if (tally.failed.count++ === 0) tally.failed.example = `${label}: ${(error as Error).message}`;
    }
  }
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const cells = (values: (string | number)[]) =>
  values.map((value, index) => String(value).padStart(index === 0 ? 7 : 10)).join('  ');

async function main(): Promise<void> {
  if (!process.env['STATUSQL_MAIN']) {
    try {
      execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
    } catch {
      console.error(
        'memory: `npm run build:server` failed; build a good checkout and point STATUSQL_MAIN at its dist/main.js',
      );
      process.exit(2);
    }
  }
  const giveUp = setTimeout(
    () => {
      console.error('memory: took too long; stopping');
      killAll();
      process.exit(1);
    },
    (seconds + 120) * 1000,
  );
  process.once('SIGINT', () => {
    killAll();
    process.exit(130);
  });

  const cwd = dirname(dirname(entry));
  const server = await startServer(
    {
      id: 'statusql',
      label: 'StatusQL',
      entry,
      plainNode: true,
      nodeFlags: npmStartNodeFlags(),
      env: { LOG_LEVEL: 'warn', WORKERS: '1' },
    },
    cwd,
    async (url) => {
      return (await send(url.replace(/graphql$/, 'ready'), { method: 'GET', timeoutMs: 1000 })).status === 200;
    },
  );
  const idle = memoryOf(server.pid)?.rssMb ?? Number.NaN;
  console.log(`memory: ${entry} (pid ${server.pid}) at ${server.url}, RSS at start ${fixed(idle)} MB`);
  console.log(
    `memory: ${seconds} s at ${connections} connections; every request a new query text and new variables; target peak RSS ≤ ${targetRssMb} MB`,
  );
  console.log(cells(['elapsed', 'requests', 'req/s', 'RSS MB', 'peak MB']));

  const started = performance.now();
  let deadline = started + seconds * 1000;
  // A server that exits under the load ends the run: that is a failure in itself.
  let diedAfter: number | undefined;
  void server.exit((seconds + 120) * 1000).then((exited) => {
    if (!exited || performance.now() >= deadline) return;
    diedAfter = (performance.now() - started) / 1000;
    deadline = performance.now();
    console.log(`memory: the server exited after ${fixed(diedAfter)} s`);
  });
  const samples: { at: number; rssMb: number }[] = [];
  let sampledPeak = idle;
  let lastRow = { at: 0, requests: 0 };
  const row = (elapsed: number, rssMb: number) => {
    const rate = (tally.requests - lastRow.requests) / (elapsed - lastRow.at);
    console.log(cells([`${Math.round(elapsed)} s`, tally.requests, fixed(rate, 0), fixed(rssMb), fixed(sampledPeak)]));
    lastRow = { at: elapsed, requests: tally.requests };
  };
  const sample = () => {
    const elapsed = (performance.now() - started) / 1000;
    const rssMb = memoryOf(server.pid)?.rssMb ?? Number.NaN;
    samples.push({ at: elapsed, rssMb });
    if (rssMb > sampledPeak) sampledPeak = rssMb;
    if (elapsed - lastRow.at >= rowSeconds - 0.5) row(elapsed, rssMb);
  };
  const sampler = setInterval(sample, 1000);

  await Promise.all(
    Array.from({ length: connections }, () => connection(server.url, () => performance.now() < deadline)),
  );
  clearInterval(sampler);
  sample();
  if (lastRow.requests !== tally.requests) row(samples.at(-1)!.at, samples.at(-1)!.rssMb);
  const elapsed = (performance.now() - started) / 1000;
  const highWaterMb = server.highWaterMb();
  const finePeakMb = server.peakRssMb();
  const peakMb = Math.max(...[sampledPeak, finePeakMb, highWaterMb].filter(Number.isFinite));

  const check =
    diedAfter !== undefined
      ? { status: 0, text: 'the server had exited' }
      : await send(server.url, {
          method: 'POST',
          headers: requestHeaders,
          body: JSON.stringify({ query: '{ statusCode(code: 404) { phrase } }' }),
        }).catch((error: Error) => ({ status: 0, text: error.message }));
  const answersAfterwards = check.status === 200 && check.text.includes('Not Found');
  let stopped = false;
  if (diedAfter === undefined) {
    process.kill(server.pid, 'SIGTERM');
    stopped = await server.exit(15_000);
  }
  await server.stop();
  clearTimeout(giveUp);

  const curve = [
    ...new Set(
      samples
        .filter((_, index) => index % 10 === 9 || index === samples.length - 1)
        .map(({ at, rssMb }) => `${Math.round(at)}s:${Math.round(rssMb)}`),
    ),
  ].filter((point, index, points) => point.split(':')[0] !== points[index + 1]?.split(':')[0]);
  console.log(
    `\nmemory: ${tally.requests} requests in ${fixed(elapsed)} s (${fixed(tally.requests / elapsed, 0)} req/s)`,
  );
  console.log(`  by kind: ${[...tally.byKind].map(([label, count]) => `${label} ${count}`).join(', ')}`);
  console.log(`  RSS every 10 s (MB): ${curve.join(' ')}`);
  console.log(`  RSS at start ${fixed(idle)} MB, at end ${fixed(samples.at(-1)?.rssMb ?? Number.NaN)} MB`);
  console.log(
    `  peak RSS ${fixed(peakMb)} MB (1 s samples ${fixed(sampledPeak)}, 200 ms samples ${fixed(finePeakMb)}, VmHWM ${fixed(highWaterMb)}); target ≤ ${targetRssMb} MB`,
  );
  const notOk = [...tally.badStatus.values()].reduce((sum, { count }) => sum + count, 0);
  console.log(`  answers other than 200: ${notOk}`);
  for (const [status, { count, example }] of tally.badStatus) console.log(`    ${status}: ${count}, e.g. ${example}`);
  console.log(
    `  200 with GraphQL errors: ${tally.withErrors.count}${tally.withErrors.count ? `, e.g. ${tally.withErrors.example}` : ''}`,
  );
  console.log(
    `  no answer (socket error or timeout): ${tally.failed.count}${tally.failed.count ? `, e.g. ${tally.failed.example}` : ''}`,
  );
  if (diedAfter !== undefined) console.log(`  the server exited on its own after ${fixed(diedAfter)} s`);
  else
    console.log(
      `  answers afterwards: ${answersAfterwards ? 'yes' : `no (${check.status} ${check.text.slice(0, 200)})`}; stopped on SIGTERM: ${stopped ? 'yes' : 'no (killed)'}`,
    );
  const log = server.output().trim();
  if (log) console.log(`  server output (last lines):\n${log.split('\n').slice(-20).join('\n')}`);

  const reasons = [
    ...(peakMb > targetRssMb ? [`peak RSS ${fixed(peakMb)} MB is above ${targetRssMb} MB`] : []),
    ...(notOk + tally.withErrors.count + tally.failed.count > 0 ? ['some requests failed'] : []),
    ...(tally.requests === 0 ? ['no requests completed'] : []),
    ...(diedAfter !== undefined ? [`the server exited after ${fixed(diedAfter)} s`] : []),
    ...(diedAfter === undefined && !answersAfterwards ? ['the server did not answer afterwards'] : []),
    ...(diedAfter === undefined && !stopped ? ['the server did not stop on SIGTERM'] : []),
  ];
  console.log(reasons.length ? `memory: FAILED: ${reasons.join('; ')}` : 'memory: passed');
  process.exit(reasons.length ? 1 : 0);
}

try {
  await main();
} catch (error) {
  console.error(error);
  killAll();
  process.exit(1);
}
