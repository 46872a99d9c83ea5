import { getNamedType, isInputObjectType, isObjectType, type GraphQLNamedType, type GraphQLType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import type { StatusCodeRecord } from '../catalogue/records.js';
import { schema } from '../schema/index.js';
import { execute } from './helpers.js';

interface CodePage {
  edges: { cursor: string; node: { code: number } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}
const codesOf = (page: CodePage) => page.edges.map((edge) => edge.node.code);

describe('a bad argument on one root field', () => {
  it('nulls that field alone: the classes still answer beside an empty search', async () => {
    const result = await execute('{ statusClasses { range } search(query: "", first: 1) { totalCount } }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      statusClasses: ['1xx', '2xx', '3xx', '4xx', '5xx'].map((range) => ({ range })),
      search: null,
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'query must not be empty',
        path: ['search'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'query', constraint: 'MIN_LENGTH', limit: 1 },
      }),
    ]);
  });

  it.each([
    ['a query over 1,000 characters', `search(query: "${'a'.repeat(1001)}", first: 1)`, 'query', 'MAX_LENGTH', 1000],
    ['a code out of range', 'statusCode(code: 600)', 'code', 'MAX', 599],
    [
      'too many codes in a filter',
      `statusCodes(first: 1, filter: { codes: [${'404,'.repeat(101)}] })`,
      'filter.codes',
      'MAX_ITEMS',
      100,
    ],
    ['a page over 100', 'statusCodes(first: 101)', 'first', 'MAX', 100],
    ['neither first nor last', 'statusCodes', 'first', 'ONE_OF', 100],
    ['both first and last', 'statusCodes(first: 1, last: 1)', 'first', 'ONE_OF', 100],
  ])('names the argument, the constraint and the limit for %s', async (_name, field, argument, constraint, limit) => {
    const result = await execute(`{ quickGuide { situation } refused: ${field} { __typename } }`);
    expect(result.data?.refused).toBeNull();
    expect(result.data?.quickGuide).toHaveLength(8);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument, constraint, limit });
  });
});

