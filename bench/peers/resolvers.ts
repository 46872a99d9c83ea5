import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { catalogue } from '../../catalogue/catalogue.js';
import { classOf } from '../../catalogue/classes.js';
import { facetedSearch } from '../../catalogue/faceted-search.js';
import { matchesFilter, type StatusCodeFilter } from '../../catalogue/filter.js';
import type { StatusClassRecord, StatusCodeRecord } from '../../catalogue/records.js';
import type { SearchField } from '../../catalogue/search-tuning.js';
import { createSearch, type SearchHit } from '../../catalogue/search.js';
import { isTypeableText } from '../../schema/text-argument.js';

/**
 * StatusQL's printed schema, served as SDL by the peers. Their resolvers cover what the bench's
 * three operations reach (statusCode, statusCodes, search, their connections, StatusCode.statusClass)
 * and what verify.ts checks besides (cursors and paging both ways, sort keys, classFacets, matches,
 * registration, liveExampleUrl, StatusClass.codes); other fields fall back to the default resolver.
 */
export const typeDefs = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');

const searchCatalogue = createSearch(catalogue);
const maxPageSize = 100;
/** StatusQL's bound on `search(query:)`, after trimming (schema/search.ts). */
const maxQueryLength = 1000;

/**
 * Where the server is reached, for `liveExampleUrl`: StatusQL's PUBLIC_URL, read the same way
 * (server/config.ts: its origin, `http://localhost:<PORT>` when unset). The bench sets one value
 * for every server so that the answers can be compared.
 */
const publicUrl = new URL(process.env['PUBLIC_URL'] || `http://localhost:${process.env['PORT'] || 4000}`).origin;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * StatusQL's cursors (schema/pagination.ts), written out here rather than imported: importing that
 * module loads Pothos, which would add its start-up time and memory to every peer. A cursor is
 * `v1:<kind>:<key as JSON>` in base64url and names the item it stands at (a code, a phrase and
 * code, or a search result's code), not an offset. verify.ts checks the peers' cursors equal
 * StatusQL's and that they accept StatusQL's.
 */
type CursorKind = 'code' | 'phrase' | 'rank';

function encodeCursor(kind: CursorKind, key: unknown): string {
  return Buffer.from(`v1:${kind}:${JSON.stringify(key)}`).toString('base64url');
}

/** How one list is ordered, and where a cursor's key falls within that order. */
interface Ordering<T, K> {
  kind: CursorKind;
  keyOf: (item: T) => K;
  isKey: (value: unknown) => value is K;
  /** Negative when the item comes before the key's place in the list, 0 at it, positive after. */
  compare: (item: T, key: K) => number;
}

const isCode = (value: unknown): value is number => Number.isInteger(value);

const byCode = <T extends { code: number }>(reverse: boolean): Ordering<T, number> => ({
  kind: 'code',
  keyOf: (item) => item.code,
  isKey: isCode,
  compare: (item, key) => (reverse ? key - item.code : item.code - key),
});

type PhraseKey = [phrase: string, code: number];

const byPhrase = <T extends { code: number; phrase: string }>(reverse: boolean): Ordering<T, PhraseKey> => ({
  kind: 'phrase',
  keyOf: (item) => [item.phrase, item.code],
  isKey: (value): value is PhraseKey =>
    Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isCode(value[1]),
  compare: (item, [phrase, code]) => (reverse ? -1 : 1) * (item.phrase.localeCompare(phrase, 'en') || item.code - code),
});

/** Search results in rank order: a cursor names a code, and the page resumes after it. */
const byRank = <T extends { code: number }>(ranked: readonly T[]): Ordering<T, number> => {
  const ranks = new Map(ranked.map((item, rank) => [item.code, rank]));
  return {
    kind: 'rank',
    keyOf: (item) => item.code,
    isKey: isCode,
    compare: (item, key) => {
      const rank = ranks.get(key);
      if (rank === undefined) throw badInput('the cursor stands at a code this search no longer finds');
      return ranks.get(item.code)! - rank;
    },
  };
};

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The key a cursor argument names, refused unless it is a cursor of this kind of list. */
function keyOf<K>(cursor: string | null | undefined, name: string, ordering: Ordering<never, K>): K | undefined {
  if (cursor == null) return undefined;
  const match = /^v1:([a-z]+):(.+)$/s.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || cursor.length > 400) throw badInput(`${name} is not a cursor this API issued`);
  let key: unknown;
  try {
    key = JSON.parse(match[2]!);
  } catch {
    throw badInput(`${name} is not a cursor this API issued`);
  }
  if (match[1] !== ordering.kind || !ordering.isKey(key)) {
    throw badInput(`${name} is a cursor of a differently ordered list`);
  }
  return key;
}

function pageSize(value: number | null | undefined, name: string): number | undefined {
  if (value == null) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > maxPageSize) {
    throw badInput(`${name} must be between 1 and ${maxPageSize}`);
  }
  return value;
}

const indexWhere = <T>(items: readonly T[], test: (item: T) => boolean) => {
  const index = items.findIndex(test);
  return index === -1 ? items.length : index;
};

/**
 * One page of `items`, already in list order, between the cursors the arguments give: exactly one
 * of `first` and `last`, with the page info Pothos's `resolveCursorConnection` gives StatusQL.
 */
