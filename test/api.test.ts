import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { execute } from './helpers.js';

describe('statusCode', () => {
  it('answers 404 with its phrase, class and the seed usage text', async () => {
    const result = await execute(
      `{ statusCode(code: 404) { code phrase title statusClass { range label } commonUsage } }`,
    );
    expect(result.status).toBe(200);
    expect(result).toMatchObject({
      data: {
        statusCode: {
          code: 404,
          phrase: 'Not Found',
          title: '404 Not Found',
          statusClass: { range: '4xx', label: 'Client Error' },
          commonUsage: 'GET /projects/999 returns no matching project.',
        },
      },
    });
    expect(result.errors).toBeUndefined();
  });

  it('returns null for an unassigned code', async () => {
    expect((await execute(`{ statusCode(code: 299) { code } }`)).data).toEqual({ statusCode: null });
  });

  it('serves the specification, headers and behaviour of 429', async () => {
    const { data } = await execute(`{ statusCode(code: 429) {
      registration { status expiresOn } deprecation { kind } bodyAllowed cacheableByDefault retryable
      specification { document section url citation } headers { name requirement } } }`);
    expect(data?.statusCode).toMatchObject({
      registration: { status: 'PERMANENT', expiresOn: null },
      deprecation: null,
      bodyAllowed: true,
      cacheableByDefault: false,
      retryable: true,
      specification: { document: 'RFC 6585', section: '4', citation: 'RFC 6585 §4' },
    });
    expect(data?.statusCode.headers).toContainEqual({ name: 'Retry-After', requirement: 'MAY' });
  });

  it('marks a vendor code unofficial with its other meanings', async () => {
    const { data } = await execute(
      `{ statusCode(code: 499) { registration { status } vendor specification { url } otherMeanings { vendor phrase } } }`,
    );
    expect(data?.statusCode).toMatchObject({
      registration: { status: 'UNOFFICIAL' },
      vendor: 'nginx',
      specification: null,
    });
    expect(data?.statusCode.otherMeanings).toEqual([{ vendor: 'Esri ArcGIS', phrase: 'Token Required' }]);
  });

  it('gives stable global ids that node() resolves back', async () => {
    const first = await execute(`{ statusCode(code: 418) { id statusClass { id } } }`);
    const { id } = first.data?.statusCode as { id: string; statusClass: { id: string } };
    const again = await execute(`query ($id: ID!) { node(id: $id) { id ... on StatusCode { code phrase } } }`, { id });
    expect(again.data).toEqual({ node: { id, code: 418, phrase: '(Unused)' } });
    const classId = first.data?.statusCode.statusClass.id;
    const statusClass = await execute(`query ($id: ID!) { node(id: $id) { ... on StatusClass { range } } }`, {
      id: classId,
    });
    expect(statusClass.data).toEqual({ node: { range: '4xx' } });
  });
});

