import { readFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Counter, Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusqlApp } from '../server/app.js';
import { sleepingPerConnection } from '../server/http/live-example.js';
import { createMetricsServer } from '../server/http/metrics-server.js';
import { webPageDirectory } from '../server/http/web-page.js';
import { createLogger } from '../server/logger.js';
import { createStatusqlMetrics } from '../server/metrics.js';
import { startServer, testConfig, type TestServer } from './helpers.js';
import { rawRequest, type RawAnswer } from './raw-http.js';

/**
 * The HTTP layer on fastify 5 (server/app.ts and server/http/*.ts), over real sockets: pipelined
 * answers framed whole and in order, 1xx interims included; metrics labels that absolute-form
 * targets cannot multiply; sleep slots per connection; content negotiation; HEAD; the response
 * rules; the not-found handler; compression; revalidation; and the metrics port's Host check.
 */

/** One answer cut out of a connection's byte stream, with when its first and last bytes arrived. */
interface Framed {
  statusLine: string;
  status: number;
  /** Lower-cased names, every line kept. */
  headers: Array<[string, string]>;
  body: Buffer;
  /** Milliseconds from the write to the arrival of the answer's first byte, and of its last. */
  startedAt: number;
  endedAt: number;
}

const headerOf = (answer: Framed | RawAnswer, name: string) =>
  answer.headers.find(([header]) => header === name.toLowerCase())?.[1];

/** A request as typed: Host statusql, the headers given, a body with its Content-Length. */
function typed(
  method: string,
  target: string,
  { headers = {}, body, close = false }: { headers?: Record<string, string>; body?: string; close?: boolean } = {},
): string {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: statusql'];
  if (close) lines.push('Connection: close');
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

/** A chunked body decoded; throws when the chunks do not end within `bytes`. */
function dechunk(bytes: Buffer, start: number): { body: Buffer; end: number } {
  const parts: Buffer[] = [];
  let offset = start;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd === -1) throw new Error(`a chunk size line is cut off at byte ${offset}`);
    const size = parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) throw new Error(`no chunk size at byte ${offset}`);
    if (size === 0) {
      // Trailer lines, if any, then the empty line that ends the body.
      for (let line = lineEnd + 2; ;) {
        const next = bytes.indexOf('\r\n', line);
        if (next === -1) throw new Error('a chunked body has no end');
        if (next === line) return { body: Buffer.concat(parts), end: line + 2 };
        line = next + 2;
      }
    }
    const dataEnd = lineEnd + 2 + size;
    if (bytes.subarray(dataEnd, dataEnd + 2).toString('latin1') !== '\r\n')
      throw new Error(`chunk at byte ${offset} is not followed by CRLF`);
    parts.push(bytes.subarray(lineEnd + 2, dataEnd));
    offset = dataEnd + 2;
  }
}

/**
 * Cuts a connection's bytes into answers, in order, as a client must (RFC 9112 §6.3): a 1xx, 204
 * or 304 has no body; otherwise Content-Length or chunked says where it ends, and an answer with
 * neither runs to the end of the connection. Throws on any byte that is not part of an answer.
 */
function frame(bytes: Buffer, arrivals: Array<{ end: number; at: number }>): Framed[] {
  const arrivedAt = (offset: number) => arrivals.find(({ end }) => offset < end)!.at;
  const answers: Framed[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const headEnd = bytes.indexOf('\r\n\r\n', offset);
    if (headEnd === -1)
      throw new Error(`an answer's head is cut off at byte ${offset}: ${bytes.subarray(offset).toString('latin1')}`);
    const [statusLine = '', ...lines] = bytes.subarray(offset, headEnd).toString('latin1').split('\r\n');
    if (!/^HTTP\/1\.1 \d{3} /.test(statusLine))
      throw new Error(`no status line at byte ${offset}: ${JSON.stringify(statusLine)}`);
    const headers = lines.map((line): [string, string] => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    });
    const status = Number(statusLine.split(' ')[1]);
    const find = (name: string) => headers.find(([header]) => header === name)?.[1];
    const bodyStart = headEnd + 4;
    let body: Buffer;
    let end: number;
    if (status < 200 || status === 204 || status === 304) {
      body = Buffer.alloc(0);
      end = bodyStart;
    } else if (find('transfer-encoding')?.toLowerCase() === 'chunked') {
      ({ body, end } = dechunk(bytes, bodyStart));
    } else if (find('content-length') !== undefined) {
      end = bodyStart + Number(find('content-length'));
      if (end > bytes.length) throw new Error(`the body of "${statusLine}" is cut off`);
      body = bytes.subarray(bodyStart, end);
    } else {
      end = bytes.length;
      body = bytes.subarray(bodyStart);
    }
    answers.push({ statusLine, status, headers, body, startedAt: arrivedAt(offset), endedAt: arrivedAt(end - 1) });
    offset = end;
  }
  return answers;
}