describe('cursors', () => {
  const page = async (after: string | null, first = 10) => {
    const result = await execute<{ statusCodes: CodePage }>(
      'query ($after: String, $first: Int) { statusCodes(first: $first, after: $after) { edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }',
      { after, first },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.statusCodes;
  };

  it('resume after the code they name when a code is added before it', async () => {
    const first = await page(null);
    expect(codesOf(first)).toEqual([100, 101, 102, 103, 104, 200, 201, 202, 203, 204]);
    // A new code lands on the first page; a bookmarked cursor must not repeat 204 or skip one.
    const codes = catalogue.codes as StatusCodeRecord[];
    const added = { ...catalogue.byCode.get(103)!, code: 105, phrase: 'Test Only' };
    codes.splice(5, 0, added);
    try {
      const next = await page(first.pageInfo.endCursor);
      expect(codesOf(next)).toEqual([205, 206, 207, 208, 218, 226, 300, 301, 302, 303]);
      expect(codesOf(await page(null, 6))).toEqual([100, 101, 102, 103, 104, 105]);
    } finally {
      codes.splice(5, 1);
    }
  });

  it('resume at the same place when the code they name is gone', async () => {
    const first = await page(null, 9);
    expect(first.pageInfo.endCursor).toBe(first.edges.at(-1)!.cursor);
    const codes = catalogue.codes as StatusCodeRecord[];
    const removed = codes.splice(8, 1);
    try {
      expect(codesOf(await page(first.pageInfo.endCursor, 2))).toEqual([204, 205]);
    } finally {
      codes.splice(8, 0, ...removed);
    }
  });

  it('are opaque and versioned, and refuse an offset cursor of 0.x and one from another list', async () => {
    const [edge] = (await page(null, 1)).edges;
    expect(Buffer.from(edge!.cursor, 'base64url').toString()).toBe('v1:code:100');
    const offset = await execute('{ statusCodes(first: 1, after: "T2Zmc2V0Q29ubmVjdGlvbjo0OQ==") { totalCount } }');
    expect(offset.errors?.[0]).toMatchObject({
      message: 'after is not a cursor this API issued',
      extensions: { argument: 'after', constraint: 'CURSOR' },
    });
    const symptoms = await execute<{ symptoms: { pageInfo: { endCursor: string } } }>(
      '{ symptoms(first: 1) { pageInfo { endCursor } } }',
    );
    const mixed = await execute('query ($after: String) { statusCodes(first: 1, after: $after) { totalCount } }', {
      after: symptoms.data!.symptoms.pageInfo.endCursor,
    });
    expect(mixed.errors?.[0]).toMatchObject({
      message: 'after is a cursor of a differently ordered list',
      extensions: { argument: 'after', constraint: 'CURSOR' },
    });
  });

  it('page backwards with last and before, and in reverse and phrase order', async () => {
    const last = await execute(
      '{ statusCodes(last: 2) { edges { node { code } } pageInfo { hasPreviousPage hasNextPage } } byPhrase: statusCodes(first: 2, sortKey: PHRASE, reverse: true) { edges { node { phrase } } } }',
    );
    expect(last.data?.statusCodes.edges).toEqual([{ node: { code: 598 } }, { node: { code: 599 } }]);
    expect(last.data?.statusCodes.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
    const phrases = catalogue.codes.map((record) => record.phrase).sort((a, b) => b.localeCompare(a, 'en'));
    expect(last.data?.byPhrase.edges.map((edge: any) => edge.node.phrase)).toEqual(phrases.slice(0, 2));
  });
});

describe('symptoms', () => {
  it('refetch through node(id:) by their global id, and keep a readable slug', async () => {
    const listed = await execute(
      '{ symptoms(first: 1) { totalCount edges { node { id slug source { key name } } } } }',
    );
    const { id, slug } = listed.data!.symptoms.edges[0].node;
    expect(listed.data?.symptoms.totalCount).toBe(catalogue.symptoms.length);
    expect(slug).toBe(catalogue.symptoms.map((symptom) => symptom.id).sort()[0]);
    const again = await execute(
      'query ($id: ID!) { node(id: $id) { id ... on Symptom { slug statusCode { code } } } }',
      {
        id,
      },
    );
    expect(again.data?.node).toEqual({
      id,
      slug,
      statusCode: { code: catalogue.symptoms.find((symptom) => symptom.id === slug)!.code },
    });
  });
});

describe('the 1.0 shape', () => {
  const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
  const fieldsOf = (type: GraphQLNamedType): { name: string; type: GraphQLType }[] =>
    isObjectType(type) || isInputObjectType(type) ? Object.values(type.getFields()) : [];

  it('names no field `class`, reserved in Java, Kotlin, Swift and Python', () => {
    expect(types.flatMap((type) => fieldsOf(type).filter((field) => field.name === 'class'))).toEqual([]);
  });

  it.each([
    ['Registration', 'expiresOn', 'Date'],
    ['Specification', 'url', 'URL'],
    ['Symptom', 'reference', 'URL'],
    ['StatusCode', 'liveExampleUrl', 'URL'],
    ['SearchMatch', 'field', 'SearchField'],
  ])('types %s.%s as %s', (typeName, fieldName, scalar) => {
    const field = fieldsOf(schema.getType(typeName)!).find((entry) => entry.name === fieldName)!;
    expect(getNamedType(field.type).name).toBe(scalar);
  });

  it('pages every list that grows', () => {
    const paged = (typeName: string, fieldName: string) =>
      getNamedType(fieldsOf(schema.getType(typeName)!).find((entry) => entry.name === fieldName)!.type).name;
    expect([paged('Query', 'symptoms'), paged('StatusCode', 'symptoms'), paged('StatusClass', 'codes')]).toEqual([
      'SymptomConnection',
      'SymptomConnection',
      'StatusCodeConnection',
    ]);
  });

  it('tells deprecated, obsolete, reserved and retired codes apart, and filters temporary registrations', async () => {
    const result = await execute(`{
      retired: statusCodes(first: 10, filter: { deprecated: true }) { edges { node { code deprecation { kind } } } }
      temporary: statusCodes(first: 10, filter: { registrations: [TEMPORARY] }) { edges { node { code registration { status expiresOn } } } }
    }`);
    expect(result.data?.retired.edges.map((edge: any) => `${edge.node.code} ${edge.node.deprecation.kind}`)).toEqual([
      '102 OBSOLETE',
      '305 DEPRECATED',
      '306 RESERVED',
      '418 RESERVED',
      '420 RETIRED',
      '510 OBSOLETE',
      '527 RETIRED',
    ]);
    expect(result.data?.temporary.edges).toEqual([
      { node: { code: 104, registration: { status: 'TEMPORARY', expiresOn: '2026-11-13' } } },
    ]);
  });
});
