import { readFileSync } from 'node:fs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as sdk from '../sdk/src/index.js';
import { createApolloClient, statusCode } from './fixtures/snippets/apollo.js';
import { StatusCodeTitle, statusCodeQuery } from './fixtures/snippets/tanstack-query.js';
import { createUrqlClient, search } from './fixtures/snippets/urql.js';
import { startServer, type TestServer } from './helpers.js';

// The snippets run on the SDK's sources, as the other SDK tests do, because sdk-package.test.ts
// rebuilds sdk/dist while other files run; that test compiles them against the build.
vi.mock('@statusql/sdk', () => import('../sdk/src/index.js'));

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const readme = read('../README.md');
const sdkReadme = read('../sdk/README.md');
const snippetFiles = ['apollo.ts', 'urql.ts', 'tanstack-query.tsx'];
const snippets = snippetFiles.map((file) => read(`./fixtures/snippets/${file}`));

/** The code of the sdk/README.md block fenced as ```ts apollo.ts (the language, then the file). */
function readmeBlock(file: string): string | undefined {
  const language = file.endsWith('.tsx') ? 'tsx' : 'ts';
  return sdkReadme.split(`\n\`\`\`${language} ${file}\n`)[1]?.split('\n```\n')[0]?.concat('\n');
}

/** Records every fetch as "METHOD status", passing it on to the real one. */
function recordRequests(): string[] {
  const requests: string[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await realFetch(input, init);
    requests.push(`${init?.method ?? 'GET'} ${response.status}`);
    return response;
  });
  return requests;
}

describe('the READMEs show the client snippets as they are compiled', () => {
  it.each(snippetFiles)('README.md shows test/fixtures/snippets/%s verbatim', (file) => {
    expect(readmeBlock(file)).toBe(read(`./fixtures/snippets/${file}`));
  });

  it('sdk/README.md quotes only calls the snippets make', () => {
    const section = sdkReadme.split('## With Apollo Client, urql or TanStack Query')[1]!.split('\n### ')[0]!;
    const calls = [...section.matchAll(/`([^`]+)`/g)].map((match) => match[1]!).filter((code) => code.includes('('));
    expect(calls).toHaveLength(3);
    for (const call of calls)
      expect(
        snippets.some((snippet) => snippet.includes(call)),
        call,
      ).toBe(true);
  });

  it('names only documents the SDK exports', () => {
    const names = [...`${readme}${sdkReadme}`.matchAll(/`(\w+Document)`/g)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !(name in sdk))).toEqual([]);
  });
});

describe('the client snippets against a real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await server.close();
  });

  it('Apollo Client 4: a typed status code; once registered, its hash alone is one GET', async () => {
    const first = recordRequests();
    const notFound = await statusCode(createApolloClient(server.url), 404);
    expect({ phrase: notFound?.phrase, title: notFound?.title, class: notFound?.statusClass.label }).toEqual({
      phrase: 'Not Found',
      title: '404 Not Found',
      class: 'Client Error',
    });
    expect(first).toEqual(['GET 400', 'POST 200']);
    vi.restoreAllMocks();
    const second = recordRequests();
    expect((await statusCode(createApolloClient(server.url), 404))?.code).toBe(404);
    expect(second).toEqual(['GET 200']);
  });

  it('urql 6: typed search results; its hash as a GET, then its text as a GET, which this server answers but never registers', async () => {
    const first = recordRequests();
    const titles = await search(createUrqlClient(server.url), 'rate limit');
    expect(titles).toHaveLength(3);
    expect(titles[0]).toBe('429 Too Many Requests');
    // urql sends the text in the URL of a second GET. Only a JSON POST registers (any web page can
    // make a GET), so a new client asks twice again.
    expect(first).toEqual(['GET 400', 'GET 200']);
    vi.restoreAllMocks();
    const second = recordRequests();
    expect((await search(createUrqlClient(server.url), 'rate limit'))[0]).toBe('429 Too Many Requests');
    expect(second).toEqual(['GET 400', 'GET 200']);
  });

  it('TanStack Query 5: fetches through the SDK by document id, one cache entry per code, and renders from the cache', async () => {
    const requests = recordRequests();
    const queryClient = new QueryClient();
    const statusql = sdk.createClient({ url: server.url });
    const titles = await Promise.all(
      [404, 503].map(async (code) => (await queryClient.fetchQuery(statusCodeQuery(statusql, code))).statusCode?.title),
    );
    expect(titles).toEqual(['404 Not Found', '503 Service Unavailable']);
    expect(requests).toEqual(['GET 200', 'GET 200']);
    const page = createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(StatusCodeTitle, { code: 503 }),
      createElement(StatusCodeTitle, { code: 404 }),
    );
    expect(renderToString(page)).toBe('<p>503 Service Unavailable</p><p>404 Not Found</p>');
    expect(requests).toHaveLength(2);
  });
});
