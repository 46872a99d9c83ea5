/*
 * Latency of one in-process search over the whole catalogue (no GraphQL, no HTTP):
 * `npm run bench:search`. Prints the median and the 99th percentile per query kind and overall.
 */
import { catalogue } from '../catalogue/catalogue.js';
import { createSearch } from '../catalogue/search.js';
import { createSuggest } from '../catalogue/suggest.js';

const search = createSearch(catalogue);
const suggest = createSuggest(catalogue);

/** A mix of what people type or paste: words, typos, British spellings, scenarios, numbers, identifiers, log lines. */
const queries: Record<string, readonly string[]> = {
  words: ['rate limit', 'not found', 'gateway timeout', 'validation failed', 'file too big'],
  typos: ['gatway timeout', 'unauthroized', 'too many reqeusts', 'servcie unavailable'],
  british: ['unauthorised', 'authorisation failed', 'request cancelled', 'licence restriction'],
  scenarios: [
    'user sent wrong password',
    'server is down for maintenance',
    'too many api calls',
    'two users editing the same document',
  ],
  numbers: ['404', '4xx', '50', '40x', '5XX timeout'],
  identifiers: ['StatusNotFound', 'HTTPStatus.TOO_MANY_REQUESTS', ':unprocessable_entity'],
  'log lines': [
    '2026/12/01 09:14:07 [error] 31337#31337: *48213 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 198.51.100.23, server: shop.example.com, request: "GET /api/v2/carts HTTP/1.1", upstream: "http://10.20.30.40:9000/api/v2/carts", host: "shop.example.com"',
    "Access to fetch at 'https://api.example.com/v1/me' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check",
    '2026-12-01T09:14:07.381Z heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/reports" host=app.herokuapp.com request_id=9f86d081-884c-4d63-a7b1-5b8e2c9d4f10 fwd="203.0.113.9" dyno=web.1 connect=1ms service=30001ms status=503 bytes=0',
  ],
  // The longest a search may be, 1,000 characters: one word, or a page of words nobody uses.
  hostile: [
    'x'.repeat(1_000),
    Array.from({ length: 111 }, (_, index) => `qz${(index * 7919).toString(36)}vk`)
      .join(' ')
      .slice(0, 1_000),
  ],
};

const warmUpRounds = 2_000;
const rounds = 5_000;

function percentile(sorted: readonly bigint[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return Number(sorted[index]!) / 1_000;
}

/** Times `run` over every query, `rounds` times each, after a warm-up; returns sorted nanoseconds. */
function measure(run: (query: string) => unknown, list: readonly string[]): bigint[] {
  for (let round = 0; round < warmUpRounds; round += 1) for (const query of list) run(query);
  const samples: bigint[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of list) {
      const start = process.hrtime.bigint();
      run(query);
      samples.push(process.hrtime.bigint() - start);
    }
  }
  return samples.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function report(label: string, samples: readonly bigint[]): void {
  const median = percentile(samples, 0.5).toFixed(1).padStart(7);
  const p99 = percentile(samples, 0.99).toFixed(1).padStart(7);
  console.log(`${label.padEnd(20)} median ${median} µs   p99 ${p99} µs   (${samples.length} runs)`);
}

console.log(`search over ${catalogue.codes.length} codes, Node ${process.version}`);
const all: bigint[] = [];
for (const [kind, list] of Object.entries(queries)) {
  const samples = measure(search, list);
  all.push(...samples);
  report(`search: ${kind}`, samples);
}
report(
  'search: all',
  all.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
);
report(
  'suggest',
  measure((prefix) => suggest(prefix, 8), ['4', '40', 'rat', 'gatew', 'unauthoris', 'too many r', 'StatusNo']),
);
