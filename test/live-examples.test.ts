import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { liveExampleHeaders } from '../server/http/live-example-headers.js';
import { isLocalPath, maxListedCodes, pickCode } from '../server/http/live-example-request.js';
import { release } from '../server/release.js';
import { startServer, type TestServer } from './helpers.js';
import { rawExchange, rawRequest, type RawAnswer } from './raw-http.js';

/** A request as typed, on a connection the server closes after answering. */
const typed = (method: string, path: string, headers: Record<string, string> = {}, version = '1.1') =>
  `${method} ${path} HTTP/${version}\r\nHost: statusql\r\nConnection: close\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;

/** The value of a header in a raw answer, or undefined. */
const headerOf = (answer: RawAnswer, name: string) =>
  answer.headers.find(([header]) => header === name.toLowerCase())?.[1];

const badRequest = (message: string) => ({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
const malformed =
  'Bad Request: ask for /status/{code}, a list such as /status/200,503, or weights such as /status/200:0.9,503:0.1; codes are numbers from 100 to 599, weights plain decimals.';
const outOfRange = 'Bad Request: a status code is a number from 100 to 599.';
const unknownParameter = 'Bad Request: /status/{code} takes only the parameters sleep and location, each at most once.';
const badSleep = 'Bad Request: sleep is a whole number of milliseconds from 0 to 10000.';
const badLocation =
  'Bad Request: location must be a path on this server such as /status/200, at most 256 characters, without a scheme or host, a leading // or backslash, dot segments, encoded slashes or control characters.';

const query = (code: number) =>
  `{ statusCode(code: ${code}) { code phrase description retryAdvice headers { name requirement note } } }`;

/** What the body of a code's live example says of it. */
const documentOf = (code: number, note?: string) => {
  const record = catalogue.byCode.get(code)!;
  return {
    code,
    phrase: record.phrase,
    vendor: record.vendor,
    description: record.description,
    page: `/${code}`,
    query: query(code),
    graphql: `/graphql?query=${encodeURIComponent(query(code))}`,
    ...(note === undefined ? {} : { note }),
  };
};

/** The codes answered with their own status line (1xx get a final 200; nginx's 444 gets none). */
const finalCodes = catalogue.codes.filter(({ code }) => code >= 200 && code !== 444);

let server: TestServer;
const raw = (method: string, path: string, headers: Record<string, string> = {}) =>
  rawRequest(server.port, typed(method, path, headers));
const get = (path: string, init: RequestInit = {}) => fetch(`${server.origin}${path}`, init);

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('/status/{code} answers every catalogued code (server/http/live-example.ts)', () => {
  it.each(finalCodes.map((record) => [record.code, record.phrase, record] as const))(
    'answers %i with "%s" and the headers the catalogue lists',
    async (code, phrase, record) => {
      const answer = (await raw('GET', `/status/${code}`))!;
      expect(answer.statusLine).toBe(`HTTP/1.1 ${code} ${phrase}`);
      for (const { name } of record.headers) {
        const entry = liveExampleHeaders[name]!;
        if ('never' in entry) expect(headerOf(answer, name), name).toBeUndefined();
        else expect(headerOf(answer, name), name).toMatch(/\S/);
      }
      expect(headerOf(answer, 'cache-control')).toBe('no-store');
      if (record.bodyAllowed) {
        expect(headerOf(answer, 'content-type')).toBe('application/json; charset=utf-8');
        expect(JSON.parse(answer.body)).toEqual(documentOf(code));
      } else {
        expect(headerOf(answer, 'content-type')).toBeUndefined();
        expect(answer.body).toBe('');
      }
    },
  );

  it("serves each code's StatusCode.liveExampleUrl on this server, and that URL answers the code", async () => {
    const response = await fetch(
      `${server.url}?query=${encodeURIComponent('{ statusCodes(first: 100) { edges { node { code liveExampleUrl } } } }')}`,
    );
    const { data } = (await response.json()) as {
      data: { statusCodes: { edges: { node: { code: number; liveExampleUrl: string } }[] } };
    };
    // PUBLIC_URL is unset here: links are on localhost, at the port the server listens on.
    expect(data.statusCodes.edges.map(({ node }) => node.liveExampleUrl)).toEqual(
      catalogue.codes.map(({ code }) => `http://localhost:${new URL(server.origin).port}/status/${code}`),
    );
    for (const { node } of data.statusCodes.edges) {
      const path = new URL(node.liveExampleUrl).pathname;
      if (node.code >= 200 && node.code !== 444) expect((await raw('GET', path))!.status, path).toBe(node.code);
    }
  });

  it('links live examples to PUBLIC_URL when it is set, whatever Host a request names', async () => {
    const behindProxy = await startServer({ PUBLIC_URL: 'https://status.example.com' });
    try {
      const response = await fetch(
        `${behindProxy.url}?query=${encodeURIComponent('{ statusCode(code: 429) { liveExampleUrl } }')}`,
        { headers: { 'x-forwarded-host': 'evil.example' } },
      );
      expect(await response.json()).toEqual({
        data: { statusCode: { liveExampleUrl: 'https://status.example.com/status/429' } },
      });
    } finally {
      await behindProxy.close();
    }
  });

  it('has a value for every header the catalogue lists, and none it does not', () => {
    const listed = new Set(catalogue.codes.flatMap((record) => record.headers.map((header) => header.name)));
    expect(Object.keys(liveExampleHeaders).sort()).toEqual([...listed].sort());
  });

  it('answers a code nothing uses with its number, an empty reason phrase and what a client makes of it', async () => {
    const answer = (await raw('GET', '/status/299'))!;
    // Node's own reason phrase for a code it has none for (fastify writes the status line through it).
    expect(answer.statusLine).toBe('HTTP/1.1 299 unknown');
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 299,
      phrase: null,
      vendor: null,
      description:
        'Nothing is catalogued at 299. A client treats a code it does not know as the x00 code of its class, here 200 (RFC 9110 §15).',
    });
  });

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'])(
    'answers %s as it answers GET',
    async (method) => {
      const answer = (await raw(method, '/status/418'))!;
      expect(answer.statusLine).toBe('HTTP/1.1 418 (Unused)');
      expect(JSON.parse(answer.body)).toEqual(documentOf(418));
    },
  );

  it('answers a POST with a body it does not read, then closes the connection', async () => {
    const exchange = await rawExchange(
      server.port,
      `POST /status/308 HTTP/1.1\r\nHost: statusql\r\nContent-Length: 5\r\n\r\nhello`,
    );
    expect(exchange).toMatch(/^HTTP\/1\.1 308 Permanent Redirect\r\n/);
    expect(exchange).toMatch(/\r\nconnection: close\r\n/i);
  });
});

