import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StatusClassKind, StatusqlError, createClient, type StatusqlClient } from '../sdk/src/index.js';
import { catalogue } from '../catalogue/catalogue.js';
import { startServer } from './helpers.js';

describe('@statusql/sdk against a real server', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let statusql: StatusqlClient;
  beforeAll(async () => {
    server = await startServer();
    statusql = createClient({ url: server.url });
  });
  afterAll(async () => {
    await server.close();
  });

  it('statusCode resolves to the operation data', async () => {
    const { statusCode } = await statusql.statusCode({ code: 404 });
    expect(statusCode).toMatchObject({
      code: 404,
      phrase: 'Not Found',
      title: '404 Not Found',
      statusClass: { kind: 'CLIENT_ERROR', range: '4xx', label: 'Client Error' },
      commonUsage: 'GET /projects/999 returns no matching project.',
      specification: { document: 'RFC 9110', section: '15.5.5', citation: 'RFC 9110 §15.5.5' },
      cacheableByDefault: true,
    });
  });

  it('takes a relative URL in a browser, as the page’s own origin', async () => {
    vi.stubGlobal('location', new URL(`${server.origin}/404`));
    try {
      const { statusCode } = await createClient({ url: '/graphql' }).statusCode({ code: 404 });
      expect(statusCode?.title).toBe('404 Not Found');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('statusCode gives null for an unassigned code', async () => {
    expect(await statusql.statusCode({ code: 299 })).toEqual({ statusCode: null });
  });

  it('statusCodes filters by class with the exported enum', async () => {
    const { statusCodes } = await statusql.statusCodes({ filter: { classes: [StatusClassKind.Redirection] } });
    expect(statusCodes!.totalCount).toBe(9);
    expect(statusCodes!.edges.map((edge) => edge.node.code)).toEqual([300, 301, 302, 303, 304, 305, 306, 307, 308]);
  });

  it('search ranks 429 first for "rate limit", with scores and matches', async () => {
    const { search } = await statusql.search({ query: 'rate limit', first: 5 });
    expect(search!.edges[0]?.node.code).toBe(429);
    expect(search!.edges).toHaveLength(5);
    expect(search!.edges[0]?.score).toBeGreaterThan(search!.edges[1]?.score ?? Infinity);
    expect(search!.edges[0]?.matches.length).toBeGreaterThan(0);
  });

  it('statusClass and statusClasses', async () => {
    const { statusClass } = await statusql.statusClass({ kind: StatusClassKind.Informational });
    expect(statusClass!.codes.edges.map(({ node }) => node.code)).toEqual([100, 101, 102, 103, 104]);
    expect(statusClass!.codes.totalCount).toBe(5);
    const { statusClasses } = await statusql.statusClasses();
    expect(statusClasses.map((entry) => `${entry.range} ${entry.label}`)).toEqual([
      '1xx Informational',
      '2xx Success',
      '3xx Redirection',
      '4xx Client Error',
      '5xx Server Error',
    ]);
  });

  it('quickGuide', async () => {
    const { quickGuide } = await statusql.quickGuide();
    expect(quickGuide.map((entry) => `${entry.statusCode.code} for ${entry.situation}`)).toEqual([
      '200 for success',
      '201 for create',
      '400 for invalid request',
      '401 for missing authentication',
      '403 for no permission',
      '404 for missing resource',
      '429 for rate limit',
      '500 for server error',
    ]);
  });

  it('allStatusCodes walks every page', async () => {
    const codes: number[] = [];
    for await (const code of statusql.allStatusCodes({ first: 7 })) codes.push(code.code);
    expect(codes).toEqual(catalogue.codes.map((entry) => entry.code));
  });

  it('allSearchResults walks every page of a search', async () => {
    const codes: number[] = [];
    for await (const edge of statusql.allSearchResults({ query: '4xx', first: 10 })) codes.push(edge.node.code);
    expect(codes).toEqual(
      catalogue.codes.filter((entry) => entry.code >= 400 && entry.code < 500).map((entry) => entry.code),
    );
  });

  it('throws StatusqlError with the GraphQL errors, HTTP status and code for bad input', async () => {
    const error = await statusql.statusCode({ code: 42 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StatusqlError);
    expect(error).toMatchObject({
      message: 'code must be between 100 and 599',
      status: 200,
      code: 'BAD_USER_INPUT',
      errors: [expect.objectContaining({ message: 'code must be between 100 and 599' })],
    });
  });

  it('throws StatusqlError with the HTTP status for an HTTP failure', async () => {
    const broken = createClient({ url: server.url.replace('/graphql', '/nowhere') });
    const error = await broken.statusClasses().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StatusqlError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('throws StatusqlError with a null status when nothing answers', async () => {
    const unreachable = createClient({ url: 'http://127.0.0.1:9/graphql' });
    const error = await unreachable.statusClasses().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StatusqlError);
    expect(error).toMatchObject({ status: null, errors: [] });
    expect((error as Error).message).toMatch(/^Could not reach the StatusQL API/);
  });

  it('sends custom headers through a custom fetch', async () => {
    const seen: Headers[] = [];
    const spying = createClient({
      url: server.url,
      headers: () => ({ 'x-dashboard': 'ops' }),
      fetch: (input, init) => {
        seen.push(new Headers(init?.headers));
        return fetch(input, init);
      },
    });
    const { statusCode } = await spying.statusCode({ code: 200 });
    expect(statusCode?.phrase).toBe('OK');
    expect(seen[0]?.get('x-dashboard')).toBe('ops');
  });

  it('cancels a request through an AbortSignal', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await statusql
      .statusClasses(undefined, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StatusqlError);
    expect(error).toMatchObject({ status: null });
  });
});
