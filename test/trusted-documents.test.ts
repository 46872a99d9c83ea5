import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusqlError, createClient } from '../sdk/src/index.js';
import { startServer } from './helpers.js';

const manifest = JSON.parse(
  readFileSync(new URL('../sdk/src/generated/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const statusCodeId = Object.keys(manifest).find((id) => /query StatusCode\(/.test(manifest[id]!))!;

/** A fetch that records every URL and body the SDK sends. */
function recordingFetch(sent: { url: string; body?: string }[]): typeof fetch {
  return (input, init) => {
    sent.push({
      url: input instanceof Request ? input.url : input.toString(),
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return fetch(input, init);
  };
}

describe('trusted documents, by default', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a GET with only a documentId and variables', async () => {
    const url = `${server.url}?documentId=${encodeURIComponent(statusCodeId)}&variables=${encodeURIComponent('{"code":404}')}`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data.statusCode).toMatchObject({ code: 404, phrase: 'Not Found' });
  });

  it('answers a POST with a documentId', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: statusCodeId, variables: { code: 429 } }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data.statusCode.phrase).toBe('Too Many Requests');
  });

  it('refuses an unknown documentId with 400 and a clear code', async () => {
    const response = await fetch(`${server.url}?documentId=sha256:${'0'.repeat(64)}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('still runs ad-hoc queries for GraphiQL', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ statusCode(code: 200) { phrase } }')}`);
    expect(await response.json()).toEqual({ data: { statusCode: { phrase: 'OK' } } });
  });

  it('is what the SDK sends: GET with the hash, never the query text', async () => {
    const sent: { url: string; body?: string }[] = [];
    const statusql = createClient({ url: server.url, fetch: recordingFetch(sent) });
    expect((await statusql.statusCode({ code: 404 })).statusCode?.title).toBe('404 Not Found');
    const url = new URL(sent[0]!.url);
    expect(url.searchParams.get('documentId')).toBe(statusCodeId);
    expect(url.searchParams.has('query')).toBe(false);
    expect(JSON.parse(url.searchParams.get('variables')!)).toEqual({ code: 404 });
  });

  it('sends the hash in a POST body when asked for POST', async () => {
    const sent: { url: string; body?: string }[] = [];
    const statusql = createClient({ url: server.url, method: 'POST', fetch: recordingFetch(sent) });
    await statusql.statusCode({ code: 404 });
    expect(JSON.parse(sent[0]!.body!)).toEqual({ documentId: statusCodeId, variables: { code: 404 } });
  });

  it('falls back to the query text when the server does not know the hash', async () => {
    const sent: { url: string; body?: string }[] = [];
    const forgetful: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.searchParams.has('documentId')) url.searchParams.set('documentId', `sha256:${'f'.repeat(64)}`);
      return recordingFetch(sent)(url, init);
    };
    const statusql = createClient({ url: server.url, fetch: forgetful });
    expect((await statusql.statusCode({ code: 418 })).statusCode?.phrase).toBe('(Unused)');
    expect(sent).toHaveLength(2);
    expect(new URL(sent[1]!.url).searchParams.has('query')).toBe(true);
  });

  it('sends the query text when document ids are switched off', async () => {
    const sent: { url: string; body?: string }[] = [];
    const statusql = createClient({ url: server.url, documentIds: false, fetch: recordingFetch(sent) });
    await statusql.statusClasses();
    expect(new URL(sent[0]!.url).searchParams.get('query')).toMatch(/\bquery StatusClasses\b/);
  });
});

describe('trusted documents only (TRUSTED_DOCUMENTS=only)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    process.env['TRUSTED_DOCUMENTS'] = 'only';
    try {
      server = await startServer();
    } finally {
      delete process.env['TRUSTED_DOCUMENTS'];
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the SDK', async () => {
    const statusql = createClient({ url: server.url });
    const { search } = await statusql.search({ query: 'rate limit', first: 1 });
    expect(search!.edges[0]?.node.code).toBe(429);
  });

  it('refuses an ad-hoc query with 400 and a clear error', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ statusCode(code: 200) { phrase } }')}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'TRUSTED_DOCUMENTS_ONLY' } });
    expect(body.errors[0].message).toMatch(/trusted documents only/);
  });

  it('makes the SDK throw the same error when it is told to send text', async () => {
    const statusql = createClient({ url: server.url, documentIds: false });
    const error = await statusql.statusClasses().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StatusqlError);
    expect(error).toMatchObject({ status: 400, code: 'TRUSTED_DOCUMENTS_ONLY' });
  });
});
