import { readdirSync, readFileSync } from 'node:fs';
import { getIntrospectionQuery, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { graphiqlDefaultQuery } from '../server/yoga/graphiql-query.js';
import { estimateCost } from '../server/yoga/use-cost-limit.js';
import { createStatusqlYoga, listBounds } from '../server/yoga/yoga.js';
import { startServer, testConfig, yoga } from './helpers.js';

type App = ReturnType<typeof createStatusqlYoga>;

async function send(app: App, body: unknown): Promise<{ status: number; body: any }> {
  const response = await app.fetch('http://statusql/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const aliases = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${selection}`).join(' ')} }`;

describe('default limits', () => {
  it.each([
    ['15 aliases', aliases(15, 'statusCode(code: 404) { code }')],
    ['10 directives', `{ statusCode(code: 404) { ${'code @include(if: true) '.repeat(10)} } }`],
    ['1000 tokens', `{ __typename __typename ${aliases(332, '__typename').slice(1)}`],
  ])('accepts %s', async (_name, query) => {
    const { status, body } = await send(yoga, { query });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it.each([
    [
      '16 aliases',
      aliases(16, 'statusCode(code: 404) { code }'),
      'Aliases limit of 15 exceeded, found 16.',
      'MAX_ALIASES_EXCEEDED',
    ],
    [
      '11 directives',
      `{ statusCode(code: 404) { ${'code @include(if: true) '.repeat(11)} } }`,
      'Directives limit of 10 exceeded, found 11.',
      'MAX_DIRECTIVES_EXCEEDED',
    ],
    [
      '1001 tokens',
      `{ __typename __typename __typename ${aliases(332, '__typename').slice(1)}`,
      'Syntax Error: Token limit of 1000 exceeded.',
      'GRAPHQL_PARSE_FAILED',
    ],
    [
      'a depth of 9',
      '{ node(id: "x") { ... on StatusClass { codes(first: 1) { edges { node { statusClass { codes(first: 1) { edges { node { code } } } } } } } } } }',
      'Query depth limit of 8 exceeded, found 9.',
      'MAX_DEPTH_EXCEEDED',
    ],
  ])('refuses %s with 400 before execution', async (_name, query, message, code) => {
    const { status, body } = await send(yoga, { query });
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [expect.objectContaining({ message, extensions: { code } })] });
  });

  it('does not count fragments as depth', async () => {
    const app = createStatusqlYoga(testConfig({ MAX_DEPTH: '3' }));
    const query =
      '{ statusCode(code: 404) { ...Code } } fragment Code on StatusCode { statusClass { ...Class } } fragment Class on StatusClass { range }';
    expect(await send(app, { query })).toEqual({
      status: 200,
      body: { data: { statusCode: { statusClass: { range: '4xx' } } } },
    });
    const deeper = await send(app, {
      query: '{ statusCode(code: 404) { statusClass { codes(first: 1) { totalCount } } } }',
    });
    expect(deeper.status).toBe(400);
    expect(deeper.body.errors[0].message).toBe('Query depth limit of 3 exceeded, found 4.');
  });

  it('accepts every SDK operation, GraphiQL’s default query and its introspection query, with lists at their largest', async () => {
    const directory = new URL('../sdk/operations/', import.meta.url);
    const files = readdirSync(directory).filter((file) => file.endsWith('.graphql'));
    const sdk = files.map((file) => readFileSync(new URL(file, directory), 'utf8')).join('\n');
    const introspection = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      inputValueDeprecation: true,
    });
    for (const source of [sdk, graphiqlDefaultQuery, introspection]) {
      for (const definition of parse(source).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const operationName = definition.name!.value;
        // Without variables, every connection counts as a full page of 100.
        expect(estimateCost(schema, parse(source), operationName, {}, listBounds), operationName).toBeLessThanOrEqual(
          25_000,
        );
        const { body } = await send(yoga, {
          query: source,
          operationName,
          variables: { code: 404, query: 'x', kind: 'CLIENT_ERROR' },
        });
        const refusals = (body.errors ?? []).filter((error: any) =>
          /^(MAX_|GRAPHQL_)/.test(error.extensions?.code ?? ''),
        );
        expect(refusals, operationName).toEqual([]);
      }
    }
  });
});

describe('the cost limit', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) =>
    estimateCost(schema, parse(query), undefined, variables, listBounds);

  it('counts every field once per item, a connection’s edges by first or last', () => {
    expect(cost('{ statusCodes(first: 3) { totalCount edges { node { code phrase } } } }')).toBe(1 + 1 + 1 + 3 + 3 + 3);
    expect(cost('query ($n: Int) { statusCodes(last: $n) { edges { node { code } } } }', { n: 2 })).toBe(1 + 1 + 2 + 2);
  });

  it('counts a page of 100 when first is absent, a variable left out, or beyond the page maximum', () => {
    const page = (first: string) => cost(`query ($n: Int) { statusCodes${first} { edges { node { code } } } }`);
    expect(page('')).toBe(1 + 1 + 100 + 100);
    expect(page('(first: $n)')).toBe(202);
    expect(page('(first: 1000000)')).toBe(202);
  });

  it('counts a list with its own first by it, or by the argument’s default', () => {
    expect(cost('{ suggestions(prefix: "4", first: 3) { text statusCode { code } } }')).toBe(1 + 3 + 3 + 3);
    expect(cost('{ suggestions(prefix: "4") { text } }')).toBe(1 + 8);
  });

  it('counts nodes by its ids and a class’s codes by their page, at most the largest class', () => {
    const query =
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on StatusClass { codes(first: 50) { edges { node { code } } } } } }';
    expect(cost(query, { ids: ['a', 'b', 'c'] })).toBe(1 + 3 + 3 * (1 + 45 + 45));
    expect(cost(query.replace('first: 50', 'first: 5'), { ids: ['a', 'b', 'c'] })).toBe(1 + 3 + 3 * (1 + 5 + 5));
  });

  it('refuses an operation over MAX_COST before execution, and accepts one at it', async () => {
    const query = 'query ($n: Int) { statusCodes(first: $n) { edges { node { code } } } }';
    const app = createStatusqlYoga(testConfig({ MAX_COST: '8' }));
    const atLimit = await send(app, { query, variables: { n: 3 } });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.data.statusCodes.edges).toHaveLength(3);
    expect(await send(app, { query, variables: { n: 4 } })).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'Query cost limit exceeded: with every list at its largest, the response could hold 10 field values, and the limit is 8. Ask for fewer fields, smaller pages, fewer ids, shorter searches or fewer operations in a batch.',
            extensions: { code: 'MAX_COST_EXCEEDED', limit: 'MAX_COST', estimate: 10, maximum: 8 },
          },
        ],
      },
    });
  });
});

