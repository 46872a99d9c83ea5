import { readFileSync, readdirSync } from 'node:fs';
import {
  execute as executeDocument,
  getIntrospectionQuery,
  isObjectType,
  parse,
  print,
  separateOperations,
  type DocumentNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { completes, createSuggest, withoutRepeats } from '../catalogue/suggest.js';
import { costOf, Sizes } from '../schema/cost.js';
import { schema } from '../schema/index.js';
import { encodeCursor } from '../schema/pagination.js';
import { estimate } from '../server/yoga/use-cost-limit.js';
import { listBounds } from '../server/yoga/yoga.js';
import { execute } from './helpers.js';

describe('the declared costs (schema/cost.ts)', () => {
  it('are declared on every field of every object type', () => {
    const missing = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) =>
        Object.values(
          (type as { getFields: () => Record<string, { extensions: Record<string, unknown> }> }).getFields(),
        )
          .filter((field) => costOf(field.extensions) === undefined)
          .map((field) => `${type.name}.${(field as unknown as { name: string }).name}`),
      );
    expect(missing).toEqual([]);
  });

  it('bound n distinct values by the n largest, and n others by n times the largest', () => {
    const sizes = new Sizes([3, 10, 1, 7]);
    expect(sizes.largest).toBe(10);
    expect([1, 2, 4].map((count) => sizes.total(count, true))).toEqual([10, 17, 21]);
    // More than were measured: the rest may repeat the largest.
    expect(sizes.total(6, true)).toBe(21 + 2 * 10);
    expect(sizes.total(3, false)).toBe(30);
  });
});

const operationsDirectory = new URL('../sdk/operations/', import.meta.url);
const fragments = readFileSync(new URL('fragments.graphql', operationsDirectory), 'utf8');
/**
 * Each SDK document with the variables that make its answer largest. A search's bound is for a
 * full page, whatever it finds, so it is not held to the answer's size.
 */
const sdkOperations: [string, Record<string, unknown>][] = [
  ['interpret-status', { code: 299 }],
  ['quick-guide', {}],
  ['search', { query: 'request timed out upstream gateway', first: 100 }],
  ['search', { query: 'error', first: 100 }],
  ['status-class', { kind: 'CLIENT_ERROR' }],
  ['status-classes', {}],
  ['status-code', { code: 404 }],
  ['status-codes', { first: 50 }],
  ['status-codes', { first: 50, after: encodeCursor('code', catalogue.codes[49]!.code) }],
  ['suggestions', { prefix: 'e', first: 20 }],
  ['symptoms', {}],
];

