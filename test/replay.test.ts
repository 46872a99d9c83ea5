import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayCache } from '../server/replay-cache.js';
import { createStatusqlApp, type StatusqlApp } from '../server/yoga.js';
import { testConfig } from './helpers.js';

const lookup = '{ statusCode(code: 404) { code phrase } }';

/** The headers that describe an answer, without the per-transfer Date. */
function answerHeaders(response: Response): Record<string, string> {
  const headers = Object.fromEntries(response.headers);
  delete headers['date'];
  delete headers['connection'];
  delete headers['keep-alive'];
  return headers;
}

describe('replaying stored answers', () => {
  let app: StatusqlApp;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    app = createStatusqlApp(testConfig());
    server = createServer(app.listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers a repeated GET with the same status, headers and bytes', async () => {
    const get = `${url}?query=${encodeURIComponent(lookup)}`;
    const first = await fetch(get);
    const before = app.replay!.size;
    const second = await fetch(get);
    expect(app.replay!.size).toBe(before);
    expect(second.status).toBe(200);
    expect(answerHeaders(second)).toEqual(answerHeaders(first));
    expect(second.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(second.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await second.text()).toBe(await first.text());
  });

  it('answers If-None-Match from the stored ETag with an empty 304', async () => {
    const get = `${url}?query=${encodeURIComponent(lookup)}`;
    const etag = (await fetch(get)).headers.get('etag')!;
    const response = await fetch(get, { headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(etag);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await response.text()).toBe('');
  });

  it('replays a repeated POST, still marked no-store', async () => {
    const post = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: lookup }) });
    const first = await post();
    const stored = app.replay!.size;
    const second = await post();
    expect(app.replay!.size).toBe(stored);
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(await second.json()).toEqual(await first.json());
  });

  it('stores nothing for an answer with errors', async () => {
    const before = app.replay!.size;
    const response = await fetch(`${url}?query=${encodeURIComponent('{ statusCode(code: 42) { code } }')}`);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(app.replay!.size).toBe(before);
  });

  it('keeps answers for different Accept headers apart', async () => {
    const get = `${url}?query=${encodeURIComponent('{ statusCode(code: 410) { phrase } }')}`;
    const json = await fetch(get, { headers: { accept: 'application/json' } });
    const graphqlJson = await fetch(get, { headers: { accept: 'application/graphql-response+json' } });
    const again = await fetch(get, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(graphqlJson.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(again.headers.get('content-type')).toBe(json.headers.get('content-type'));
  });

  it('is off when RESPONSE_CACHE_SIZE is 0', () => {
    expect(createStatusqlApp(testConfig({ RESPONSE_CACHE_SIZE: '0' })).replay).toBeNull();
  });
});

describe('ReplayCache', () => {
  const entry = (bytes: number) => ({ status: 200, headers: [], notModifiedHeaders: [], body: Buffer.alloc(bytes), etag: null });

  it('drops the least recently used entry past its count', () => {
    const cache = new ReplayCache(2, 1000);
    cache.set('a', entry(1));
    cache.set('b', entry(1));
    cache.get('a');
    cache.set('c', entry(1));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([true, false, true]);
  });

  it('drops entries past its byte budget and refuses one larger than the budget', () => {
    const cache = new ReplayCache(10, 100);
    cache.set('a', entry(40));
    cache.set('b', entry(40));
    cache.set('c', entry(40));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set('huge', entry(200));
    expect(cache.get('huge')).toBeUndefined();
  });
});
