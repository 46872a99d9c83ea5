import { describe, expect, it } from 'vitest';
import { execute } from './helpers.js';

const badArguments: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['a code below 100', '{ statusCode(code: 99) { code } }', /code must be between 100 and 599/],
  ['a code above 599', '{ statusCode(code: 600) { code } }', /code must be between 100 and 599/],
  ['a negative code', '{ statusCode(code: -404) { code } }', /code must be between 100 and 599/],
  ['an empty search', '{ search(query: "") { totalCount } }', /query must not be empty/],
  ['a blank search', '{ search(query: "   ") { totalCount } }', /query must not be empty/],
  [
    'a 1001-character search',
    `{ search(query: "${'a'.repeat(1001)}") { totalCount } }`,
    /query must be at most 1000 characters/,
  ],
  ['first of 0', '{ statusCodes(first: 0) { totalCount } }', /first must be between 1 and 100/],
  ['a negative first', '{ statusCodes(first: -5) { totalCount } }', /first must be between 1 and 100/],
  ['first of 101', '{ statusCodes(first: 101) { totalCount } }', /first must be between 1 and 100/],
  [
    'an absurd first on search',
    '{ search(query: "x", first: 1000000) { totalCount } }',
    /first must be between 1 and 100/,
  ],
  [
    'a malformed cursor',
    '{ statusCodes(after: "not-a-cursor") { totalCount } }',
    /after is not a cursor this API issued/,
  ],
  [
    'a cursor of another shape',
    `{ statusCodes(after: "${btoa('OffsetConnection:abc')}") { totalCount } }`,
    /after is not a cursor/,
  ],
  [
    'a filter code out of range',
    '{ statusCodes(filter: { codes: [42] }) { totalCount } }',
    /codes run from 100 to 599/,
  ],
  ['an empty header filter', '{ statusCodes(filter: { header: "" }) { totalCount } }', /header must not be empty/],
  ['a malformed global id', '{ node(id: "%%%") { id } }', /./],
  [
    '101 ids for nodes',
    `{ nodes(ids: [${Array.from({ length: 101 }, () => '"U3RhdHVzQ29kZTo0MDQ="').join(',')}]) { id } }`,
    /ids takes at most 100 ids/,
  ],
];

describe('argument validation', () => {
  it.each(badArguments)('rejects %s with BAD_USER_INPUT', async (_name, query, message) => {
    const result = await execute(query);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('accepts the edges of every range', async () => {
    const result = await execute(`{ a: statusCode(code: 100) { code } b: statusCode(code: 599) { code }
      c: statusCodes(first: 1) { totalCount } d: statusCodes(first: 100) { totalCount }
      e: search(query: "${'a'.repeat(200)}", first: 1) { totalCount } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.b).toEqual({ code: 599 });
  });

  it('resolves 100 ids in one nodes call', async () => {
    const ids = Array.from({ length: 100 }, () => btoa('StatusCode:404'));
    const result = await execute('query ($ids: [ID!]!) { nodes(ids: $ids) { ... on StatusCode { code } } }', { ids });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toHaveLength(100);
    expect(result.data?.nodes[99]).toEqual({ code: 404 });
  });

  it('reports a wrong variable type before execution', async () => {
    const result = await execute('query ($code: Int!) { statusCode(code: $code) { code } }', { code: 'four-oh-four' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/\$code/);
  });

  it('keeps unknown fields a validation error', async () => {
    const result = await execute('{ statusCode(code: 404) { nope } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
