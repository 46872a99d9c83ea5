import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { release } from '../server/release.js';
import { startServer, type TestServer } from './helpers.js';

const lookup = '{ statusCode(code: 404) { code phrase } }';
const lookupUrl = `/graphql?query=${encodeURIComponent(lookup)}`;
const lookupData = { data: { statusCode: { code: 404, phrase: 'Not Found' } } };
const etagPattern = new RegExp(`^"${release.id.replace(/[.+]/g, '\\$&')}-[\\w-]{22}"$`);

// Caching is HTTP's business: every test here talks to a real server over a socket.
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Fetches a path of `on` (the default server unless given). */
const request = (path: string, init: RequestInit = {}, on?: TestServer) =>
  fetch(`${(on ?? server).origin}${path}`, init);
// fetch() adds `Cache-Control: no-cache` to a conditional request unless it has one of its own.
const get = (headers: Record<string, string> = {}, url = lookupUrl) =>
  request(url, { headers: { 'cache-control': 'max-age=0', ...headers } });

/** A server with `env`, for the tests of one setting. */
async function withServer(env: Record<string, string>, test: (on: TestServer) => Promise<void>): Promise<void> {
  const other = await startServer(env);
  try {
    await test(other);
  } finally {
    await other.close();
  }
}

describe('the release in every ETag', () => {
  it('is the package version plus a hash of the two catalogue files', () => {
    const read = (path: string) => readFileSync(new URL(path, import.meta.url));
    const hash = createHash('sha256')
      .update(read('../catalogue/status-codes.json'))
      .update(read('../catalogue/code-guides.json'))
      .digest('hex');
    const { version } = JSON.parse(read('../package.json').toString('utf8'));
    expect(release.id).toBe(`${version}+${hash.slice(0, 12)}`);
  });
});

describe('a successful GET', () => {
  it('is public for CACHE_MAX_AGE seconds, with a strong, quoted ETag and Vary: Accept', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(lookupData);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('etag')).toMatch(etagPattern);
    expect(response.headers.get('vary')).toBe('Accept');
    expect(response.headers.get('last-modified')).toBeNull();
  });

  it('keeps its ETag when answered again from the answer cache', async () => {
    const first = (await get()).headers.get('etag');
    const second = (await get()).headers.get('etag');
    expect(second).toBe(first);
  });

  it('has another ETag for another media type or another query', async () => {
    const json = (await get({ accept: 'application/json' })).headers.get('etag');
    const graphqlResponse = await get({ accept: 'application/graphql-response+json' });
    expect(graphqlResponse.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(graphqlResponse.headers.get('etag')).not.toBe(json);
    const other = await get({}, `/graphql?query=${encodeURIComponent('{ statusCode(code: 410) { code } }')}`);
    expect(other.headers.get('etag')).not.toBe(json);
  });

  it('takes max-age from CACHE_MAX_AGE', async () => {
    await withServer({ CACHE_MAX_AGE: '60' }, async (on) => {
      const response = await request(lookupUrl, {}, on);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    });
  });
});

describe('If-None-Match', () => {
  let etag: string;
  beforeAll(async () => {
    etag = (await get()).headers.get('etag')!;
  });

  it.each([
    ['the same entity-tag', (tag: string) => tag],
    ['the weak form of it (weak comparison)', (tag: string) => `W/${tag}`],
    ['a list holding it', (tag: string) => `"0.0.0+000000000000-x", ${tag}, "other"`],
    ['*', () => '*'],
  ])('answers 304 with no body to %s', async (_name, condition) => {
    const response = await get({ 'if-none-match': condition(etag) });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(response.headers.get('etag')).toBe(etag);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('vary')).toBe('Accept');
    expect(response.headers.get('content-type')).toBeNull();
  });

  it.each([
    ['another entity-tag', '"0.0.0+000000000000-AAAAAAAAAAAAAAAAAAAAAA"'],
    ['the tag unquoted', (tag: string) => tag.slice(1, -1)],
    ['an entity-tag of an older release', (tag: string) => tag.replace(release.id, '0.0.9+000000000000')],
  ] as const)('answers 200 with the body to %s', async (_name, condition) => {
    const response = await get({ 'if-none-match': typeof condition === 'string' ? condition : condition(etag) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(lookupData);
  });

  // RFC 9110 §13.1.2: the origin answers 304 whatever the request's Cache-Control says; fetch()
  // adds `no-cache` to every conditional request, so browsers and the SDK revalidate through it.
  it('answers 304 to a request that also says Cache-Control: no-cache, as fetch() sends it', async () => {
    const response = await get({ 'if-none-match': etag, 'cache-control': 'no-cache' });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
  });
});

describe('what is not cached', () => {
  it.each([
    [
      'a POST',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: lookup }) },
      200,
    ],
    [
      'a GET whose field fails',
      { url: `/graphql?query=${encodeURIComponent('{ statusCode(code: 42) { code } }')}` },
      200,
    ],
    ['a GET that does not validate', { url: `/graphql?query=${encodeURIComponent('{ nope }')}` }, 400],
    ['a GET without a query', { url: '/graphql', headers: { accept: 'application/json' } }, 400],
    [
      'a preflight',
      { method: 'OPTIONS', headers: { origin: 'https://example.com', 'access-control-request-method': 'POST' } },
      204,
    ],
  ] as const)('%s is no-store, without an ETag', async (_name, init, status) => {
    const { url = '/graphql', ...rest } = init as RequestInit & { url?: string };
    const response = await request(url, {
      ...rest,
      headers: { 'if-none-match': '*', ...(rest.headers as Record<string, string>) },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  it.each(['/health', '/ready'])('%s is no-store', async (path) => {
    const response = await request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GraphiQL', () => {
  it('is revalidated on every use, as it names files the next build replaces, and varies by Accept', async () => {
    const response = await request('/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('vary')).toBe('Accept, accept-encoding');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(etagPattern);
    const again = await request('/graphql', {
      headers: { accept: 'text/html', 'if-none-match': etag, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
  });
});

describe('CORS', () => {
  it('sends * whether or not the request has an Origin, so a cached answer fits every client', async () => {
    const response = await get();
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('vary')).toBe('Accept');
  });

  it('lets any origin read a response when CORS_ORIGIN is * (the default), with every header exposed', async () => {
    const response = await get({ origin: 'https://dashboard.example' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept');
  });

  it('answers a preflight with 204, the methods of the one CORS configuration, and the requested headers', async () => {
    const response = await request('/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dashboard.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-trace',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, x-trace');
    expect(response.headers.get('access-control-max-age')).toBe('86400');
  });

  describe('with CORS_ORIGIN set to a list', () => {
    const env = { CORS_ORIGIN: 'https://a.example,https://b.example' };

    it('echoes a listed origin and varies every answer by Origin', () =>
      withServer(env, async (on) => {
        const listed = await request(lookupUrl, { headers: { origin: 'https://b.example' } }, on);
        expect(listed.headers.get('access-control-allow-origin')).toBe('https://b.example');
        expect(listed.headers.get('vary')).toBe('Origin, Accept');
        const without = await request(lookupUrl, {}, on);
        expect(without.headers.get('access-control-allow-origin')).toBeNull();
        expect(without.headers.get('vary')).toBe('Origin, Accept');
      }));

    it('gives an unlisted origin no CORS headers', () =>
      withServer(env, async (on) => {
        const response = await request(lookupUrl, { headers: { origin: 'https://evil.example' } }, on);
        expect(response.status).toBe(200);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }));
  });
});