/**
 * Writes `requests` in one write on one connection (the last should say `Connection: close`), reads
 * until the server closes it, and frames what came back.
 */
function pipeline(port: number, requests: string[], timeoutMs = 4000): Promise<Framed[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const arrivals: Array<{ end: number; at: number }> = [];
    let received = 0;
    let started = 0;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server did not close the connection within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      arrivals.push({ end: received, at: Date.now() - started });
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(frame(Buffer.concat(chunks), arrivals));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    started = Date.now();
    socket.write(requests.join(''));
  });
}

const json = (answer: Framed) => JSON.parse(answer.body.toString('utf8'));
const statusLines = (answers: Framed[]) => answers.map(({ statusLine }) => statusLine);
const earlyHintsLink = '</favicon.svg>; rel=preload; as=image';
const interimNote = (title: string) => `${title} was sent first, as an interim response; this is the final answer.`;
const errorOf = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/** A GET through node:http, which leaves the body as sent: compressed bytes stay compressed. */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const typename = '/graphql?query=%7B__typename%7D';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('pipelined requests on one connection (Node server, server/http/live-example.ts)', () => {
  it('frames a GraphQL POST whole, then a 103 interim and the final 200 of /status/103', async () => {
    const answers = await pipeline(server.port, [
      typed('POST', '/graphql', {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ statusCode(code: 404) { phrase } }' }),
      }),
      typed('GET', '/status/103', { close: true }),
    ]);
    expect(json(answers[0]!)).toEqual({ data: { statusCode: { phrase: 'Not Found' } } });
    expect(statusLines(answers)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 103 Early Hints', 'HTTP/1.1 200 OK']);
    expect(answers[1]!.headers).toEqual([['link', earlyHintsLink]]);
    expect(json(answers[2]!)).toMatchObject({ code: 103, note: interimNote('103 Early Hints') });
  });

  it('frames /health, then a 100 interim and the final 200 of /status/100', async () => {
    const answers = await pipeline(server.port, [
      typed('GET', '/health'),
      typed('GET', '/status/100', { close: true }),
    ]);
    expect(json(answers[0]!).status).toBe('ok');
    expect(statusLines(answers)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 100 Continue', 'HTTP/1.1 200 OK']);
    expect(answers[1]!.headers).toEqual([]);
    expect(json(answers[2]!)).toMatchObject({ code: 100, note: interimNote('100 Continue') });
  });

  it('puts each of three interims just before its own final 200: 103, 200, 102, 200, 103, 200', async () => {
    const answers = await pipeline(server.port, [
      typed('GET', '/status/103'),
      typed('GET', '/status/102'),
      typed('GET', '/status/103', { close: true }),
    ]);
    expect(answers.filter(({ status }) => status >= 200)).toHaveLength(3);
    expect(answers.filter(({ status }) => status < 200)).toHaveLength(3);
    expect(answers.map(({ status }) => status)).toEqual([103, 200, 102, 200, 103, 200]);
    expect([answers[1], answers[3], answers[5]].map((answer) => json(answer!).code)).toEqual([103, 102, 103]);
    expect(json(answers[3]!).note).toBe(interimNote('102 Processing'));
  });

  it('holds the 103 interim of a queued request until the slow answer before it is complete', async () => {
    const answers = await pipeline(server.port, [
      typed('GET', '/status/200?sleep=200'),
      typed('GET', '/status/103', { close: true }),
    ]);
    expect(statusLines(answers)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 103 Early Hints', 'HTTP/1.1 200 OK']);
    expect(json(answers[0]!).code).toBe(200);
    expect(answers[1]!.headers).toEqual([['link', earlyHintsLink]]);
    expect(json(answers[2]!)).toMatchObject({ code: 103, note: interimNote('103 Early Hints') });
    // The first answer waited out its sleep, and not one byte of the 103 came before its last byte.
    expect(answers[0]!.endedAt).toBeGreaterThanOrEqual(190);
    expect(answers[1]!.startedAt).toBeGreaterThanOrEqual(answers[0]!.endedAt);
  });
});

describe('the metrics of absolute-form targets (server/http/request-target.ts, server/metrics.ts)', () => {
  it('labels 40 codes asked as http://a/status/{code} by route "status" and their 2 classes, never "other"', async () => {
    const registry = new Registry();
    const measured = await startServer({}, { metrics: createStatusqlMetrics(registry) });
    try {
      // 200–219 and 400–420 but 408 (whose live example closes the connection), interleaved.
      const clientErrors = [400, 401, 402, 403, 404, 405, 406, 407, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418];
      clientErrors.push(419, 420);
      const codes = clientErrors.flatMap((code, index) => [200 + index, code]);
      expect(new Set(codes).size).toBe(40);
      const answers = await pipeline(
        measured.port,
        codes.map(
          (code, index) =>
            `GET http://a/status/${code} HTTP/1.1\r\nHost: a\r\n${index === codes.length - 1 ? 'Connection: close\r\n' : ''}\r\n`,
        ),
      );
      expect(answers.map(({ status }) => status)).toEqual(codes);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const series = (await registry.metrics())
        .split('\n')
        .filter((line) => line.startsWith('statusql_http_request_duration_seconds_count{'));
      expect(series.filter((line) => line.includes('route="status"')).sort()).toEqual([
        'statusql_http_request_duration_seconds_count{route="status",method="GET",status="2xx"} 20',
        'statusql_http_request_duration_seconds_count{route="status",method="GET",status="4xx"} 20',
      ]);
      expect(series.filter((line) => line.includes('route="other"'))).toEqual([]);
      expect(series).toHaveLength(2);
    } finally {
      await measured.close();
    }
  });
});

describe('sleep slots per connection (server/http/live-example.ts)', () => {
  let sleepy: TestServer;
  beforeAll(async () => {
    sleepy = await startServer({ MAX_SLEEPING: '100' });
  });
  afterAll(() => sleepy.close());

  it(`lets ${sleepingPerConnection} of 10 pipelined sleeps sleep, answers the rest 503, and still lets another connection sleep`, async () => {
    const requests = Array.from({ length: 10 }, (_, index) =>
      typed('GET', '/status/200?sleep=300', { close: index === 9 }),
    );
    const answering = pipeline(sleepy.port, requests);
    const deadline = Date.now() + 1000;
    while (sleepy.app.liveExamples.sleeping < sleepingPerConnection && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sleepy.app.liveExamples.sleeping).toBe(sleepingPerConnection);

    const other = await fetch(`${sleepy.origin}/status/200?sleep=10`);
    expect(other.status).toBe(200);
    expect(((await other.json()) as { code: number }).code).toBe(200);

    const answers = await answering;
    expect(answers.map(({ status }) => status)).toEqual([
      ...Array<number>(sleepingPerConnection).fill(200),
      ...Array<number>(10 - sleepingPerConnection).fill(503),
    ]);
    for (const answer of answers.slice(sleepingPerConnection)) {
      expect(headerOf(answer, 'retry-after')).toBe('1');
      expect(json(answer)).toEqual(
        errorOf(
          `Service Unavailable: 100 delayed answers are waiting already, or ${sleepingPerConnection} on this connection, the most this server keeps; try again shortly, or without sleep.`,
          'TOO_MANY_SLEEPING',
        ),
      );
    }
    expect(sleepy.app.liveExamples.sleeping).toBe(0);
  });
});

/** The app without a socket (fastify's inject), for what no connection takes part in. */
function injected(env: Record<string, string> = {}) {
  const { app } = createStatusqlApp(testConfig(env), { logger: createLogger('silent') });
  afterAll(() => app.close());
  return (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    app.inject({ method, url, headers });
}

describe('content negotiation on GET /graphql (server/http/graphql-route.ts)', () => {
  const ask = injected();

  it.each(['text/html;q=0, application/json', 'application/json, text/html;q=0.1'])(
    'answers Accept: %s with JSON',
    async (accept) => {
      const response = await ask(typename, { accept });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.json()).toEqual({ data: { __typename: 'Query' } });
    },
  );

  it('answers Accept: text/html with GraphiQL', async () => {
    const response = await ask(typename, { accept: 'text/html' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/^<!DOCTYPE html>/i);
  });
});

describe('HEAD /graphql', () => {
  const ask = injected();

  it('answers 200 with the headers of GET and no body', async () => {
    const headers = { accept: 'application/graphql-response+json' };
    const got = await ask(typename, headers);
    const head = await ask(typename, headers, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(head.headers['content-type']).toBe(got.headers['content-type']);
    expect(head.headers['etag']).toMatch(/^".+-.+"$/);
    expect(head.headers['etag']).toBe(got.headers['etag']);
    expect(got.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('X-Content-Type-Options: nosniff on every answer (server/http/response-rules.ts)', () => {
  const ask = injected();

  it.each([
    ['a GraphQL answer', typename, 200],
    ['a JSON error', '/nowhere', 404],
    ['a live example', '/status/418', 418],
  ])('is on %s', async (_name, path, status) => {
    const response = await ask(path, { accept: 'application/json' });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  const ask = injected({ TRUSTED_DOCUMENTS: 'only' });

  it('offers no GraphiQL page to a browser', async () => {
    const response = await ask('/graphql', { accept: 'text/html' });
    expect(response.statusCode).toBe(406);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual(
      errorOf(
        'Not Acceptable: /graphql answers application/graphql-response+json, application/json, text/event-stream or multipart/mixed (or text/html for GraphiQL).',
        'NOT_ACCEPTABLE',
      ),
    );
  });
});

describe('OPTIONS / (@fastify/cors)', () => {
  it('answers 204, not 404', async () => {
    const answer = (await rawRequest(server.port, typed('OPTIONS', '/', { close: true })))!;
    expect(answer.statusLine).toBe('HTTP/1.1 204 No Content');
    expect(answer.body).toBe('');
  });
});

describe('unknown paths (the not-found handler, server/app.ts)', () => {
  const ask = injected();

  it("gives a browser the page's own index.html with 404", async () => {
    const response = await ask('/abc', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toBe(readFileSync(join(webPageDirectory, 'index.html'), 'utf8'));
  });

  it('gives a JSON client a JSON 404', async () => {
    const response = await ask('/abc', { accept: 'application/json' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual(errorOf('Not Found: this server has no such file.', 'NOT_FOUND'));
  });
});

describe('compression without a proxy (server/http/answer.ts, @fastify/compress)', () => {
  const list = `/graphql?query=${encodeURIComponent(
    '{ statusCodes(first: 100) { edges { node { code phrase description } } } }',
  )}`;

  it('compresses a first answer for its client alone, keeps a coding once it is repeated, and sends nothing compressed without Accept-Encoding', async () => {
    const first = await rawGet(`${server.origin}${list}`, { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['vary']).toBe('Accept, accept-encoding');
    const plain = brotliDecompressSync(first.body);
    const { data } = JSON.parse(plain.toString('utf8'));
    expect(data.statusCodes.edges.length).toBeGreaterThan(50);
    // Kept as it is: an answer asked for once costs no compression for the cache.
    const stored = () => [...server.app.answers!.values()].find(({ body }) => body.equals(plain))!;
    expect(stored().encoded).toBeUndefined();

    // Repeated: the brotli form is made once and kept, and sent from then on.
    const again = await rawGet(`${server.origin}${list}`, { 'accept-encoding': 'br' });
    expect(again.headers['content-encoding']).toBe('br');
    expect(again.headers['vary']).toBe('Accept, accept-encoding');
    expect(brotliDecompressSync(again.body).equals(plain)).toBe(true);
    expect(stored().encoded?.br?.equals(again.body)).toBe(true);
    expect((await rawGet(`${server.origin}${list}`, { 'accept-encoding': 'br' })).body.equals(again.body)).toBe(true);

    const gzipped = await rawGet(`${server.origin}${list}`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(plain)).toBe(true);
    expect(stored().encoded?.gzip?.equals(gzipped.body)).toBe(true);
    expect(stored().encoded?.br?.equals(again.body)).toBe(true);

    const identity = await rawGet(`${server.origin}${list}`);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
  });

  it('compresses what the answer cache does not hold, such as GraphiQL, through @fastify/compress', async () => {
    const plain = await rawGet(`${server.url}`, { accept: 'text/html' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const gzipped = await rawGet(`${server.url}`, { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
  });
});

describe('revalidation through fetch (server/http/response-rules.ts)', () => {
  it('answers If-None-Match with Cache-Control: no-cache by 304 and an empty body', async () => {
    const lookup = `${server.url}?query=${encodeURIComponent('{ statusCode(code: 404) { phrase } }')}`;
    const first = await fetch(lookup);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ data: { statusCode: { phrase: 'Not Found' } } });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+-.+"$/);
    const again = await fetch(lookup, { headers: { 'if-none-match': etag, 'cache-control': 'no-cache' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });
});

describe('the statusql-example header of live examples', () => {
  it.each([429, 503])('is the code on /status/%i', async (code) => {
    const answer = (await rawRequest(server.port, typed('GET', `/status/${code}`, { close: true })))!;
    expect(answer.status).toBe(code);
    expect(headerOf(answer, 'statusql-example')).toBe(String(code));
  });
});

describe('the metrics port (server/http/metrics-server.ts)', () => {
  const registry = new Registry();
  new Counter({ name: 'probe_total', help: 'A probe.', registers: [registry] });
  const app = createMetricsServer(registry, createLogger('silent'), 'metrics.internal');
  let port = 0;
  const scrape = (host: string) =>
    rawRequest(port, `GET /metrics HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`) as Promise<RawAnswer>;

  beforeAll(async () => {
    await app.ready();
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(() => app.close());

  it.each(['localhost', '127.0.0.1'])('answers Host %s:PORT with the registry', async (name) => {
    const answer = await scrape(`${name}:${port}`);
    expect(answer.status).toBe(200);
    expect(headerOf(answer, 'content-type')).toBe(registry.contentType);
    expect(answer.body).toBe('# HELP probe_total A probe.\n# TYPE probe_total counter\nprobe_total 0\n');
  });

  it('answers Host evil.example with 421 MISDIRECTED_REQUEST', async () => {
    const answer = await scrape('evil.example');
    expect(answer.statusLine).toBe('HTTP/1.1 421 Misdirected Request');
    expect(headerOf(answer, 'content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual(
      errorOf('Misdirected Request: this port answers only requests addressed to localhost.', 'MISDIRECTED_REQUEST'),
    );
  });
});

describe('RATE_LIMIT (opt-in, @fastify/rate-limit)', () => {
  const lookup = '/graphql?query=%7B__typename%7D';

  it('answers the request over the limit with a JSON 429 and Retry-After, and every answer with the draft RateLimit fields', async () => {
    const server = await startServer({ RATE_LIMIT: '3/minute' });
    try {
      const answers = [];
      for (let index = 0; index < 4; index++) answers.push(await fetch(`${server.origin}${lookup}`));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      expect(answers.map((answer) => answer.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
      for (const answer of answers) {
        expect(answer.headers.get('ratelimit-limit')).toBe('3');
        expect(answer.headers.get('ratelimit-policy')).toBe('3;w=60');
      }
      const refused = answers[3]!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(await refused.json()).toEqual({
        errors: [
          {
            message: 'Too Many Requests: at most 3 requests in 60 s from one client; try again in 1 minute.',
            extensions: { code: 'TOO_MANY_REQUESTS' },
          },
        ],
      });
      // A balancer's probes are never limited.
      expect((await fetch(`${server.origin}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['ignores X-Forwarded-For without TRUST_PROXY', {}, [200, 429]],
    ['counts each forwarded client apart with TRUST_PROXY=true', { TRUST_PROXY: 'true' }, [200, 200]],
  ] as const)('%s', async (_name, env, statuses) => {
    const server = await startServer({ RATE_LIMIT: '1/minute', ...env });
    try {
      const from = (address: string) =>
        fetch(`${server.origin}${lookup}`, { headers: { 'x-forwarded-for': address } }).then((answer) => answer.status);
      expect([await from('203.0.113.1'), await from('203.0.113.2')]).toEqual(statuses);
    } finally {
      await server.close();
    }
  });
});

describe('unlimited by default', () => {
  it('sends no RateLimit fields without RATE_LIMIT', async () => {
    const server = await startServer();
    try {
      const answer = await fetch(`${server.origin}/graphql?query=%7B__typename%7D`);
      expect(answer.headers.get('ratelimit-policy')).toBeNull();
      expect(answer.headers.get('ratelimit-limit')).toBeNull();
    } finally {
      await server.close();
    }
  });
});
