import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './helpers.js';

interface BadRequest {
  name: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  status: number;
  /** The one error's message, or a pattern where it quotes the JavaScript engine. */
  message: string | RegExp;
  code: string | undefined;
}

const json = { 'content-type': 'application/json', accept: 'application/json' };
const post = (body: unknown) => ({ method: 'POST', headers: json, body: JSON.stringify(body) });
const get = (params: Record<string, string>) => ({ path: `?${new URLSearchParams(params)}`, headers: { accept: 'application/json' } });

const twoMegabytes = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2_000_000) } });
const inChunks = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      const bytes = new TextEncoder().encode(text);
      for (let offset = 0; offset < bytes.length; offset += 65_536) controller.enqueue(bytes.subarray(offset, offset + 65_536));
      controller.close();
    },
  });
const multipart = new FormData();
multipart.set('operations', '{"query":"{ __typename }"}');
const aliases = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${selection}`).join(' ')} }`;
const clientErrorClass = btoa('StatusClass:CLIENT_ERROR');
const noQuery = "Send a query, or a documentId from @statusql/sdk's persisted documents.";
const mediaTypes = 'application/json, application/graphql+json, application/graphql, application/x-www-form-urlencoded';

const badRequests: BadRequest[] = [
  { name: 'invalid JSON', method: 'POST', headers: json, body: '{"query": ', status: 400, message: 'POST body sent invalid JSON.', code: 'BAD_REQUEST' },
  { name: 'a JSON body that is not an object', method: 'POST', headers: json, body: '42', status: 400, message: 'POST body is expected to be object but received number', code: 'BAD_REQUEST' },
  {
    name: 'a text/plain body',
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: '{ __typename }',
    status: 415,
    message: `Unsupported Media Type: cannot read a request body of type "text/plain". Send ${mediaTypes}.`,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a body without Content-Type',
    method: 'POST',
    body: new Blob(['{"query":"{ __typename }"}']),
    status: 415,
    message: `Unsupported Media Type: the request has no Content-Type. Send ${mediaTypes}.`,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a multipart upload',
    method: 'POST',
    body: multipart,
    status: 415,
    message: /^Unsupported Media Type: cannot read a request body of type "multipart\/form-data; boundary=.+"\. Send application\/json, /,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  { name: 'a POST without a query', ...post({}), status: 400, message: noQuery, code: 'BAD_REQUEST' },
  { name: 'a GET without a query', ...get({}), status: 400, message: noQuery, code: 'BAD_REQUEST' },
  { name: 'a query that is not a string', ...post({ query: 404 }), status: 400, message: 'Expected "query" param to be a string, but given number.', code: 'BAD_REQUEST' },
  { name: 'an unknown parameter', ...post({ query: '{ __typename }', qeury: '{ __typename }' }), status: 400, message: 'Unexpected parameter "qeury" in the request body.', code: 'BAD_REQUEST' },
  { name: 'malformed JSON in GET variables', ...get({ query: '{ __typename }', variables: '{bad' }), status: 400, message: /^Malformed request: .*JSON/, code: 'BAD_REQUEST' },
  { name: 'a 2 MB body', method: 'POST', headers: json, body: twoMegabytes, status: 413, message: 'Request body too large', code: 'REQUEST_ENTITY_TOO_LARGE' },
  { name: 'a 2 MB chunked body', method: 'POST', headers: json, body: inChunks(twoMegabytes), status: 413, message: 'Request body too large', code: 'REQUEST_ENTITY_TOO_LARGE' },
  { name: 'an unparsable document', ...post({ query: '{' }), status: 400, message: 'Syntax Error: Expected Name, found <EOF>.', code: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'a 500-level deep query',
    ...post({ query: `{ statusCode(code: 200) { ${'class { codes { '.repeat(250)}code${' } }'.repeat(250)} } }` }),
    status: 400,
    message: 'Syntax Error: Token limit of 1000 exceeded.',
    code: 'GRAPHQL_PARSE_FAILED',
  },
  { name: '5,000 aliases', ...post({ query: aliases(5000, '__typename') }), status: 400, message: 'Syntax Error: Token limit of 1000 exceeded.', code: 'GRAPHQL_PARSE_FAILED' },
  { name: '5,000 aliased lookups (175 kB)', ...post({ query: aliases(5000, 'statusCode(code: 404) { code }') }), status: 413, message: 'Request body too large', code: 'REQUEST_ENTITY_TOO_LARGE' },
  {
    name: 'a batch of 1,000 operations',
    method: 'POST',
    headers: json,
    body: JSON.stringify(Array(1000).fill({ query: '{ __typename }' })),
    status: 413,
    message: 'Batching is limited to 10 operations per request.',
    code: 'BAD_REQUEST',
  },
  { name: 'an unknown field', ...post({ query: '{ statusCode(code: 404) { nope } }' }), status: 400, message: 'Cannot query field "nope" on type "StatusCode". Did you mean "code"?', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a mutation', ...post({ query: 'mutation { __typename }' }), status: 400, message: 'The mutation operation is not supported by the schema.', code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'a wrong variable type',
    ...post({ query: 'query ($code: Int!) { statusCode(code: $code) { code } }', variables: { code: 'four-oh-four' } }),
    status: 400,
    message: 'Variable "$code" got invalid value "four-oh-four"; Int cannot represent non-integer value: "four-oh-four"',
    code: undefined,
  },
  { name: 'a huge integer literal', ...post({ query: '{ statusCode(code: 99999999999) { code } }' }), status: 400, message: 'Int cannot represent non 32-bit signed integer value: 99999999999', code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'a huge integer variable',
    ...post({ query: 'query ($code: Int!) { statusCode(code: $code) { code } }', variables: { code: 99999999999 } }),
    status: 400,
    message: 'Variable "$code" got invalid value 99999999999; Int cannot represent non 32-bit signed integer value: 99999999999',
    code: undefined,
  },
  { name: 'a lone surrogate in a string literal', ...post({ query: '{ search(query: "\ud800") { totalCount } }' }), status: 400, message: 'Syntax Error: Invalid character within String: U+D800.', code: 'GRAPHQL_PARSE_FAILED' },
  // Raised by the field's resolver, so the GraphQL over HTTP spec's 200 applies.
  { name: 'a negative first', ...post({ query: '{ statusCodes(first: -1) { totalCount } }' }), status: 200, message: 'first must be between 1 and 100', code: 'BAD_USER_INPUT' },
  { name: 'a first in the millions', ...post({ query: '{ search(query: "x", first: 1000000) { totalCount } }' }), status: 200, message: 'first must be between 1 and 100', code: 'BAD_USER_INPUT' },
  {
    name: 'the class-codes cycle under 2,000 ids',
    ...post({
      query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on StatusClass { codes { class { codes { code } } } } } }',
      variables: { ids: Array(2000).fill(clientErrorClass) },
    }),
    status: 400,
    message: 'Query cost limit of 25000 exceeded: with every list at its largest, the response could hold more field values. Ask for fewer fields, smaller pages or fewer ids.',
    code: 'MAX_COST_EXCEEDED',
  },
  { name: 'a PUT', method: 'PUT', headers: json, body: '{}', status: 405, message: 'GraphQL only supports GET and POST requests.', code: 'BAD_REQUEST' },
];