describe('statusCodes', () => {
  it('lists only 3xx codes for the REDIRECTION class, with a correct totalCount', async () => {
    const { data } = await execute(`{ statusCodes(first: 100, filter: { classes: [REDIRECTION] }) {
      totalCount edges { node { code } } pageInfo { hasNextPage } } }`);
    const codes = data?.statusCodes.edges.map((edge: { node: { code: number } }) => edge.node.code);
    expect(codes).toEqual([300, 301, 302, 303, 304, 305, 306, 307, 308]);
    expect(data?.statusCodes.totalCount).toBe(9);
    expect(data?.statusCodes.pageInfo.hasNextPage).toBe(false);
  });

  it('pages through the whole catalogue with first and after, in code order', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: any = await execute(
        `query ($after: String) { statusCodes(first: 25, after: $after) {
          totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const connection = result.data.statusCodes;
      expect(connection.totalCount).toBe(catalogue.codes.length);
      seen.push(...connection.edges.map((edge: { node: { code: number } }) => edge.node.code));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(catalogue.codes.map((entry) => entry.code));
  });

  it('combines filters: unofficial server errors', async () => {
    const { data } = await execute(
      `{ statusCodes(first: 100, filter: { classes: [SERVER_ERROR], registrations: [UNOFFICIAL] }) { edges { node { code } } } }`,
    );
    const codes = data?.statusCodes.edges.map((edge: { node: { code: number } }) => edge.node.code);
    expect(codes).toEqual([509, 520, 521, 522, 523, 524, 525, 526, 527, 529, 530, 540, 561, 598, 599]);
  });

  it('filters by header, range and behaviour', async () => {
    const { data } = await execute(
      `{ statusCodes(first: 100, filter: { header: "retry-after", minCode: 500, maxCode: 599 }) { edges { node { code } } } }`,
    );
    expect(data?.statusCodes.edges.map((edge: { node: { code: number } }) => edge.node.code)).toEqual([503]);
  });

  it('orders by code descending when asked', async () => {
    const { data } = await execute(`{ statusCodes(first: 2, reverse: true) { edges { node { code } } } }`);
    expect(data?.statusCodes.edges).toEqual([{ node: { code: 599 } }, { node: { code: 598 } }]);
  });
});

describe('search', () => {
  const codesOf = (data: any) => data.search.edges.map((edge: { node: { code: number } }) => edge.node.code);

  it('puts 429 first for "rate limit"', async () => {
    const { data } = await execute(`{ search(query: "rate limit", first: 100) { edges { score node { code } } } }`);
    expect(codesOf(data)[0]).toBe(429);
    const scores = data?.search.edges.map((edge: { score: number }) => edge.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
  });

  it('returns the server errors for "5xx"', async () => {
    const { data } = await execute(`{ search(query: "5xx", first: 100) { totalCount edges { node { code } } } }`);
    const serverErrors = catalogue.codes.filter((entry) => entry.code >= 500).map((entry) => entry.code);
    expect(codesOf(data)).toEqual(serverErrors);
    expect(data?.search.totalCount).toBe(serverErrors.length);
  });

  it('finds a code by number', async () => {
    const { data } = await execute(`{ search(query: "404", first: 100) { edges { node { code } } } }`);
    expect(codesOf(data)).toEqual([404]);
  });

  it('finds 101 for "websocket upgrade"', async () => {
    const { data } = await execute(`{ search(query: "websocket upgrade", first: 100) { edges { node { code } } } }`);
    expect(codesOf(data)[0]).toBe(101);
  });

  it('finds 413 by its former phrase', async () => {
    const { data } = await execute(
      `{ search(query: "Request Entity Too Large", first: 100) { edges { node { code } } } }`,
    );
    expect(codesOf(data)[0]).toBe(413);
  });

  it('explains matches and counts results per class', async () => {
    const { data } = await execute(`{ search(query: "timeout", first: 100, filter: { classes: [SERVER_ERROR] }) {
      totalCount classFacets { statusClass { range } count } edges { node { code } matches { field terms } } } }`);
    expect(codesOf(data).every((code: number) => code >= 500)).toBe(true);
    expect(codesOf(data)).toContain(504);
    const facets = Object.fromEntries(
      data?.search.classFacets.map((facet: any) => [facet.statusClass.range, facet.count]),
    );
    expect(facets['5xx']).toBe(data?.search.totalCount);
    expect(facets['4xx']).toBeGreaterThan(0);
    expect(data?.search.edges[0].matches.length).toBeGreaterThan(0);
  });

  it('pages through results', async () => {
    const all = await execute(`{ search(query: "4xx", first: 100) { edges { node { code } } } }`);
    const first = await execute(
      `{ search(query: "4xx", first: 5) { edges { node { code } } pageInfo { endCursor hasNextPage } } }`,
    );
    const next = await execute(
      `query ($after: String) { search(query: "4xx", first: 5, after: $after) { edges { node { code } } } }`,
      {
        after: first.data?.search.pageInfo.endCursor,
      },
    );
    expect(first.data?.search.pageInfo.hasNextPage).toBe(true);
    expect([...codesOf(first.data), ...codesOf(next.data)]).toEqual(codesOf(all.data).slice(0, 10));
  });
});

describe('statusClass and statusClasses', () => {
  it('lists the five classes in order', async () => {
    const { data } = await execute(`{ statusClasses { kind range label minCode maxCode } }`);
    expect(data?.statusClasses).toEqual([
      { kind: 'INFORMATIONAL', range: '1xx', label: 'Informational', minCode: 100, maxCode: 199 },
      { kind: 'SUCCESS', range: '2xx', label: 'Success', minCode: 200, maxCode: 299 },
      { kind: 'REDIRECTION', range: '3xx', label: 'Redirection', minCode: 300, maxCode: 399 },
      { kind: 'CLIENT_ERROR', range: '4xx', label: 'Client Error', minCode: 400, maxCode: 499 },
      { kind: 'SERVER_ERROR', range: '5xx', label: 'Server Error', minCode: 500, maxCode: 599 },
    ]);
  });

  it('gives a class with its codes', async () => {
    const { data } = await execute(
      `{ statusClass(kind: INFORMATIONAL) { range description codes(first: 10) { totalCount edges { node { code } } } } }`,
    );
    expect(data?.statusClass.codes.edges).toEqual([100, 101, 102, 103, 104].map((code) => ({ node: { code } })));
    expect(data?.statusClass.codes.totalCount).toBe(5);
    expect(data?.statusClass.description.length).toBeGreaterThan(10);
  });
});

describe('quickGuide', () => {
  it('serves the seed quick guide with full codes', async () => {
    const { data } = await execute(`{ quickGuide { situation statusCode { code phrase } } }`);
    expect(data?.quickGuide).toEqual([
      { situation: 'success', statusCode: { code: 200, phrase: 'OK' } },
      { situation: 'create', statusCode: { code: 201, phrase: 'Created' } },
      { situation: 'invalid request', statusCode: { code: 400, phrase: 'Bad Request' } },
      { situation: 'missing authentication', statusCode: { code: 401, phrase: 'Unauthorized' } },
      { situation: 'no permission', statusCode: { code: 403, phrase: 'Forbidden' } },
      { situation: 'missing resource', statusCode: { code: 404, phrase: 'Not Found' } },
      { situation: 'rate limit', statusCode: { code: 429, phrase: 'Too Many Requests' } },
      { situation: 'server error', statusCode: { code: 500, phrase: 'Internal Server Error' } },
    ]);
  });
});
