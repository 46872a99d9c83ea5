import {
  buildSchema,
  executeSync,
  getIntrospectionQuery,
  parse,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { estimateCost, useCostLimit, type ListBounds } from '../server/yoga/use-cost-limit.js';
import { introspectionDumps } from './introspection-dumps.js';

const bounds: ListBounds = { pageSize: 100, otherwise: 42 };
const app = createYoga({
  schema,
  plugins: [useCostLimit({ cost: 25_000, workMs: 60_000, answerBytes: 1e9 }, bounds)],
  logging: false,
});

async function send(body: unknown, to = app): Promise<{ status: number; body: any }> {
  const response = await to.fetch('http://statusql/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The field values an answer holds, counted as the estimate counts them: each field once per object, each list item's fields. */
function countValues(result: ExecutionResult): number {
  expect(result.errors).toBeUndefined();
  let count = 0;
  const pending: unknown[] = [result.data];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) pending.push(...value);
    else if (value !== null && typeof value === 'object') {
      const fields = Object.values(value);
      count += fields.length;
      pending.push(...fields);
    }
  }
  return count;
}

/** The estimate of a query, and the values its answer holds. */
const exactly = (
  on: GraphQLSchema,
  query: string,
  variables: Record<string, unknown> = {},
  rootValue?: unknown,
): [number, number] => {
  const document = parse(query);
  return [
    estimateCost(on, document, undefined, variables, bounds),
    countValues(executeSync({ schema: on, document, variableValues: variables, rootValue })),
  ];
};

const schemaDump = introspectionDumps(1);
const schemaDumps = introspectionDumps(15);

// Each level follows every field to its type, through up to three wrappers, so the answer
// multiplies by a type's fields at every level. (graphql-js's MaxIntrospectionDepthRule refuses
// it at validation too; the estimate must not depend on that.)
const explosive = [
  'fragment F0 on __Type { name }',
  ...Array.from(
    { length: 8 },
    (_, index) =>
      `fragment F${index + 1} on __Type { fields { type { ...F${index} ofType { ...F${index} ofType { ...F${index} ofType { ...F${index} } } } } } }`,
  ),
  '{ __schema { types { ...F8 } } }',
].join('\n');

describe('the cost of introspection', () => {
  const standard = {
    'graphql-js’s and graphql-codegen’s default': {},
    'GraphiQL’s, with inputValueDeprecation and schemaDescription': {
      inputValueDeprecation: true,
      schemaDescription: true,
    },
    'every option on': {
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      experimentalDirectiveDeprecation: true,
      oneOf: true,
    },
  };
  it.each(
    Object.entries(standard).map(([name, options]) => {
      const query = getIntrospectionQuery(options);
      return [name, estimateCost(schema, parse(query), undefined, {}, bounds), query] as const;
    }),
  )('counts the standard introspection query (%s) exactly: %i values', async (_name, cost, query) => {
    expect(cost).toBe(countValues(executeSync({ schema, document: parse(query) })));
    expect(cost).toBeLessThan(25_000);
    const { status, body } = await send({ query });
    expect(status).toBe(200);
    expect(body.data.__schema.types.length).toBeGreaterThan(10);
  });

  it('counts __type(name:), __typename, fragments, and deprecated values by includeDeprecated from a literal, a variable or its default', () => {
    const deprecated = buildSchema(/* GraphQL */ `
      type Query { one(old: Int @deprecated, new: Int): Int, two: Int @deprecated, kind(of: Kind): Kind, self: Query, all: [Query] }
      enum Kind { A B @deprecated }
      input Filter { old: Int @deprecated, new: Int }
    `);
    const type =
      '__type(name: $name) { __typename name fields(includeDeprecated: $all) { name args(includeDeprecated: $all) { name } } enumValues(includeDeprecated: $all) { ...Value } inputFields(includeDeprecated: $all) { name } }';
    const query = (all: string) =>
      `query ($name: String!, $all: Boolean${all}) { ${type} } fragment Value on __EnumValue { name isDeprecated ... on __EnumValue { deprecationReason } }`;
    for (const name of ['Query', 'Kind', 'Filter', 'Missing']) {
      for (const [defaults, variables] of [
        ['', {}],
        ['', { all: true }],
        [' = true', {}],
        [' = true', { all: false }],
      ] as const) {
        const [estimate, counted] = exactly(deprecated, query(defaults), { name, ...variables });
        expect(estimate, `${name}${defaults} ${JSON.stringify(variables)}`).toBe(counted);
      }
    }
    expect(exactly(deprecated, '{ __type(name: "Query") { fields(includeDeprecated: true) { name } } }')).toEqual([
      7, 7,
    ]);
    expect(exactly(deprecated, '{ self { __schema { queryType { name } } } }', {}, { self: {} })).toEqual([4, 4]);
    // The query type under a list counts its introspection once per item, as many as the list may hold.
    expect(estimateCost(deprecated, parse('{ all { __schema { queryType { name } } } }'), undefined, {}, bounds)).toBe(
      1 + 42 * 3,
    );
  });

  const one = estimateCost(schema, parse(schemaDump), undefined, {}, bounds);
  const fifteen = estimateCost(schema, parse(schemaDumps), undefined, {}, bounds);
  it(`refuses 15 aliased __schema dumps in ${schemaDumps.length} bytes, costing ${fifteen} (${one} each), with MAX_COST_EXCEEDED`, async () => {
    expect(exactly(schema, schemaDump)).toEqual([one, one]);
    expect(exactly(schema, schemaDumps)).toEqual([fifteen, fifteen]);
    expect(fifteen).toBe(15 * one);
    expect(one).toBeLessThanOrEqual(25_000);
    expect(fifteen).toBeGreaterThan(25_000);
    expect((await send({ query: schemaDump })).status).toBe(200);
    expect(await send({ query: schemaDumps })).toEqual({
      status: 400,
      body: {
        errors: [
          expect.objectContaining({
            extensions: { code: 'MAX_COST_EXCEEDED', limit: 'MAX_COST', estimate: fifteen, maximum: 25_000 },
          }),
        ],
      },
    });
  });

  it('stops costing an explosive nested introspection past the limit, in well under 50 ms', () => {
    const document = parse(explosive);
    const started = performance.now();
    const cost = estimateCost(schema, document, undefined, {}, bounds, 25_000);
    const elapsed = performance.now() - started;
    expect(cost).toBeGreaterThan(25_000);
    expect(cost).toBeLessThan(26_000);
    expect(elapsed).toBeLessThan(50);
    // Its answer would hold more than a million values.
    expect(estimateCost(schema, document, undefined, {}, bounds, 1_000_000)).toBeGreaterThan(1_000_000);
    console.info(`explosive introspection costed past the limit (${cost}) in ${elapsed.toFixed(2)} ms`);
  });

  it('spreads a fragment once per object however often it repeats, as execution does', () => {
    const doubling = [
      'fragment D0 on __Type { name }',
      ...Array.from({ length: 20 }, (_, index) => `fragment D${index + 1} on __Type { ...D${index} ...D${index} }`),
      '{ __type(name: "Query") { ...D20 } }',
    ].join('\n');
    const started = performance.now();
    expect(exactly(schema, doubling)).toEqual([2, 2]);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('the cost limit', () => {
  it('costs each execution with its own variables, the same query text too', async () => {
    const small = createYoga({
      schema,
      plugins: [useCostLimit({ cost: 8, workMs: 60_000, answerBytes: 1e9 }, bounds)],
      logging: false,
    });
    const query = 'query ($n: Int) { statusCodes(first: $n) { edges { node { code } } } }';
    const status = async (n: number) => (await send({ query, variables: { n } }, small)).status;
    expect([await status(3), await status(4), await status(3), await status(4)]).toEqual([200, 400, 200, 400]);
  });

  it('is not thrown by variables nested 5,000 deep', async () => {
    const body = `{"query":"{ __typename }","variables":{"deep":${'['.repeat(5_000)}${']'.repeat(5_000)}}}`;
    expect(await send(body)).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});