describe('the estimate of an answer', () => {
  it('covers every SDK document', () => {
    const documents = readdirSync(operationsDirectory).filter((name) => name !== 'fragments.graphql');
    expect(new Set(sdkOperations.map(([name]) => `${name}.graphql`))).toEqual(new Set(documents));
  });

  const documentOf = (name: string): DocumentNode =>
    parse(`${readFileSync(new URL(`${name}.graphql`, operationsDirectory), 'utf8')}\n${fragments}`, {
      noLocation: true,
    });
  const measured = async (document: DocumentNode, variables: Record<string, unknown>) => {
    const result = await executeDocument({
      schema,
      document: withoutUnusedFragments(document),
      variableValues: variables,
      contextValue: { publicUrl: 'http://localhost:4000' },
    });
    expect(result.errors).toBeUndefined();
    return Buffer.byteLength(JSON.stringify(result.data));
  };

  it.each(sdkOperations)('is at least the bytes %s answers with %j', async (name, variables) => {
    const document = documentOf(name);
    const bytes = await measured(document, variables);
    const bound = estimate(schema, withoutUnusedFragments(document), undefined, variables, listBounds).bytes;
    expect(bound).toBeGreaterThanOrEqual(bytes);
    // Within a few times the answer: a bound far above it would refuse what a dashboard needs. One
    // code's symptoms are bounded by the most any code has: 503's 52 for 404's 24.
    if (name !== 'search') expect(bound).toBeLessThan(Math.max(5 * bytes, 4096));
  });

  it('is at least the bytes of the standard introspection query, counted on the values it returns', async () => {
    const document = parse(getIntrospectionQuery());
    const bytes = await measured(document, {});
    const bound = estimate(schema, document, undefined, {}, listBounds).bytes;
    expect(bound).toBeGreaterThanOrEqual(bytes);
    expect(bound).toBeLessThan(1.2 * bytes);
  });

  it.each([
    [
      'every symptom of every code',
      '{ statusCodes(first: 100) { edges { node { symptoms(first: 100) { edges { node { message example } } } } } } }',
    ],
    ['every description', '{ statusCodes(first: 100) { edges { node { description commonUsage } } } }'],
    [
      'every code of every class',
      '{ statusClasses { codes(first: 100) { edges { node { phrase symptoms(first: 100) { edges { node { meaning } } } } } } } }',
    ],
  ])('is within a tenth of the answer for %s: n distinct codes hold the n largest values', async (_name, query) => {
    const document = parse(query);
    const bytes = await measured(document, {});
    const bound = estimate(schema, document, undefined, {}, listBounds).bytes;
    expect(bound).toBeGreaterThanOrEqual(bytes);
    expect(bound).toBeLessThan(1.1 * bytes);
  });

  it('lets a dashboard fetch the whole catalogue, every field of every code, in three requests', async () => {
    const query = `query ($after: String) { statusCodes(first: 32, after: $after) { pageInfo { ...PageInfoFields } edges { node { ...StatusCodeDetails statusClass { ...StatusClassFields } } } } } ${fragments}`;
    const document = withoutUnusedFragments(parse(query));
    // The limits are what the estimate is held to, by the app's own plugin.
    const bound = estimate(schema, document, undefined, {}, listBounds);
    expect(bound.values).toBeLessThanOrEqual(25_000);
    expect(bound.workUs).toBeLessThanOrEqual(50_000);
    expect(bound.bytes).toBeLessThanOrEqual(1_048_576);
    const text = print(document);
    const pages: Page[] = [];
    let after: string | undefined;
    do {
      const page = await execute<{ statusCodes: Page }>(text, after === undefined ? {} : { after });
      expect(page.errors).toBeUndefined();
      pages.push(page.data!.statusCodes);
      after = page.data!.statusCodes.pageInfo.hasNextPage ? page.data!.statusCodes.pageInfo.endCursor : undefined;
    } while (after !== undefined && pages.length < 5);
    expect(pages).toHaveLength(3);
    const codes = pages.flatMap((page) => page.edges.map((edge) => edge.node.code));
    expect(codes).toEqual(catalogue.codes.map((record) => record.code));
  });
});

interface Page {
  pageInfo: { endCursor: string; hasNextPage: boolean };
  edges: { node: { code: number } }[];
}

/** The document with only the fragments its one operation spreads, as a client sends it. */
const withoutUnusedFragments = (document: DocumentNode): DocumentNode =>
  Object.values(separateOperations(document))[0]!;

describe('suggest on what an attacker types', () => {
  const suggest = createSuggest(catalogue);

  it('searches each word once, the word being typed last', () => {
    expect(withoutRepeats('a a a a')).toBe('a');
    expect(withoutRepeats('rate rate li')).toBe('rate li');
    expect(withoutRepeats('li rate li')).toBe('rate li');
    expect(suggest(`${'rate '.repeat(19)}li`, 8)).toEqual(suggest('rate li', 8));
  });

  it('completes the word being typed, and a word before it only when it has three letters or more', () => {
    const terms = ['a', 'gate', 'status', 'not', 'f', 'statusnotf'];
    expect(terms.map((term, index) => completes(term, index, terms, 4))).toEqual([false, true, true, true, true, true]);
    expect(completes('b', 1, ['a', 'b', 'c'], 1)).toBe(false);
    expect(suggest('gate timeout', 8)[0]?.record.code).toBe(504);
  });
});