describe('hostile and malformed requests', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(badRequests)('answers $name with $status and a JSON error, fast, then keeps serving', async (request) => {
    const started = performance.now();
    const response = await fetch(`${server.url}${request.path ?? ''}`, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body,
      ...(request.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    const body = await response.json();
    const elapsed = performance.now() - started;

    expect(response.status).toBe(request.status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toEqual(typeof request.message === 'string' ? request.message : expect.stringMatching(request.message));
    expect(body.errors[0].extensions?.code).toBe(request.code);
    expect(elapsed).toBeLessThan(500);

    const after = await fetch(`${server.url}?query=${encodeURIComponent('{ statusCode(code: 418) { phrase } }')}`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ data: { statusCode: { phrase: '(Unused)' } } });
  });

  it.each(['undefined:undefined', 'a b', '[::1'])('answers an invalid Host header (%s) with 400 and a JSON error', async (host) => {
    const { port } = new URL(server.url);
    const answer = await new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/graphql?query=%7B__typename%7D', headers: { host } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer).toEqual({
      status: 400,
      type: 'application/json; charset=utf-8',
      body: '{"errors":[{"message":"Bad Request: the Host header is not a valid host.","extensions":{"code":"BAD_REQUEST"}}]}',
    });
  });

  it('lists the media types it reads in the Accept header of a 415', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' });
    expect(response.status).toBe(415);
    expect(response.headers.get('accept')).toBe(mediaTypes);
  });

  it('closes the connection after a 413, whose body it did not read', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: json, body: twoMegabytes });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });

  it.each([
    ['control characters', 'rate\u0000\u0007limit'],
    ['right-to-left override and emoji', '\u202e💥 Ω ﷽'],
  ])('searches for %s like any other text', async (_name, text) => {
    for (const query of [`{ search(query: ${JSON.stringify(text)}) { totalCount } }`, 'query ($q: String!) { search(query: $q) { totalCount } }']) {
      const response = await fetch(server.url, post({ query, variables: { q: text } }));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      expect(typeof body.data.search.totalCount).toBe('number');
    }
  });
});
