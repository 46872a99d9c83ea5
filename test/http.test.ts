import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './helpers.js';

describe('over a real HTTP socket', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a POST query', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ statusCode(code: 404) { code phrase statusClass { range label } } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { statusCode: { code: 404, phrase: 'Not Found', statusClass: { range: '4xx', label: 'Client Error' } } },
    });
  });

  it('answers a GET query', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ search(query: "rate limit", first: 1) { edges { node { code } } } }')}`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { search: { edges: [{ node: { code: 429 } }] } } });
  });

  it('serves GraphiQL to a browser', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('StatusQL');
  });

  it('answers malformed JSON with 400 and keeps serving', async () => {
    const bad = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].message).toMatch(/JSON/i);
    const good = await fetch(`${server.url}?query=${encodeURIComponent('{ statusCode(code: 200) { phrase } }')}`);
    expect(await good.json()).toEqual({ data: { statusCode: { phrase: 'OK' } } });
  });

  it('answers a request without a query with 400', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
  });
});