function pageOf<T, K>(args: PageArgs, items: readonly T[], ordering: Ordering<T, K>) {
  const first = pageSize(args.first, 'first');
  const last = pageSize(args.last, 'last');
  if ((first === undefined) === (last === undefined)) {
    throw badInput(`give first or last (1 to ${maxPageSize}), not both and not neither`);
  }
  const after = keyOf(args.after, 'after', ordering as Ordering<never, K>);
  const before = keyOf(args.before, 'before', ordering as Ordering<never, K>);
  const start = after === undefined ? 0 : indexWhere(items, (item) => ordering.compare(item, after) > 0);
  const end = before === undefined ? items.length : indexWhere(items, (item) => ordering.compare(item, before) >= 0);
  const window = items.slice(start, Math.max(start, end));
  const size = (first ?? last)!;
  const fromEnd = first === undefined;
  const edges = (fromEnd ? window.slice(-size) : window.slice(0, size)).map((item) => ({
    cursor: encodeCursor(ordering.kind, ordering.keyOf(item)),
    item,
  }));
  const emptyCursor = args.after ?? args.before ?? '';
  return {
    edges,
    totalCount: items.length,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? emptyCursor,
      endCursor: edges.at(-1)?.cursor ?? emptyCursor,
      hasPreviousPage: fromEnd ? window.length > size : args.after != null,
      hasNextPage: fromEnd ? args.before != null : window.length > size,
    },
  };
}

/** `codes` sorted as a sort key and `reverse` ask, with how their cursors compare. */
function sortedCodes<T extends { code: number; phrase: string }>(
  codes: readonly T[],
  sortKey: 'CODE' | 'PHRASE',
  reverse: boolean,
) {
  const ordering = (sortKey === 'PHRASE' ? byPhrase<T>(reverse) : byCode<T>(reverse)) as Ordering<T, unknown>;
  const sorted = [...codes].sort((a, b) => ordering.compare(a, ordering.keyOf(b)));
  return { sorted, ordering };
}

/** A search hit as the orderings see it. */
interface RankedHit {
  code: number;
  phrase: string;
  hit: SearchHit;
}

/** Each field search reads, as the SearchField enum value a match names it by. */
const searchFieldValues: Record<SearchField, string> = {
  number: 'NUMBER',
  phrase: 'PHRASE',
  formerPhrases: 'FORMER_PHRASES',
  synonyms: 'SYNONYMS',
  vendors: 'VENDORS',
  frameworkNames: 'FRAMEWORK_NAMES',
  headers: 'HEADERS',
  description: 'DESCRIPTION',
  commonUsage: 'COMMON_USAGE',
  situations: 'SITUATIONS',
  apiErrors: 'API_ERRORS',
  otherLanguages: 'OTHER_LANGUAGES',
};

interface SortArgs<S> {
  sortKey: S;
  reverse: boolean;
}

/** Resolvers in the graphql-tools shape that both graphql-yoga's `createSchema` and mercurius take. */
export const resolvers = {
  Query: {
    statusCode: (_root: unknown, { code }: { code: number }) => {
      if (code < 100 || code > 599) throw badInput('code must be between 100 and 599');
      return catalogue.byCode.get(code) ?? null;
    },
    statusCodes: (
      _root: unknown,
      args: PageArgs & SortArgs<'CODE' | 'PHRASE'> & { filter?: StatusCodeFilter | null },
    ) => {
      const matching = catalogue.codes.filter((record) => matchesFilter(record, args.filter ?? {}));
      const { sorted, ordering } = sortedCodes(matching, args.sortKey, args.reverse);
      const page = pageOf(args, sorted, ordering);
      return { ...page, edges: page.edges.map(({ cursor, item }) => ({ cursor, node: item })) };
    },
    search: (
      _root: unknown,
      args: PageArgs & SortArgs<'RELEVANCE' | 'CODE' | 'PHRASE'> & { query: string; filter?: StatusCodeFilter | null },
    ) => {
      if (!isTypeableText(args.query)) throw badInput('query must not contain control characters');
      const query = args.query.trim();
      if (query.length === 0) throw badInput('query must not be empty');
      if (query.length > maxQueryLength) throw badInput(`query must be at most ${maxQueryLength} characters`);
      const { results, facets } = facetedSearch(searchCatalogue, query, args.filter ?? {});
      const items: RankedHit[] = results.map((hit) => ({ code: hit.record.code, phrase: hit.record.phrase, hit }));
      let page;
      if (args.sortKey === 'RELEVANCE') {
        const ranked = args.reverse ? items.reverse() : items;
        page = pageOf(args, ranked, byRank(ranked));
      } else {
        const { sorted, ordering } = sortedCodes(items, args.sortKey, args.reverse);
        page = pageOf(args, sorted, ordering);
      }
      return {
        ...page,
        edges: page.edges.map(({ cursor, item }) => ({ cursor, node: item.hit.record, hit: item.hit })),
        classFacets: facets,
      };
    },
  },
  StatusCode: {
    statusClass: (record: StatusCodeRecord) => classOf(record.code),
    registration: (record: StatusCodeRecord) => ({
      status: record.registration,
      expiresOn: record.registrationExpires,
    }),
    liveExampleUrl: (record: StatusCodeRecord) => new URL(`/status/${record.code}`, publicUrl).href,
  },
  StatusClass: {
    codes: (statusClass: StatusClassRecord, args: PageArgs) => {
      const page = pageOf(args, catalogue.byClass.get(statusClass.kind) ?? [], byCode(false));
      return { ...page, edges: page.edges.map(({ cursor, item }) => ({ cursor, node: item })) };
    },
  },
  StatusCodeSearchEdge: {
    score: (edge: { hit: SearchHit }) => edge.hit.score,
    matches: (edge: { hit: SearchHit }) =>
      [...edge.hit.matches].map(([field, terms]) => ({ field: searchFieldValues[field as SearchField], terms })),
  },
};