describe('the headers of a live example (server/http/live-example-headers.ts)', () => {
  it.each([
    [301, 'Location', '/status/200'],
    [302, 'Location', '/status/200'],
    [303, 'Location', '/status/200'],
    [307, 'Location', '/status/200'],
    [308, 'Location', '/status/200'],
    [300, 'Location', '/status/200'],
    [201, 'Location', '/status/200'],
    [202, 'Location', '/status/200'],
    [301, 'Retry-After', '5'],
    [413, 'Retry-After', '5'],
    [429, 'Retry-After', '5'],
    [503, 'Retry-After', '5'],
    [
      401,
      'WWW-Authenticate',
      'Bearer realm="statusql", error="invalid_token", error_description="The access token expired"',
    ],
    [407, 'Proxy-Authenticate', 'Basic realm="StatusQL example proxy", charset="UTF-8"'],
    [405, 'Allow', 'POST'],
    [426, 'Upgrade', 'HTTP/3.0'],
    [426, 'Connection', 'upgrade'],
    [408, 'Connection', 'close'],
    [226, 'ETag', `"${release.id}-226"`],
    [226, 'IM', 'feed'],
    [304, 'ETag', `"${release.id}-304"`],
    [304, 'Content-Location', '/status/304'],
    [304, 'Cache-Control', 'no-store'],
    [304, 'Vary', 'Accept'],
    [451, 'Link', '</>; rel="blocked-by"'],
    [415, 'Accept', 'application/json'],
    [415, 'Accept-Encoding', 'gzip, br'],
    [415, 'Accept-Patch', 'application/merge-patch+json, application/json-patch+json'],
    [415, 'Accept-Post', 'application/json'],
  ])('gives %i %s: %s', async (code, name, value) => {
    expect(headerOf((await raw('GET', `/status/${code}`))!, name)).toBe(value);
  });

  it('gives 304 a Date and an Expires that are HTTP dates of now', async () => {
    const answer = (await raw('GET', '/status/304'))!;
    for (const name of ['date', 'expires']) {
      const value = headerOf(answer, name)!;
      expect(value).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(Math.abs(Date.parse(value) - Date.now())).toBeLessThan(5000);
    }
  });

  it('gives 206 the range of its whole body, and 416 its length alone', async () => {
    const partial = (await raw('GET', '/status/206'))!;
    const length = Buffer.byteLength(partial.body);
    expect(headerOf(partial, 'content-range')).toBe(`bytes 0-${length - 1}/${length}`);
    const unsatisfiable = (await raw('GET', '/status/416'))!;
    expect(headerOf(unsatisfiable, 'content-range')).toBe(`bytes */${Buffer.byteLength(unsatisfiable.body)}`);
    const text = (await raw('GET', '/status/206', { accept: 'text/plain' }))!;
    expect(headerOf(text, 'content-range')).toBe(
      `bytes 0-${Buffer.byteLength(text.body) - 1}/${Buffer.byteLength(text.body)}`,
    );
  });

  it.each([
    ['GET', 'POST'],
    ['HEAD', 'POST'],
    ['POST', 'GET, HEAD'],
    ['DELETE', 'GET, HEAD, POST'],
  ])('gives a 405 to %s an Allow without that method: %s', async (method, allow) => {
    expect(headerOf((await raw(method, '/status/405'))!, 'allow')).toBe(allow);
  });

  it('never sends Early-Data, a request header, on 425', async () => {
    const answer = (await raw('GET', '/status/425'))!;
    expect(answer.statusLine).toBe('HTTP/1.1 425 Too Early');
    expect(headerOf(answer, 'early-data')).toBeUndefined();
  });

  it('closes the connection after 408, as its Connection: close says', async () => {
    const exchange = await rawExchange(server.port, 'GET /status/408 HTTP/1.1\r\nHost: statusql\r\n\r\n');
    expect(exchange).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(exchange).toMatch(/\r\nconnection: close\r\n/i);
  });

  it('keeps a closing connection closing when 426 says Connection: upgrade', async () => {
    const exchange = await rawExchange(
      server.port,
      'POST /status/426 HTTP/1.1\r\nHost: statusql\r\nContent-Length: 2\r\n\r\nhi',
    );
    expect(exchange).toMatch(/\r\nconnection: upgrade, close\r\n/i);
    expect(exchange.match(/^connection:/gim)).toHaveLength(1);
  });

  it('sends Cache-Control: no-store, CORS for any origin, and exposes every header it sends', async () => {
    for (const code of [200, 301, 304, 401, 405, 429, 503, 600]) {
      const answer = (await raw('GET', `/status/${code}`, { origin: 'https://app.example' }))!;
      expect(headerOf(answer, 'cache-control'), String(code)).toBe('no-store');
      expect(headerOf(answer, 'access-control-allow-origin'), String(code)).toBe('*');
      // `*`: every header, for a request without credentials (Fetch, "CORS protocol").
      expect(headerOf(answer, 'access-control-expose-headers'), String(code)).toBe('*');
    }
  });

  it('lets a browser read every header of a live example', async () => {
    const response = await get('/status/429', { headers: { origin: 'https://app.example' } });
    expect(response.headers.get('access-control-expose-headers')).toBe('*');
  });
});

