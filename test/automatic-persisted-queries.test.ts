import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every request a client sends: method, status and the answer's Cache-Control. */
interface Exchange {
  method: string;
  status: number;
  cacheControl: string | null;
}

function recordingFetch(exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    exchanges.push({
      method: init?.method ?? 'GET',
      status: response.status,
      cacheControl: response.headers.get('cache-control'),
    });
    return response;
  };
}

/** The Apollo protocol by hand: a hash-only GET, and a POST that registers the query. */
const extensionsOf = (query: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
const hashOnly = (server: TestServer, query: string) =>
  fetch(`${server.url}?extensions=${encodeURIComponent(extensionsOf(query))}`, {
    headers: { accept: 'application/graphql-response+json' },
  });
const register = (server: TestServer, query: string, hash = sha256(query)) =>
  fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });

describe('automatic persisted queries', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ PERSISTED_QUERIES_KB: '16' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers an unknown hash with the message and code clients key on', async () => {
    const response = await hashOnly(server, '{ statusCode(code: 418) { phrase } }');
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
    ]);
  });

  it('registers a query sent with its hash, then answers the hash alone: 200, cacheable', async () => {
    const query = '{ statusCode(code: 410) { phrase } }';
    expect((await register(server, query)).status).toBe(200);
    const response = await hashOnly(server, query);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(await response.json()).toEqual({ data: { statusCode: { phrase: 'Gone' } } });
  });

  it('refuses a hash that does not match the query, and registers nothing', async () => {
    const query = '{ statusCode(code: 411) { phrase } }';
    const response = await register(server, query, sha256('{ statusCode(code: 200) { phrase } }'));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
    ]);
    expect((await hashOnly(server, '{ statusCode(code: 200) { phrase } }')).status).toBe(400);
  });

  it('registers nothing that fails validation', async () => {
    const query = '{ statusCode(code: 404) { nope } }';
    const refused = await register(server, query);
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors[0].message).toMatch(/Cannot query field "nope"/);
    const response = await hashOnly(server, query);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
    ]);
  });

  it.each([
    ['upper case', (hash: string) => hash.toUpperCase()],
    ['the sha256: prefix', (hash: string) => `sha256:${hash}`],
  ])('takes a hash in %s at registration, and finds it in every spelling', async (_name, spell) => {
    const query = `{ statusCode(code: 415) { phrase } } # ${spell('x')}`;
    expect((await register(server, query, spell(sha256(query)))).status).toBe(200);
    for (const hash of [sha256(query), sha256(query).toUpperCase(), `sha256:${sha256(query).toUpperCase()}`]) {
      const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
      const response = await fetch(`${server.url}?extensions=${encodeURIComponent(extensions)}`);
      expect(response.status, hash).toBe(200);
      expect(await response.json()).toEqual({ data: { statusCode: { phrase: 'Unsupported Media Type' } } });
    }
  });

  it.each([
    [
      'a GET',
      (query: string) =>
        fetch(`${server.url}?query=${encodeURIComponent(query)}&extensions=${encodeURIComponent(extensionsOf(query))}`),
    ],
    [
      'a form-encoded POST',
      (query: string) =>
        fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ query, extensions: extensionsOf(query) }).toString(),
        }),
    ],
  ])('runs a query sent with its hash in %s, but registers it only from a JSON POST', async (_name, send) => {
    const query = `{ statusCode(code: 416) { phrase } } # ${_name}`;
    expect((await send(query)).status).toBe(200);
    expect((await hashOnly(server, query)).status).toBe(400);
  });

  it('keeps registered queries within PERSISTED_QUERIES_KB: the oldest give way', async () => {
    // 16 KB holds about 150 of these (key and text, two bytes a character): register 400.
    const queries = Array.from({ length: 400 }, (_, index) => `{ statusCode(code: 200) { alias${index}: phrase } }`);
    for (const query of queries) expect((await register(server, query)).status).toBe(200);
    expect((await hashOnly(server, queries[0]!)).status).toBe(400);
    expect((await hashOnly(server, queries.at(-1)!)).status).toBe(200);
  });

  it("works with Apollo Client's PersistedQueryLink: a fresh client's repeated query is one GET, 200 and public", async () => {
    const query = gql`
      query Teapot {
        statusCode(code: 418) {
          code
          phrase
        }
      }
    `;
    const run = async () => {
      const exchanges: Exchange[] = [];
      const link = new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
        new HttpLink({ uri: server.url, fetch: recordingFetch(exchanges) }),
      );
      const client = new ApolloClient({ link, cache: new InMemoryCache() });
      const { data } = await client.query({ query, fetchPolicy: 'no-cache' });
      return { data, exchanges };
    };
    const first = await run();
    expect(first.exchanges.map((exchange) => `${exchange.method} ${exchange.status}`)).toEqual(['GET 400', 'POST 200']);
    const second = await run();
    expect(second.data).toEqual({ statusCode: { __typename: 'StatusCode', code: 418, phrase: '(Unused)' } });
    expect(second.exchanges).toEqual([{ method: 'GET', status: 200, cacheControl: expect.stringMatching(/^public/) }]);
  });

  it("works with urql's persistedExchange, with no error surfaced", async () => {
    const query = '{ statusCode(code: 451) { phrase } }';
    const run = async () => {
      const exchanges: Exchange[] = [];
      const client = new Client({
        url: server.url,
        fetch: recordingFetch(exchanges),
        exchanges: [
          persistedExchange({
            preferGetForPersistedQueries: true,
            generateHash: (text) => Promise.resolve(sha256(text)),
          }),
          fetchExchange,
        ],
      });
      const result = await client.query(query, {}, { requestPolicy: 'network-only' }).toPromise();
      return { result, exchanges };
    };
    const first = await run();
    // urql retries with the query in the URL: a GET, answered but never registered (only a JSON
    // POST registers), so the next client asks twice again, and still sees no error.
    expect(first.exchanges.map((exchange) => `${exchange.method} ${exchange.status}`)).toEqual(['GET 400', 'GET 200']);
    expect(first.result.error).toBeUndefined();
    expect(first.result.data).toEqual({ statusCode: { phrase: 'Unavailable For Legal Reasons' } });
    const second = await run();
    expect(second.result.error).toBeUndefined();
    expect(second.exchanges.map((exchange) => `${exchange.method} ${exchange.status}`)).toEqual(['GET 400', 'GET 200']);
  });
});

describe('automatic persisted queries with TRUSTED_DOCUMENTS=only', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ TRUSTED_DOCUMENTS: 'only' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('registers nothing: the query is refused, and its hash stays unknown', async () => {
    const query = '{ statusCode(code: 410) { phrase } }';
    const response = await register(server, query);
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
    expect((await hashOnly(server, query)).status).toBe(400);
  });
});
