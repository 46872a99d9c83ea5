// deploy/nginx.conf in front of a real StatusQL server: what docs/operations.md "Behind nginx" says nginx does.
// Few requests per nginx, far below the conf's rate limit (50 r/s, burst 100).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from './helpers.js';
import { startNginx } from './nginx.js';
import { rawRequest, type RawAnswer } from './raw-http.js';
import { skipWithout } from './system-programs.js';

type Stack = { server: Awaited<ReturnType<typeof startServer>>; nginx: Awaited<ReturnType<typeof startNginx>> };

/** A StatusQL server and nginx in front of it; nginx keeps the server's address when it stops. */
async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const server = await startServer(env);
  try {
    return { server, nginx: await startNginx(Number(new URL(server.origin).port)) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

const graphqlJson = 'application/graphql-response+json';
const query = (code: number) => `{ statusCode(code: ${code}) { code phrase } }`;
const path = (text: string) => `/graphql?query=${encodeURIComponent(text)}`;
const get = (stack: Stack, text: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.nginx.origin}${path(text)}`, { headers: { accept: graphqlJson, ...headers } });
const codeOf = async (response: Response) =>
  ((await response.json()) as { data: { statusCode: { code: number } } }).data.statusCode.code;

const missing = skipWithout('nginx', 'nginx');

describe.skipIf(missing)('nginx running deploy/nginx.conf', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.nginx.close();
    await stack?.server.close();
  });

  test('caches a GET: MISS, then HIT with the same ETag and body; another Accept is its own entry', async () => {
    const first = await get(stack, query(404));
    const second = await get(stack, query(404));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers.get('x-cache-status')).toBe('MISS');
    expect(second.headers.get('x-cache-status')).toBe('HIT');
    expect(first.headers.get('etag')).toBeTruthy();
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe(await first.text());
    // A JSON client must not get the graphql-response+json entry ($http_accept in the key; the
    // server's Vary: Accept would do it too), and both entries stay cached side by side.
    const json = await get(stack, query(404), { accept: 'application/json' });
    expect(json.headers.get('x-cache-status')).toBe('MISS');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await get(stack, query(404))).headers.get('x-cache-status')).toBe('HIT');
  });

  test('answers If-None-Match with the cached ETag with 304 and no body', async () => {
    const { headers } = await get(stack, query(404));
    // gzip on: nginx weakens the server's strong ETag (W/"…"); either form must match.
    const notModified = await get(stack, query(404), { 'if-none-match': headers.get('etag')! });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('x-cache-status')).toBe('HIT');
    expect(await notModified.text()).toBe('');
  });

  test('never caches a POST', async () => {
    const post = () =>
      fetch(`${stack.nginx.origin}/graphql`, {
        method: 'POST',
        headers: { accept: graphqlJson, 'content-type': 'application/json' },
        body: JSON.stringify({ query: query(418) }),
      });
    for (const response of [await post(), await post()]) {
      expect(response.headers.get('x-cache-status')).not.toBe('HIT');
      expect(await codeOf(response)).toBe(418);
    }
  });

  test.each([
    ['a bad argument', query(42), 200],
    ['an unknown field', '{ nope }', 400],
  ])('never caches an answer with errors: %s', async (_, text, status) => {
    for (const response of [await get(stack, text), await get(stack, text)]) {
      expect(response.status).toBe(status);
      expect(response.headers.get('x-cache-status')).toBe('MISS');
      expect(((await response.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    }
  });

  // A Host of `x/graphql?query=<B>&` makes a server that builds its URL from Host answer B for A's
  // URL; nginx's cache key is A's. Each case asks a fresh code A (nothing cached yet), B is 500.
  const b = encodeURIComponent(query(500));
  const nginx400 = { status: 400, type: 'text/html', cache: undefined }; // refused by nginx itself
  test.each([
    [401, `Host: x/graphql?query=${b}&`, nginx400],
    [402, `Host: 127.0.0.1\r\nHost: x/graphql?query=${b}&`, nginx400],
    [403, `Host: x/graphql?query=${b}&\r\nHost: 127.0.0.1`, nginx400],
    // nginx accepts `#` in a host and passes it on; StatusQL refuses it (no-store).
    [405, 'Host: x#', { status: 400, type: 'application/json; charset=utf-8', cache: 'MISS' }],
  ])('a hostile Host cannot poison the cache for %i: %j', async (a, host, expected) => {
    const request = `GET ${path(query(a))} HTTP/1.1\r\n${host}\r\nAccept: ${graphqlJson}\r\nConnection: close\r\n\r\n`;
    const hostile = (await rawRequest(stack.nginx.port, request)) as RawAnswer;
    const header = (name: string) => hostile.headers.find(([key]) => key === name)?.[1];
    expect({ status: hostile.status, type: header('content-type'), cache: header('x-cache-status') }).toEqual(expected);
    if (expected === nginx400) expect(hostile.body).toContain('<title>400 Bad Request</title>');
    const after = await get(stack, query(a));
    expect(after.headers.get('x-cache-status')).toBe('MISS');
    expect(await codeOf(after)).toBe(a);
  });
});

describe.skipIf(missing)('nginx running deploy/nginx.conf, with StatusQL stopped', () => {
  let stack: Stack;
  let stopped = false;
  beforeAll(async () => {
    stack = await startStack({ CACHE_MAX_AGE: '1' });
  });
  afterAll(async () => {
    await stack?.nginx.close();
    if (!stopped) await stack?.server.close();
  });

  test('serves an expired entry STALE and answers 502 for anything uncached', async () => {
    const cached = await get(stack, query(404));
    expect(cached.headers.get('x-cache-status')).toBe('MISS');
    const body = await cached.text();
    // max-age=1 and nginx's clock counts whole seconds: expired for sure after 2 s.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await stack.server.close();
    stopped = true;
    const stale = await get(stack, query(404));
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache-status')).toBe('STALE');
    expect(await stale.text()).toBe(body);
    const uncached = await get(stack, query(503));
    expect(uncached.status).toBe(502);
    expect(uncached.headers.get('x-cache-status')).toBe('MISS');
  }, 10_000);
});