describe('1xx: an interim response, then a final 200', () => {
  const exchange = (path: string, headers: Record<string, string> = {}, version = '1.1') =>
    rawExchange(server.port, typed('GET', path, headers, version));
  /** The final answer's body, after its headers. */
  const finalBody = (text: string) => JSON.parse(text.slice(text.lastIndexOf('\r\n\r\n') + 4));

  it.each([
    [100, 'HTTP/1.1 100 Continue\r\n\r\n'],
    [102, 'HTTP/1.1 102 Processing\r\n\r\n'],
    [103, 'HTTP/1.1 103 Early Hints\r\nLink: </favicon.svg>; rel=preload; as=image\r\n\r\n'],
  ])('sends %i as an interim response with its catalogued headers, then a 200 describing it', async (code, interim) => {
    const text = await exchange(`/status/${code}`);
    expect(text.startsWith(`${interim}HTTP/1.1 200 OK\r\n`)).toBe(true);
    const phrase = catalogue.byCode.get(code)!.phrase;
    expect(finalBody(text)).toEqual(
      documentOf(code, `${code} ${phrase} was sent first, as an interim response; this is the final answer.`),
    );
  });

  it('answers 104 with the final answer alone, saying why: Node.js has no public way to write it', async () => {
    const text = await exchange('/status/104?location=/uploads/7');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(finalBody(text).note).toBe(
      '104 Upload Resumption Supported was not sent: Node.js has no public way to write it as an interim response, and this server writes none by hand. This is the final answer.',
    );
  });

  it('never sends 101, since the client asked for no protocol this server speaks', async () => {
    const text = await exchange('/status/101', { upgrade: 'websocket' });
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).not.toMatch(/HTTP\/1\.1 101/);
    expect(finalBody(text).note).toBe(
      '101 Switching Protocols was not sent: a server switches only to a protocol the client asked for in Upgrade, and this one speaks HTTP/1.1 alone (RFC 9110 §15.2.2). This is the final answer.',
    );
  });

  it('sends no 1xx to an HTTP/1.0 client', async () => {
    const text = await exchange('/status/103', {}, '1.0');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(finalBody(text).note).toBe(
      '103 Early Hints was not sent: a server sends no 1xx to an HTTP/1.0 client (RFC 9110 §15.2). This is the final answer.',
    );
  });

  it('sends one 100 Continue to a request that expects one', async () => {
    const text = await rawExchange(
      server.port,
      'POST /status/100 HTTP/1.1\r\nHost: statusql\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi',
    );
    expect(text.match(/HTTP\/1\.1 100 Continue/g)).toHaveLength(1);
    expect(text).toMatch(/HTTP\/1\.1 200 OK\r\n/);
  });

  it('sends the interim response at once, and the final one after the sleep', async () => {
    const socketText: { at: number; text: string }[] = [];
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('data', (chunk) => socketText.push({ at: Date.now() - started, text: chunk.toString('utf8') }));
      socket.on('close', () => resolve());
      socket.write(typed('GET', '/status/102?sleep=400'));
    });
    expect(socketText[0]!.text).toBe('HTTP/1.1 102 Processing\r\n\r\n');
    expect(socketText[0]!.at).toBeLessThan(300);
    expect(socketText.at(-1)!.at).toBeGreaterThanOrEqual(390);
    expect(socketText.map((part) => part.text).join('')).toMatch(/HTTP\/1\.1 200 OK\r\n/);
  });
});

