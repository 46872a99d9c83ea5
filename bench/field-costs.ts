/**
 * The cost model checked against the clock (docs/cost.md). Two tables:
 *
 * 1. Per call, search and suggest over what people type and what an attacker sends (words, a pasted
 *    line, repeated words, runs of one-letter words, one long word) at lengths up to their limits:
 *    the slowest measured beside what catalogue/work.ts declares.
 * 2. Per root field, the costliest request the default limits still accept: every field under it
 *    (through fragments, so the token limit allows the most), repeated by aliases and batched, as
 *    many times as the limits let through. Its measured time and size beside the estimate. A row
 *    over 50 ms or 1 MB is marked OVER, and the script exits non-zero.
 *
 * In process (yoga's fetch, no socket), so the times are the server's own work.
 *
 *   npm run bench:costs
 */
import { performance } from 'node:perf_hooks';
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { catalogue } from '../catalogue/catalogue.js';
import { createSearch } from '../catalogue/search.js';
import { createSuggest } from '../catalogue/suggest.js';
import { searchWork, suggestWork } from '../catalogue/work.js';
import { schema } from '../schema/index.js';
import { loadConfig } from '../server/config.js';
import { estimate } from '../server/yoga/use-cost-limit.js';
import { createStatusqlYoga, listBounds } from '../server/yoga/yoga.js';
import { introspectionDumps } from '../test/introspection-dumps.js';

const config = loadConfig({ LOG_LEVEL: 'silent' });
const { limits } = config;
const yoga = createStatusqlYoga(config);

