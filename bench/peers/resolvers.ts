import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { catalogue } from '../../catalogue/catalogue.js';
import { classOf } from '../../catalogue/classes.js';
import { matchesFilter, type StatusCodeFilter } from '../../catalogue/filter.js';
import type { StatusCodeRecord } from '../../catalogue/records.js';
import { facetedSearch, type FacetedResults } from '../../catalogue/faceted-search.js';
import { createSearch, type SearchHit } from '../../catalogue/search.js';

/**
 * StatusQL's printed schema, served as SDL by the peers. Their resolvers cover what the bench's
 * three operations reach (statusCode, statusCodes, search, their connections and StatusCode.class);
 * other fields fall back to the default resolver.
 */
export const typeDefs = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');

const searchCatalogue = createSearch(catalogue);
const maxPageSize = 100;
// Pothos's offset cursors, so `cursor` and `after` mean the same thing on every server.
const cursorPrefix = 'OffsetConnection:';

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

interface Edge<T> {
  cursor: string;
  node: StatusCodeRecord;
  hit?: T;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function offsetToCursor(offset: number): string {
  return Buffer.from(`${cursorPrefix}${offset}`).toString('base64');
}

function cursorToOffset(cursor: string, name: string): number {
  const text = Buffer.from(cursor, 'base64').toString();
  const offset = Number(text.slice(cursorPrefix.length));
  if (!text.startsWith(cursorPrefix) || !Number.isSafeInteger(offset) || offset < 0) {
    throw badInput(`${name} is not a cursor this API issued`);
  }
  return offset;
}

/** A forward page of `items` as a Relay connection (the three operations page forward only). */
function page<T>(args: PageArgs, items: readonly T[], nodeOf: (item: T) => StatusCodeRecord) {
  if (args.last != null || args.before != null) throw badInput('last and before are not served by this peer');
  if (args.first != null && (!Number.isInteger(args.first) || args.first < 1 || args.first > maxPageSize)) {
    throw badInput(`first must be between 1 and ${maxPageSize}`);
  }
  const start = args.after ? cursorToOffset(args.after, 'after') + 1 : 0;
  const end = Math.min(items.length, start + (args.first ?? maxPageSize));
  const edges: Edge<T>[] = items
    .slice(start, end)
    .map((item, index) => ({ cursor: offsetToCursor(start + index), node: nodeOf(item), hit: item }));
  return {
    edges,
    totalCount: items.length,
    pageInfo: {
      startCursor: offsetToCursor(start),
      endCursor: offsetToCursor(start + edges.length - 1),
      hasPreviousPage: start > 0,
      hasNextPage: end < items.length,
    },
  };
}

const orderings = {
  CODE_ASC: (a: StatusCodeRecord, b: StatusCodeRecord) => a.code - b.code,
  CODE_DESC: (a: StatusCodeRecord, b: StatusCodeRecord) => b.code - a.code,
  PHRASE_ASC: (a: StatusCodeRecord, b: StatusCodeRecord) => a.phrase.localeCompare(b.phrase, 'en'),
};

type Ordering = keyof typeof orderings;

/** Resolvers in the graphql-tools shape that both graphql-yoga's `createSchema` and mercurius take. */
export const resolvers = {
  Query: {
    statusCode: (_root: unknown, { code }: { code: number }) => {
      if (code < 100 || code > 599) throw badInput('code must be between 100 and 599');
      return catalogue.byCode.get(code) ?? null;
    },
    statusCodes: (_root: unknown, args: PageArgs & { filter?: StatusCodeFilter | null; orderBy?: Ordering | null }) => {
      const codes = catalogue.codes
        .filter((record) => matchesFilter(record, args.filter ?? {}))
        .sort(orderings[args.orderBy ?? 'CODE_ASC']);
      return page(args, codes, (record) => record);
    },
    search: (_root: unknown, args: PageArgs & { query: string; filter?: StatusCodeFilter | null }) => {
      const query = args.query.trim();
      if (query.length === 0) throw badInput('query must not be empty');
      if (query.length > 200) throw badInput('query must be at most 200 characters');
      const { results, facets } = facetedSearch(searchCatalogue, args.query, args.filter ?? {});
      return { ...page(args, results, (hit) => hit.record), facets };
    },
  },
  StatusCode: {
    class: (record: StatusCodeRecord) => classOf(record.code),
  },
  StatusCodeSearchEdge: {
    score: (edge: Edge<SearchHit>) => edge.hit?.score,
    matches: (edge: Edge<SearchHit>) => [...(edge.hit?.matches ?? [])].map(([field, terms]) => ({ field, terms })),
  },
  StatusCodeSearchConnection: {
    facets: ({ facets }: FacetedResults) => facets.map(({ statusClass, count }) => ({ class: statusClass, count })),
  },
};
