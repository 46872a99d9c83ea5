import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { execute } from './helpers.js';

interface SearchPage {
  totalCount: number;
  classFacets: { statusClass: { range: string }; count: number }[];
  edges: { cursor: string; score: number; matches: { field: string; terms: string[] }[]; node: { code: number } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const searchQuery = `query Search($query: String!, $filter: StatusCodeFilter, $first: Int = 100, $after: String) {
  search(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    classFacets { statusClass { range } count }
    edges { cursor score matches { field terms } node { code } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function searchPage(variables: Record<string, unknown>): Promise<SearchPage> {
  const result = await execute<{ search: SearchPage }>(searchQuery, variables);
  expect(result.status).toBe(200);
  expect(result.errors).toBeUndefined();
  return result.data!.search;
}

async function listedCodes(filter: Record<string, unknown>): Promise<number[]> {
  const result = await execute<{ statusCodes: { edges: { node: { code: number } }[] } }>(
    'query List($filter: StatusCodeFilter) { statusCodes(filter: $filter, first: 100) { edges { node { code } } } }',
    { filter },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.statusCodes.edges.map((edge) => edge.node.code);
}

const codesOf = (page: SearchPage) => page.edges.map((edge) => edge.node.code);

const filters: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ['classes', { classes: ['SERVER_ERROR'] }],
  ['several classes', { classes: ['CLIENT_ERROR', 'REDIRECTION'] }],
  ['codes', { codes: [408, 504, 522, 599] }],
  ['minCode and maxCode', { minCode: 500, maxCode: 509 }],
  ['official', { registrations: ['PERMANENT', 'TEMPORARY'] }],
  ['unofficial', { registrations: ['UNOFFICIAL'] }],
  ['deprecated', { deprecated: false }],
  ['cacheableByDefault', { cacheableByDefault: false }],
  ['retryable', { retryable: true }],
  ['bodyAllowed', { bodyAllowed: true }],
  ['header', { header: 'retry-after' }],
  [
    'everything at once',
    {
      classes: ['SERVER_ERROR'],
      registrations: ['PERMANENT', 'TEMPORARY'],
      retryable: true,
      minCode: 502,
      bodyAllowed: true,
    },
  ],
];

describe('search with filters', () => {
  it.each(filters)('keeps the ranking and applies %s like statusCodes does', async (_name, filter) => {
    const unfiltered = codesOf(await searchPage({ query: 'timeout' }));
    const allowed = new Set(await listedCodes(filter));
    const filtered = await searchPage({ query: 'timeout', filter });
    const expected = unfiltered.filter((code) => allowed.has(code));
    expect(codesOf(filtered)).toEqual(expected);
    expect(filtered.totalCount).toBe(expected.length);
  });

  it('applies filters to a class pattern too', async () => {
    const page = await searchPage({ query: '5xx', filter: { registrations: ['UNOFFICIAL'] } });
    expect(codesOf(page)).toEqual(
      catalogue.codes
        .filter((record) => record.code >= 500 && record.registration === 'UNOFFICIAL')
        .map((record) => record.code),
    );
  });

  it('finds nothing when filters exclude each other', async () => {
    const page = await searchPage({ query: 'timeout', filter: { minCode: 500, maxCode: 499 } });
    expect(page.totalCount).toBe(0);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });
});

describe('search facets', () => {
  it('counts results per class in class order, summing to totalCount without a class filter', async () => {
    const page = await searchPage({ query: 'timeout' });
    expect(page.classFacets.map((facet) => facet.statusClass.range)).toEqual(['1xx', '2xx', '3xx', '4xx', '5xx']);
    const byClass = (name: string) => codesOf(page).filter((code) => `${Math.floor(code / 100)}xx` === name).length;
    expect(page.classFacets.map((facet) => facet.count)).toEqual(
      page.classFacets.map((facet) => byClass(facet.statusClass.range)),
    );
    expect(page.classFacets.reduce((sum, facet) => sum + facet.count, 0)).toBe(page.totalCount);
  });

  it('ignores the class filter but honours the others', async () => {
    const unclassed = await searchPage({ query: 'timeout', filter: { registrations: ['PERMANENT', 'TEMPORARY'] } });
    const classed = await searchPage({
      query: 'timeout',
      filter: { registrations: ['PERMANENT', 'TEMPORARY'], classes: ['CLIENT_ERROR'] },
    });
    expect(classed.classFacets).toEqual(unclassed.classFacets);
    expect(classed.totalCount).toBe(classed.classFacets.find((facet) => facet.statusClass.range === '4xx')?.count);
  });

  it('stays the same on every page', async () => {
    const first = await searchPage({ query: 'proxy', first: 2 });
    const second = await searchPage({ query: 'proxy', first: 2, after: first.pageInfo.endCursor });
    expect(second.classFacets).toEqual(first.classFacets);
    expect(second.totalCount).toBe(first.totalCount);
  });
});

describe('search pagination', () => {
  it.each([
    ['words', 'timeout', {}],
    ['words and a filter', 'proxy', { registrations: ['PERMANENT', 'TEMPORARY'] }],
    ['a class and a filter', '4xx', { retryable: true }],
    ['words narrowed by a class', '5xx error', {}],
  ] as const)('pages through %s without gaps or repeats', async (_name, query, filter) => {
    const all = await searchPage({ query, filter });
    expect(all.totalCount).toBeGreaterThan(3);
    const seen: number[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const page: SearchPage = await searchPage({ query, filter, first: 3, after });
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...codesOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(codesOf(all));
  });

  it('keeps scores falling across pages', async () => {
    const first = await searchPage({ query: 'too large', first: 2 });
    const second = await searchPage({ query: 'too large', first: 2, after: first.pageInfo.endCursor });
    const scores = [...first.edges, ...second.edges].map((edge) => edge.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('search edges', () => {
  it('explain each match by field and catalogue word', async () => {
    const page = await searchPage({ query: 'rate limit', first: 1 });
    expect(page.edges[0]?.node.code).toBe(429);
    const synonyms = page.edges[0]?.matches.find((match) => match.field === 'SYNONYMS');
    expect(synonyms?.terms).toEqual(expect.arrayContaining(['rate', 'limit']));
  });

  it('explains a number match', async () => {
    const page = await searchPage({ query: '404' });
    expect(page.edges).toEqual([
      { cursor: expect.any(String), score: 1, matches: [{ field: 'NUMBER', terms: ['404'] }], node: { code: 404 } },
    ]);
  });

  it('explains a British query in the catalogue spelling', async () => {
    const page = await searchPage({ query: 'unauthorised', first: 1 });
    expect(page.edges[0]?.node.code).toBe(401);
    expect(page.edges[0]?.matches).toContainEqual({ field: 'PHRASE', terms: ['unauthorized'] });
  });
});

describe('StatusCode guide fields', () => {
  it('tells 422 apart from the codes it is confused with', async () => {
    const result = await execute(`{ statusCode(code: 422) {
      synonyms
      confusedWith { difference statusCode { code phrase } }
    } }`);
    expect(result.errors).toBeUndefined();
    const code = result.data?.statusCode;
    expect(code.synonyms).toContain('validation failed');
    expect(code.confusedWith.map((entry: any) => entry.statusCode)).toEqual([
      { code: 400, phrase: 'Bad Request' },
      { code: 409, phrase: 'Conflict' },
    ]);
    expect(code.confusedWith[0].difference).toBe(catalogue.byCode.get(422)?.confusedWith[0]?.difference);
  });

  it('names 404 in every framework', async () => {
    const result = await execute('{ statusCode(code: 404) { frameworkNames { framework { key } name } } }');
    expect(result.data?.statusCode.frameworkNames).toEqual([
      { framework: { key: 'NODE' }, name: 'Not Found' },
      { framework: { key: 'PYTHON' }, name: 'HTTPStatus.NOT_FOUND' },
      { framework: { key: 'GO' }, name: 'http.StatusNotFound' },
      { framework: { key: 'DOTNET' }, name: 'HttpStatusCode.NotFound' },
      { framework: { key: 'SPRING' }, name: 'HttpStatus.NOT_FOUND' },
      { framework: { key: 'JAVA' }, name: 'HttpURLConnection.HTTP_NOT_FOUND' },
      { framework: { key: 'RUST' }, name: 'StatusCode::NOT_FOUND' },
      { framework: { key: 'RAILS' }, name: ':not_found' },
    ]);
  });

  it('serves an example exchange with the code on its status line', async () => {
    const result = await execute('{ statusCode(code: 429) { exampleExchange } }');
    expect(result.data?.statusCode.exampleExchange).toBe(catalogue.byCode.get(429)?.exampleExchange);
    expect(result.data?.statusCode.exampleExchange).toMatch(/^HTTP\/1\.1 429 Too Many Requests$/m);
  });

  it('serves the guide fields on search results', async () => {
    const result = await execute(`{ search(query: "validation failed", first: 1) {
      edges { node { code confusedWith { statusCode { code } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.search.edges[0].node).toEqual({
      code: 422,
      confusedWith: [{ statusCode: { code: 400 } }, { statusCode: { code: 409 } }],
    });
  });
});

describe('suggestions', () => {
  const suggestionsQuery =
    'query Suggestions($prefix: String!, $first: Int) { suggestions(prefix: $prefix, first: $first) { text kind statusCode { code } } }';

  it('completes a partly typed phrase, best first', async () => {
    const result = await execute(suggestionsQuery, { prefix: 'rate li' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.suggestions[0]).toEqual({ text: 'rate limit', kind: 'SYNONYM', statusCode: { code: 429 } });
  });

  it('gives eight suggestions unless told otherwise', async () => {
    const eight = await execute(suggestionsQuery, { prefix: '4' });
    expect(eight.data?.suggestions).toHaveLength(8);
    expect(eight.data?.suggestions[0]).toEqual({ text: '400 Bad Request', kind: 'PHRASE', statusCode: { code: 400 } });
    const twenty = await execute(suggestionsQuery, { prefix: '4', first: 20 });
    expect(twenty.data?.suggestions).toHaveLength(20);
  });

  it('returns an empty list when nothing matches', async () => {
    const result = await execute(suggestionsQuery, { prefix: 'zzzzqqq' });
    expect(result.data?.suggestions).toEqual([]);
  });

  const badArguments: ReadonlyArray<readonly [string, Record<string, unknown>, RegExp]> = [
    ['an empty prefix', { prefix: '' }, /prefix must not be empty/],
    ['a blank prefix', { prefix: '   ' }, /prefix must not be empty/],
    ['a 101-character prefix', { prefix: 'a'.repeat(101) }, /prefix must be at most 100 characters/],
    ['first of 0', { prefix: 'rate', first: 0 }, /first must be between 1 and 20/],
    ['first of 21', { prefix: 'rate', first: 21 }, /first must be between 1 and 20/],
    ['a negative first', { prefix: 'rate', first: -1 }, /first must be between 1 and 20/],
  ];

  it.each(badArguments)('rejects %s with BAD_USER_INPUT', async (_name, variables, message) => {
    const result = await execute(suggestionsQuery, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('accepts the edges of every range', async () => {
    const result = await execute(`{ a: suggestions(prefix: "${'a'.repeat(100)}") { text }
      b: suggestions(prefix: "r", first: 1) { text } c: suggestions(prefix: " rate ", first: 20) { text } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.b).toHaveLength(1);
    expect(result.data?.c[0]).toEqual({ text: 'rate limit' });
  });
});
