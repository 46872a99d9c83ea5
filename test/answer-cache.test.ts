import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.js';

const lookup = '{ statusCode(code: 404) { code phrase } }';
const lookupPath = `/graphql?query=${encodeURIComponent(lookup)}`;

/** The headers that describe an answer, without the per-transfer ones. */
function answerHeaders(response: Response): Record<string, string> {
  const headers = Object.fromEntries(response.headers);
  for (const name of ['date', 'connection', 'keep-alive']) delete headers[name];
  return headers;
}

/** A plugin that counts the requests yoga is asked to answer. */
function requestCounter(): { plugin: Plugin; count: () => number } {
  let count = 0;
  return { plugin: { onRequest: () => void count++ }, count: () => count };
}

describe('the answer cache', () => {
  let server: TestServer;
  const yogaRequests = requestCounter();
  beforeAll(async () => {
    server = await startServer({}, { plugins: [yogaRequests.plugin] });
  });
  afterAll(() => server.close());

  /** Runs `send` and says how many times yoga was asked meanwhile. */
  async function reachedYoga(
    send: () => Promise<Response>,
  ): Promise<{ calls: number; response: Response; text: string }> {
    const before = yogaRequests.count();
    const response = await send();
    const text = await response.text();
    return { calls: yogaRequests.count() - before, response, text };
  }

  it('answers a repeated GET with the same status, headers and bytes, without asking yoga', async () => {
    const first = await reachedYoga(() => fetch(`${server.origin}${lookupPath}`));
    const second = await reachedYoga(() => fetch(`${server.origin}${lookupPath}`));
    expect([first.calls, second.calls]).toEqual([1, 0]);
    expect(second.response.status).toBe(200);
    expect(answerHeaders(second.response)).toEqual(answerHeaders(first.response));
    expect(second.text).toBe(first.text);
    expect(second.response.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers If-None-Match from the stored ETag with an empty 304, without asking yoga', async () => {
    const etag = (await fetch(`${server.origin}${lookupPath}`)).headers.get('etag')!;
    const { calls, response, text } = await reachedYoga(() =>
      fetch(`${server.origin}${lookupPath}`, {
        headers: { 'if-none-match': `W/"other", ${etag}`, 'cache-control': 'max-age=0' },
      }),
    );
    expect(calls).toBe(0);
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(etag);
    expect(response.headers.get('content-type')).toBeNull();
    expect(text).toBe('');
  });

  it('replays a repeated POST, still marked no-store', async () => {
    const post = () =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ statusCode(code: 410) { phrase } }' }),
      });
    const first = await reachedYoga(post);
    const second = await reachedYoga(post);
    expect([first.calls, second.calls]).toEqual([1, 0]);
    expect(second.text).toBe('{"data":{"statusCode":{"phrase":"Gone"}}}');
    expect(second.response.headers.get('cache-control')).toBe('no-store');
    expect(second.response.headers.get('etag')).toBeNull();
  });

  it.each([
    ['another Accept', { accept: 'application/json' }],
    ['an Origin', { origin: 'https://dashboard.example' }],
    ['an empty Origin', { origin: '' }],
  ])('keeps a request with %s apart: it is asked of yoga', async (_name, headers) => {
    await fetch(`${server.origin}${lookupPath}`);
    const { calls } = await reachedYoga(() => fetch(`${server.origin}${lookupPath}`, { headers }));
    expect(calls).toBe(1);
  });

  it.each([
    ['a field error', '{ statusCode(code: 42) { code } }', 200],
    ['a validation error', '{ nope }', 400],
  ])('never stores an answer with %s', async (_name, query, status) => {
    const path = `/graphql?query=${encodeURIComponent(query)}`;
    const first = await reachedYoga(() => fetch(`${server.origin}${path}`));
    const second = await reachedYoga(() => fetch(`${server.origin}${path}`));
    expect([first.response.status, second.response.status]).toEqual([status, status]);
    expect([first.calls, second.calls]).toEqual([1, 1]);
  });
});

describe('RESPONSE_CACHE_MB', () => {
  it('bounds the answers kept, in bytes', async () => {
    const server = await startServer({ RESPONSE_CACHE_MB: '1' });
    try {
      // 80 distinct POSTs, each answered with every code's description: about 2 MB of answers.
      for (let index = 0; index < 80; index++) {
        const query = `# ${index}\n{ statusCodes(first: 100) { edges { node { code description commonUsage } } } }`;
        const body = JSON.stringify({ query, variables: { padding: 'x'.repeat(60_000) } });
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(response.status).toBe(200);
      }
      expect(server.app.answers!.size).toBeGreaterThan(0);
      expect(server.app.answers!.calculatedSize).toBeLessThanOrEqual(1024 * 1024);
      expect(server.app.answers!.size).toBeLessThan(80);
    } finally {
      await server.close();
    }
  });

  it('keeps its hot entries through 100 distinct answers each larger than a sixteenth of it', async () => {
    const yogaRequests = requestCounter();
    const server = await startServer({ RESPONSE_CACHE_MB: '1' }, { plugins: [yogaRequests.plugin] });
    try {
      await (await fetch(`${server.origin}${lookupPath}`)).text();
      for (let index = 0; index < 100; index++) {
        // A hundred symptoms, four texts each: about 70 KB, over the 64 KB an answer may take of 1 MB.
        const query = `# ${index}\n{ symptoms(first: 100) { edges { node { example meaning checkFirst message } } } }`;
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        expect((await response.text()).length).toBeGreaterThan(64 * 1024);
      }
      expect(yogaRequests.count()).toBe(101);
      await (await fetch(`${server.origin}${lookupPath}`)).text();
      expect(yogaRequests.count()).toBe(101);
      expect(server.app.answers!.size).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('turns the cache off at 0: every request is asked of yoga', async () => {
    const yogaRequests = requestCounter();
    const server = await startServer({ RESPONSE_CACHE_MB: '0' }, { plugins: [yogaRequests.plugin] });
    try {
      expect(server.app.answers).toBeNull();
      await (await fetch(`${server.origin}${lookupPath}`)).text();
      await (await fetch(`${server.origin}${lookupPath}`)).text();
      expect(yogaRequests.count()).toBe(2);
    } finally {
      await server.close();
    }
  });
});