describe('bodies', () => {
  it.each([204, 205, 304])('sends %i with no body and no Content-Type', async (code) => {
    const text = await rawExchange(server.port, typed('GET', `/status/${code}`));
    const [head, body] = text.split('\r\n\r\n');
    expect(body).toBe('');
    expect(head).not.toMatch(/\r\ncontent-type:/i);
    // RFC 9110 §8.6 and §15.3.6: a 205 says its content is empty; a 204 and a 304 say no length at all.
    if (code === 205) expect(head).toMatch(/\r\ncontent-length: 0(\r\n|$)/i);
    else expect(head).not.toMatch(/content-length/i);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const got = (await raw('GET', '/status/429'))!;
    const text = await rawExchange(server.port, typed('HEAD', '/status/429'));
    const [head, body] = text.split('\r\n\r\n');
    expect(body).toBe('');
    expect(head!.split('\r\n')[0]).toBe('HTTP/1.1 429 Too Many Requests');
    expect(head).toContain(`\r\ncontent-length: ${Buffer.byteLength(got.body)}\r\n`);
    expect(head).toContain('\r\nretry-after: 5\r\n');
    expect(head).toContain('\r\ncontent-type: application/json; charset=utf-8\r\n');
  });

  it('answers text when the client prefers text/plain', async () => {
    const response = await get('/status/404', { headers: { accept: 'text/plain' } });
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(
      `404 Not Found\n\n${catalogue.byCode.get(404)!.description}\n\nIts page: /404\nIts GraphQL query: ${query(404)}\n`,
    );
    const vendor = await (await get('/status/499', { headers: { accept: 'text/*' } })).text();
    expect(vendor.split('\n')[0]).toBe('499 Client Closed Request (nginx)');
  });

  it.each([
    ['text/plain', 'text'],
    ['text/*', 'text'],
    ['application/json;q=0.5, text/plain', 'text'],
    ['*/*', 'json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'json'],
    ['application/json, text/plain;q=0.9', 'json'],
    ['image/png', 'json'],
    ['text/plain;q=oops', 'json'],
  ])('answers Accept: %s with %s', async (accept, kind) => {
    const response = await get('/status/200', { headers: { accept } });
    expect(response.headers.get('content-type')).toBe(
      kind === 'text' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    );
    expect(response.headers.get('vary')).toBe('Accept');
  });
});

describe('unofficial codes', () => {
  it.each([
    [420, 'Enhance Your Calm', 'Twitter'],
    [499, 'Client Closed Request', 'nginx'],
    [520, 'Web Server Is Returning an Unknown Error', 'Cloudflare'],
    [561, 'Unauthorized', 'AWS Elastic Load Balancing'],
  ])('answers %i with its vendor’s phrase, “%s”', async (code, phrase, vendor) => {
    const answer = (await raw('GET', `/status/${code}`))!;
    expect(answer.statusLine).toBe(`HTTP/1.1 ${code} ${phrase}`);
    expect(JSON.parse(answer.body).vendor).toBe(vendor);
  });

  it('answers 444 as nginx does: it closes the connection without a byte', async () => {
    expect(await rawExchange(server.port, typed('GET', '/status/444'))).toBe('');
    // Even a keep-alive connection, with another request behind it.
    const pipelined = await rawExchange(
      server.port,
      'GET /status/444 HTTP/1.1\r\nHost: statusql\r\n\r\nGET /status/200 HTTP/1.1\r\nHost: statusql\r\n\r\n',
    );
    expect(pipelined).toBe('');
    await expect(get('/status/444')).rejects.toThrow();
  });

  it('closes for 444 after the sleep, not before', async () => {
    const started = Date.now();
    expect(await rawExchange(server.port, typed('GET', '/status/444?sleep=300'))).toBe('');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('lists: /status/200,500 at random, /status/200:0.9,500:0.1 by weight', () => {
  const statuses = async (path: string, times: number) => {
    const seen: number[] = [];
    for (let index = 0; index < times; index++) seen.push((await get(path)).status);
    return seen;
  };

  it('picks each code of a list, and only those', async () => {
    const seen = await statuses('/status/200,500', 60);
    expect(new Set(seen)).toEqual(new Set([200, 500]));
  });

  it('picks each of three codes, percent-encoded commas too', async () => {
    expect(new Set(await statuses('/status/201%2C418%2c503', 90))).toEqual(new Set([201, 418, 503]));
  });

  it.each([
    ['/status/200:0,503:1', 503],
    ['/status/200:1,503:0', 200],
    ['/status/200:0,404,503:0', 404],
    ['/status/200:0.0,503:0.25', 503],
  ])('never picks a code of weight 0: %s is always %i', async (path, code) => {
    expect(new Set(await statuses(path, 30))).toEqual(new Set([code]));
  });

  it('follows the weights: 200:0.9,500:0.1 is mostly 200, sometimes 500', async () => {
    const seen = await statuses('/status/200:0.9,500:0.1', 200);
    const errors = seen.filter((status) => status === 500).length;
    expect(seen.filter((status) => status !== 200 && status !== 500)).toEqual([]);
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(50);
  });

  it.each([
    [0, 200],
    [0.49, 200],
    [0.5, 404],
    [0.9999999999999999, 404],
  ])('picks by where a random %d falls among the weights', (random, code) => {
    expect(
      pickCode(
        [
          { code: 100, weight: 0 },
          { code: 200, weight: 1 },
          { code: 404, weight: 1 },
          { code: 500, weight: 0 },
        ],
        () => random,
      ),
    ).toBe(code);
  });

  it('gives the end of the range to the last code with a weight', () => {
    expect(
      pickCode(
        [
          { code: 200, weight: 1 },
          { code: 404, weight: 1 },
          { code: 500, weight: 0 },
        ],
        () => 1,
      ),
    ).toBe(404);
  });
});

describe('?sleep=ms', () => {
  it('delays the answer by about as long', async () => {
    const started = Date.now();
    const response = await get('/status/201?sleep=300');
    expect(response.status).toBe(201);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
  });

  it('takes the maximum that MAX_SLEEP_MS sets, and refuses more', async () => {
    const short = await startServer({ MAX_SLEEP_MS: '100' });
    try {
      expect((await fetch(`${short.origin}/status/200?sleep=100`)).status).toBe(200);
      const refused = await fetch(`${short.origin}/status/200?sleep=101`);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual(
        badRequest('Bad Request: sleep is a whole number of milliseconds from 0 to 100.'),
      );
    } finally {
      await short.close();
    }
  });

  it('lets MAX_SLEEPING answers sleep at once; the next gets 503 with Retry-After, and a slot frees when a client leaves', async () => {
    const small = await startServer({ MAX_SLEEPING: '2' });
    const leave = new AbortController();
    try {
      const sleeping = [1, 2].map(() =>
        fetch(`${small.origin}/status/200?sleep=5000`, { signal: leave.signal }).catch(() => null),
      );
      await expect.poll(() => small.app.liveExamples.sleeping).toBe(2);
      const started = Date.now();
      const refused = await fetch(`${small.origin}/status/429?sleep=10`, {
        headers: { origin: 'https://app.example' },
      });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
      expect(refused.headers.get('access-control-expose-headers')).toBe('*');
      expect(await refused.json()).toEqual({
        errors: [
          {
            message:
              'Service Unavailable: 2 delayed answers are waiting already, or 4 on this connection, the most this server keeps; try again shortly, or without sleep.',
            extensions: { code: 'TOO_MANY_SLEEPING' },
          },
        ],
      });
      expect((await fetch(`${small.origin}/status/429`)).status).toBe(429);
      leave.abort();
      await Promise.all(sleeping);
      await expect.poll(() => small.app.liveExamples.sleeping).toBe(0);
      expect((await fetch(`${small.origin}/status/202?sleep=10`)).status).toBe(202);
    } finally {
      leave.abort();
      await small.close();
    }
  });

  it('answers every sleeping example at once when told to wake (as main.ts does on SIGTERM)', async () => {
    const started = Date.now();
    const sleeping = get('/status/503?sleep=8000');
    await expect.poll(() => server.app.liveExamples.sleeping).toBe(1);
    server.app.liveExamples.wakeAll();
    expect((await sleeping).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not sleep while the server is draining', async () => {
    const draining = await startServer({}, { isReady: () => false });
    try {
      const started = Date.now();
      expect((await fetch(`${draining.origin}/status/200?sleep=8000`)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await draining.close();
    }
  });
});

describe('Location stays on this server (no open redirect)', () => {
  it.each([
    ['/status/302?location=/somewhere/else', '/somewhere/else'],
    ['/status/301?location=/status/404?from=301', '/status/404?from=301'],
    ['/status/201?location=/items/42', '/items/42'],
    ['/status/303?location=%2Fencoded%2Fpath', '/encoded/path'],
    ['/status/307?location=/a%2520b', '/a%20b'],
    ['/status/308?location=/.well-known/x', '/.well-known/x'],
  ])('%s says Location: %s', async (path, location) => {
    expect(headerOf((await raw('GET', path))!, 'location')).toBe(location);
  });

  it('ignores location on a code without Location', async () => {
    const answer = (await raw('GET', '/status/200?location=/x'))!;
    expect(answer.status).toBe(200);
    expect(headerOf(answer, 'location')).toBeUndefined();
  });

  it('is followed by fetch to a live example on the same origin', async () => {
    const response = await get('/status/307', { method: 'POST', body: 'kept' });
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${server.origin}/status/200`);
    expect(response.status).toBe(200);
  });

  const evil = [
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    'https://evil.example/',
    'http:/evil.example',
    'HTTPS://evil.example',
    'evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    '/ok\r\nSet-Cookie: a=1',
    '/ok\nx',
    '/ok\tx',
    '/ok x',
    '/ok\u0000',
    '/é',
    '/%2F%2Fevil.example',
    '/%2fevil',
    '/%5Cevil.example',
    '/ok%0d%0aSet-Cookie:a=1',
    '/ok%00',
    '/%zz',
    '/./',
    '/.//evil.example',
    '/../evil',
    '/..//evil.example',
    '/%2e%2e//evil.example',
    '/.%2e/evil',
    '/a/..',
    '/a#fragment',
    '',
    `/${'a'.repeat(256)}`,
  ];
  it.each(evil)('refuses location=%j with a 400 that does not echo it', async (location) => {
    const response = await get(`/status/302?location=${encodeURIComponent(location)}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const body = await response.text();
    expect(JSON.parse(body)).toEqual(badRequest(badLocation));
    expect(body).not.toContain('evil');
  });

  it('agrees with the WHATWG URL parser: no accepted location leaves the origin', () => {
    const accepted = ['/a', '/a/b?c=d', '/.well-known', '/a..b/', '/%41', '/~user', "/(x)!$&'*+,;=:@"];
    for (const location of accepted) {
      expect(isLocalPath(location), location).toBe(true);
      expect(new URL(location, 'https://statusql.example').origin).toBe('https://statusql.example');
    }
    for (const location of evil) expect(isLocalPath(location), location).toBe(false);
  });
});

describe('bad input gets a 400 JSON error', () => {
  it.each([
    ['/status/600', outOfRange],
    ['/status/99', outOfRange],
    ['/status/000', outOfRange],
    ['/status/1000', outOfRange],
    ['/status/200,600', outOfRange],
    ['/status/', malformed],
    ['/status/abc', malformed],
    ['/status/2OO', malformed],
    ['/status/-200', malformed],
    ['/status/+200', malformed],
    ['/status/200.0', malformed],
    ['/status/1234567', malformed],
    ['/status/200,', malformed],
    ['/status/,200', malformed],
    ['/status/200,,500', malformed],
    ['/status/200;500', malformed],
    ['/status/200/extra', malformed],
    ['/status/200:', malformed],
    ['/status/200:-1', malformed],
    ['/status/200:-0.5,500:1', malformed],
    ['/status/200:NaN', malformed],
    ['/status/200:Infinity', malformed],
    ['/status/200:1e3', malformed],
    ['/status/200:0x1', malformed],
    ['/status/200:1.', malformed],
    ['/status/200:0.5:1', malformed],
    ['/status/200:%201', malformed],
    ['/status/200:0', 'Bad Request: at least one weight must be above 0.'],
    ['/status/200:0,500:0.0', 'Bad Request: at least one weight must be above 0.'],
    [
      `/status/${Array(maxListedCodes + 1)
        .fill(200)
        .join(',')}`,
      `Bad Request: a list may hold at most ${maxListedCodes} codes.`,
    ],
    ['/status/200?slep=100', unknownParameter],
    ['/status/200?sleep=1&sleep=2', unknownParameter],
    ['/status/200?sleep=1&callback=x', unknownParameter],
    ['/status/200?__proto__=1', unknownParameter],
    ['/status/200?sleep=abc', badSleep],
    ['/status/200?sleep=-1', badSleep],
    ['/status/200?sleep=1.5', badSleep],
    ['/status/200?sleep=1e3', badSleep],
    ['/status/200?sleep=', badSleep],
    ['/status/200?sleep=10001', badSleep],
    ['/status/200?sleep=99999999999999999999', badSleep],
  ])('%s', async (path, message) => {
    const answer = (await raw('GET', path))!;
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(headerOf(answer, 'content-type')).toBe('application/json; charset=utf-8');
    expect(headerOf(answer, 'cache-control')).toBe('no-store');
    expect(headerOf(answer, 'access-control-allow-origin')).toBe('*');
    expect(JSON.parse(answer.body)).toEqual(badRequest(message));
  });

  // fastify's router refuses a path it cannot percent-decode before any route, CORS included, sees it.
  it.each(['/status/200%2', '/status/%E0%A4%A'])('%s, which no route can read', async (path) => {
    const answer = (await raw('GET', path))!;
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(answer.body)).toEqual(badRequest('Bad Request: the request target is not a valid URL.'));
  });

  it('takes a list of the most codes allowed', async () => {
    expect((await get(`/status/${Array(maxListedCodes).fill(418).join(',')}`)).status).toBe(418);
  });

  it('leaves /status itself, without a code, to the 404 of unknown paths', async () => {
    expect((await get('/status')).status).toBe(404);
  });
});

describe('CORS', () => {
  it('answers a preflight (OPTIONS with Access-Control-Request-Method) for any code, granting the headers asked for', async () => {
    const answer = (await raw('OPTIONS', '/status/600', {
      origin: 'https://app.example',
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'authorization, x-trace',
    }))!;
    expect(answer.statusLine).toBe('HTTP/1.1 204 No Content');
    expect(headerOf(answer, 'access-control-allow-origin')).toBe('*');
    expect(headerOf(answer, 'access-control-allow-methods')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    expect(headerOf(answer, 'access-control-allow-headers')).toBe('authorization, x-trace');
    expect(headerOf(answer, 'access-control-max-age')).toBe('86400');
    expect(headerOf(answer, 'cache-control')).toBe('no-store');
    expect(answer.body).toBe('');
  });

  it('never copies back requested headers that are not a plain list of names', async () => {
    const answer = (await raw('OPTIONS', '/status/200', {
      origin: 'https://app.example',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'x-a, <script>',
    }))!;
    expect(headerOf(answer, 'access-control-allow-headers')).toBe('Content-Type');
  });

  it('answers OPTIONS without Access-Control-Request-Method as the code', async () => {
    expect((await raw('OPTIONS', '/status/405'))!.statusLine).toBe('HTTP/1.1 405 Method Not Allowed');
  });

  it('with CORS_ORIGIN a list, lets those origins read, and no other, varying by Origin', async () => {
    const listed = await startServer({ CORS_ORIGIN: 'https://app.example' });
    try {
      const allowed = await rawRequest(listed.port, typed('GET', '/status/429', { origin: 'https://app.example' }));
      expect(headerOf(allowed!, 'access-control-allow-origin')).toBe('https://app.example');
      expect(headerOf(allowed!, 'access-control-expose-headers')).toBe('*');
      expect(headerOf(allowed!, 'vary')).toBe('Origin, Accept');
      const other = await rawRequest(listed.port, typed('GET', '/status/429', { origin: 'https://evil.example' }));
      // Without Access-Control-Allow-Origin a browser reads nothing, whatever else is exposed.
      expect(headerOf(other!, 'access-control-allow-origin')).toBeUndefined();
      expect(headerOf(other!, 'vary')).toBe('Origin, Accept');
      const error = await rawRequest(listed.port, typed('GET', '/status/600', { origin: 'https://app.example' }));
      expect(headerOf(error!, 'access-control-allow-origin')).toBe('https://app.example');
      expect(headerOf(error!, 'vary')).toBe('Origin');
      const preflight = await rawRequest(
        listed.port,
        typed('OPTIONS', '/status/200', { origin: 'https://evil.example', 'access-control-request-method': 'GET' }),
      );
      expect(headerOf(preflight!, 'access-control-allow-origin')).toBeUndefined();
      expect(headerOf(preflight!, 'vary')).toBe('Origin, Access-Control-Request-Headers');
    } finally {
      await listed.close();
    }
  });
});

describe('the GraphQL link of a live example with TRUSTED_DOCUMENTS=only', () => {
  it("names the SDK's StatusCode document and the code, which that server runs", async () => {
    const trusted = await startServer({ TRUSTED_DOCUMENTS: 'only' });
    try {
      const example = (await (await fetch(`${trusted.origin}/status/418`)).json()) as { graphql: string };
      expect(example.graphql).toMatch(/^\/graphql\?documentId=sha256:[0-9a-f]{64}&variables=%7B%22code%22%3A418%7D$/);
      const answer = await fetch(`${trusted.origin}${example.graphql}`);
      expect(answer.status).toBe(200);
      const { data } = (await answer.json()) as { data: { statusCode: { code: number; phrase: string } } };
      expect([data.statusCode.code, data.statusCode.phrase]).toEqual([418, '(Unused)']);
    } finally {
      await trusted.close();
    }
  });
});