describe('request limits', () => {
  it('reads a body of exactly MAX_BODY_BYTES and refuses one byte more with 413', async () => {
    // fastify reads the body (bodyLimit, server/app.ts), so this runs over a socket.
    const server = await startServer({ MAX_BODY_BYTES: '1024' });
    const body = (length: number) => {
      const empty = JSON.stringify({ query: '{ __typename }', variables: { padding: '' } });
      return JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(length - empty.length) } });
    };
    const post = async (text: string) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
      });
      return { status: response.status, body: await response.json() };
    };
    try {
      expect(body(1024)).toHaveLength(1024);
      expect(await post(body(1024))).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
      expect(await post(body(1025))).toEqual({
        status: 413,
        body: {
          errors: [
            {
              message: 'Request Entity Too Large: the body may be at most 1024 bytes.',
              extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' },
            },
          ],
        },
      });
    } finally {
      await server.close();
    }
  });

  it('runs a batch of BATCH_LIMIT operations and refuses a larger one with 413', async () => {
    const batch = (size: number) =>
      Array.from({ length: size }, (_, index) => ({ query: `{ statusCode(code: ${200 + index}) { code } }` }));
    const ten = await send(yoga, batch(10));
    expect(ten.status).toBe(200);
    expect(ten.body).toHaveLength(10);
    expect(ten.body[1]).toEqual({ data: { statusCode: { code: 201 } } });
    expect(await send(yoga, batch(11))).toEqual({
      status: 413,
      body: {
        errors: [{ message: 'Batching is limited to 10 operations per request.', extensions: { code: 'BAD_REQUEST' } }],
      },
    });
  });

  it('refuses every batch with 400 when BATCH_LIMIT is 0', async () => {
    const app = createStatusqlYoga(testConfig({ BATCH_LIMIT: '0' }));
    expect(await send(app, [{ query: '{ __typename }' }])).toEqual({
      status: 400,
      body: { errors: [{ message: 'Batching is not supported.', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });
});

describe('with INTROSPECTION=false', () => {
  const hidden = createStatusqlYoga(testConfig({ INTROSPECTION: 'false' }));

  it.each(['__schema { queryType { name } }', '__type(name: "StatusCode") { name }'])(
    'refuses { %s } with 400',
    async (selection) => {
      const field = selection.slice(0, selection.indexOf(' ')).replace(/\(.*/, '');
      const { status, body } = await send(hidden, { query: `{ ${selection} }` });
      expect(status).toBe(400);
      expect(body.errors[0]).toEqual(
        expect.objectContaining({
          message: `GraphQL introspection has been disabled, but the requested query contained the field "${field}".`,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      );
    },
  );

  it.each([
    ['a field', { query: '{ statusCod(code: 404) { code } }' }, 'Cannot query field "statusCod" on type "Query".'],
    [
      'an enum literal',
      { query: '{ statusClass(kind: REDIRECT) { name } }' },
      'Value "REDIRECT" does not exist in "StatusClassKind" enum.',
    ],
    [
      'an enum variable',
      {
        query: 'query ($kind: StatusClassKind!) { statusClass(kind: $kind) { range } }',
        variables: { kind: 'REDIRECT' },
      },
      'Variable "$kind" got invalid value "REDIRECT"; Value "REDIRECT" does not exist in "StatusClassKind" enum.',
    ],
  ])('suggests no names for a misspelt %s', async (_name, request, message) => {
    const { status, body } = await send(hidden, request);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe(message);
  });

  it('still answers __typename and ordinary queries, and serves no GraphiQL', async () => {
    expect(await send(hidden, { query: '{ __typename statusCode(code: 404) { phrase } }' })).toEqual({
      status: 200,
      body: { data: { __typename: 'Query', statusCode: { phrase: 'Not Found' } } },
    });
    const page = await hidden.fetch('http://statusql/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(406);
  });

  it('keeps suggestions when introspection is on', async () => {
    const { body } = await send(yoga, { query: '{ statusCod(code: 404) { code } }' });
    expect(body.errors[0].message).toBe(
      'Cannot query field "statusCod" on type "Query". Did you mean "statusCode", "statusCodes", or "statusClass"?',
    );
  });
});