/** The median of `runs` timings of `work`, in ms, after two unmeasured runs. */
async function medianMs(work: () => unknown, runs = 7): Promise<number> {
  for (let warm = 0; warm < 2; warm++) await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

// 1. Search and suggest, per call.
const words = 'gateway timeout upstream proxy token expired forbidden payload large rate limit'.split(' ');
const texts = (length: number): Record<string, string> => ({
  words: Array.from({ length }, (_, index) => words[index % words.length]).join(' '),
  'distinct words': Array.from({ length }, (_, index) => `w${index.toString(36)}x`).join(' '),
  'repeated word': 'a '.repeat(length),
  'one-letter words': 'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(length),
  'one long word': 'x'.repeat(length),
  'three-letter words': Array.from(
    { length },
    (_, index) => `a${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + ((index * 7) % 26))}`,
  ).join(' '),
  'pasted line':
    `upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.${length}`.repeat(
      length,
    ),
});
const search = createSearch(catalogue);
const suggest = createSuggest(catalogue);
const perCall: string[] = [
  '| call | length | slowest input | measured µs | declared µs |',
  '| --- | ---: | --- | ---: | ---: |',
];
let under = false;
for (const [name, longest, run, declared] of [
  ['search', 1000, (text: string) => search(text), (text: string) => searchWork({ query: text })],
  ['suggest', 100, (text: string) => suggest(text, 20), (text: string) => suggestWork({ prefix: text })],
] as const) {
  for (const length of [10, longest / 4, longest / 2, longest]) {
    let slowest = { input: '', us: 0, text: '' };
    for (const [input, text] of Object.entries(texts(length))) {
      const cut = text.slice(0, length).trim() || 'a';
      const us = (await medianMs(() => run(cut), 21)) * 1000;
      if (us > slowest.us) slowest = { input, us, text: cut };
    }
    const allowed = declared(slowest.text);
    if (slowest.us > allowed) under = true;
    perCall.push(
      `| ${name} | ${length} | ${slowest.input} | ${slowest.us.toFixed(0)} | ${allowed.toFixed(0)}${slowest.us > allowed ? ' UNDER' : ''} |`,
    );
  }
}
console.log(`Search and suggest per call (median of 21):\n\n${perCall.join('\n')}\n`);

// 2. The costliest accepted request per root field.
/** The costliest arguments of each root field, for a page of `page` items. */
const worstArguments = (page: number): Record<string, string> => ({
  search: `(query: "${texts(1000).words!.slice(0, 1000).trim()}", first: ${page})`,
  suggestions: `(prefix: "${texts(100)['one-letter words']!.slice(0, 100).trim()}", first: ${Math.min(page, 20)})`,
  statusCode: '(code: 404)',
  interpretStatus: '(code: 299)',
  statusCodes: `(first: ${page})`,
  symptoms: `(first: ${page})`,
  statusClass: '(kind: CLIENT_ERROR)',
  node: `(id: "${Buffer.from('StatusClass:CLIENT_ERROR').toString('base64')}")`,
  nodes: '(ids: $ids)',
});

/**
 * Every field under `type` reachable without required arguments, each object type once per path;
 * a connection (a field taking `first`) asks for a page of `page`.
 */
function everything(
  type: GraphQLObjectType,
  path: readonly string[],
  fragments: Map<string, string>,
  depth: number,
  page: number,
): string {
  const name = `All${type.name}${path.length}`;
  if (fragments.has(name)) return `...${name}`;
  fragments.set(name, '');
  const selections = Object.values(type.getFields()).flatMap((field: GraphQLField<unknown, unknown>) => {
    if (field.args.some((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined)) return [];
    const named = getNamedType(field.type);
    if (isLeafType(named)) return [field.name];
    if (!isObjectType(named) || path.includes(named.name) || path.length >= depth) return [];
    const paged = field.args.some((argument) => argument.name === 'first') ? `(first: ${page})` : '';
    return [`${field.name}${paged} { ${everything(named, [...path, named.name], fragments, depth, page)} }`];
  });
  fragments.set(name, `fragment ${name} on ${type.name} { ${selections.join(' ')} }`);
  return `...${name}`;
}

/** The query that asks `root` `aliases` times, everything under it. */
function rootQuery(root: GraphQLField<unknown, unknown>, aliases: number, depth: number, page: number): string {
  const fragments = new Map<string, string>();
  const all = (name: string) => everything(schema.getType(name) as GraphQLObjectType, [name], fragments, depth, page);
  const named = getNamedType(root.type);
  const selection = !isObjectType(named)
    ? ` { ... on StatusCode { ${all('StatusCode')} } ... on StatusClass { ${all('StatusClass')} } }`
    : ` { ${all(named.name)} }`;
  const fields = Array.from(
    { length: aliases },
    (_, index) => `a${index}: ${root.name}${worstArguments(page)[root.name] ?? ''}${selection}`,
  );
  const ids = root.name === 'nodes' ? '($ids: [ID!]!) ' : '';
  return `query ${ids}{ ${fields.join(' ')} } ${[...fragments.values()].join(' ')}`;
}

/** The variables every request carries: `page` ids for `nodes` (the page's codes, or one class repeated). */
const variables = (page: number) => ({
  ids: catalogue.codes.slice(0, page).map((record) => Buffer.from(`StatusCode:${record.code}`).toString('base64')),
  classIds: Array.from({ length: page }, () => Buffer.from('StatusClass:CLIENT_ERROR').toString('base64')),
});
type Make = (aliases: number, depth: number, page: number) => string;
/** What to try, by name: a query for a number of aliases, a depth of nesting and a page size. */
const candidates: [string, Make][] = [
  ...Object.values(schema.getQueryType()!.getFields()).map((root): [string, Make] => [
    root.name,
    (aliases, depth, page) => rootQuery(root, aliases, depth, page),
  ]),
  ['__schema (introspection dumps)', (aliases) => introspectionDumps(aliases)],
  [
    // A class's codes, each with its class's codes again: MAX_DEPTH (8) leaves room for the inner
    // page's cursors, not its nodes, now that a class's codes are a connection.
    'the class-codes cycle',
    (aliases, _depth, page) =>
      `query ($classIds: [ID!]!) { ${Array.from({ length: aliases }, (_, index) => `a${index}: nodes(ids: $classIds) { ... on StatusClass { codes(first: ${page}) { edges { node { statusClass { codes(first: ${page}) { totalCount edges { cursor } } } } } } } }`).join(' ')} }`,
  ],
];

const send = async (body: string) => {
  const response = await yoga.fetch('http://statusql/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
  });
  return { status: response.status, text: await response.text() };
};
/** Whether any operation of the answer has an error: it was refused, whole or in part. */
const refused = (text: string) => text.includes('"errors":[');
const batched = (query: string, batch: number, page: number) => {
  const operation = { query, variables: variables(page) };
  return JSON.stringify(batch === 1 ? operation : Array.from({ length: batch }, () => operation));
};

const rows: string[] = [
  '| request | aliases × batch | estimated values | estimated ms | estimated bytes | measured ms | measured bytes |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];
let over = false;
const mb = 1024 * 1024;
for (const [name, make] of candidates) {
  // For each depth and page size, the most copies the limits let through: the most aliases, then
  // the largest batch of them. Of those, the one with the most estimated work.
  let costliest: { aliases: number; batch: number; query: string; workUs: number; page: number } | undefined;
  for (const depth of [1, 2, 3, 4]) {
    for (const page of [100, 50, 20, 10, 5]) {
      let found = false;
      for (let aliases = limits.aliases; aliases >= 1 && !found; aliases--) {
        const query = make(aliases, depth, page);
        for (let batch = Math.max(limits.batch, 1); batch >= 1 && !found; batch--) {
          const answer = await send(batched(query, batch, page));
          if (answer.status !== 200 || refused(answer.text)) {
            if (process.env['DEBUG_COSTS'] && aliases === 1 && batch === 1)
              console.log(name, depth, page, answer.text.slice(0, 300));
            continue;
          }
          found = true;
          const workUs = estimate(schema, parse(query), undefined, variables(page), listBounds).workUs * batch;
          if (!costliest || workUs > costliest.workUs) costliest = { aliases, batch, query, workUs, page };
        }
      }
    }
  }
  if (!costliest) {
    rows.push(`| ${name} | none accepted | | | | | |`);
    continue;
  }
  const { aliases, batch, query, page } = costliest;
  const estimated = estimate(schema, parse(query), undefined, variables(page), listBounds);
  const body = batched(query, batch, page);
  let bytes = 0;
  const ms = await medianMs(async () => (bytes = Buffer.byteLength((await send(body)).text)));
  const flag = ms > limits.workMs || bytes > mb ? ' OVER' : '';
  if (flag) over = true;
  rows.push(
    `| ${name} | ${aliases} × ${batch} | ${estimated.values * batch} | ${((estimated.workUs * batch) / 1000).toFixed(1)} | ${estimated.bytes * batch} | ${ms.toFixed(1)}${flag} | ${bytes} |`,
  );
}
console.log(
  `The costliest request each root field allows under the default limits (MAX_COST ${limits.cost}, MAX_WORK_MS ${limits.workMs}, MAX_ANSWER_BYTES ${limits.answerBytes}); median of 7:\n\n${rows.join('\n')}\n`,
);
if (under) console.log('A search or suggest took longer than catalogue/work.ts declares (UNDER): raise its figures.');
if (over) console.log('A request the limits accept took over 50 ms or returned over 1 MB (OVER).');
process.exitCode = under || over ? 1 : 0;
