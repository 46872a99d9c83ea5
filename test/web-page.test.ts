import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { startServer, type TestServer } from './helpers.js';
import { assertWebBuilt, webDist } from './web-build.js';

/** The page's own JavaScript, gzipped, must stay under this. */
const gzipBudget = 50 * 1024;

let server: TestServer;
const get = (path: string, init: RequestInit = {}) => fetch(`${server.origin}${path}`, init);

describe('the page at / (server/http/web-page.ts)', () => {
  let assets: string[];
  let script: string;
  let stylesheet: string;
  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    assets = readdirSync(join(webDist, 'assets'));
    script = assets.find((name) => name.endsWith('.js'))!;
    stylesheet = assets.find((name) => name.endsWith('.css'))!;
  });
  afterAll(() => server.close());

  it.each(['/', '/?q=rate%20limit&class=4xx', '/299'])(
    'answers GET %s with index.html, revalidated on every use',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(readFileSync(join(webDist, 'index.html'), 'utf8'));
    },
  );

  it.each([
    ['/429', '429 Too Many Requests', catalogue.byCode.get(429)!.description],
    ['/404', '404 Not Found', catalogue.byCode.get(404)!.description],
    ['/499', '499 Client Closed Request', catalogue.byCode.get(499)!.description],
  ])(
    'answers GET %s with the page headed by its code, for link previews without JavaScript',
    async (path, title, description) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await response.text();
      const attribute = (text: string) => text.replaceAll('"', '&#34;').replaceAll("'", '&#39;');
      expect(html).toContain(`<title>${title}: StatusQL</title>`);
      expect(html).toContain(`<meta\n      name="description"\n      content="${attribute(description)}"`);
      expect(html).toContain(`<meta property="og:title" content="${title}" />`);
      expect(html).toContain(`<meta property="og:description" content="${attribute(description)}" />`);
      // The rest is the page as built: the same script renders the view.
      const built = readFileSync(join(webDist, 'index.html'), 'utf8');
      const page = (text: string) => text.replace(/<title>[\s\S]*<\/title>|<meta[^>]*>|\s+/g, '');
      expect(page(html)).toBe(page(built));
      const again = await get(path, { headers: { 'if-none-match': response.headers.get('etag')! } });
      expect(again.status).toBe(304);
    },
  );

  it('escapes a code page head: no phrase or description can close its attribute', async () => {
    const html = await (await get('/418')).text();
    expect(html).toContain('<title>418 I&#39;m a teapot: StatusQL</title>');
    expect(html).not.toMatch(/content="[^"]*"[^\s/>]/);
  });

  it('serves hashed assets with their content types, cached for good', async () => {
    for (const [name, type] of [
      [script, 'text/javascript; charset=utf-8'],
      [stylesheet, 'text/css; charset=utf-8'],
    ] as const) {
      const response = await get(`/assets/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await response.text()).toBe(readFileSync(join(webDist, 'assets', name), 'utf8'));
    }
  });

  it('serves the favicon from web/public', async () => {
    const response = await get('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    // Readable at 16 px: one letter, three quarters of the icon's height.
    const svg = await response.text();
    expect(svg).toMatch(/viewBox="0 0 32 32"/);
    expect(/>([^<]*)<\/text>/.exec(svg)?.[1]).toHaveLength(1);
    expect(Number(/font-size="(\d+)"/.exec(svg)?.[1])).toBeGreaterThanOrEqual(24);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const response = await get('/', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(String(readFileSync(join(webDist, 'index.html')).byteLength));
    expect(await response.text()).toBe('');
  });

  it('compresses for clients that accept it, and only for them', async () => {
    const original = readFileSync(join(webDist, 'assets', script));
    const gzipped = await get(`/assets/${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toMatch(/accept-encoding/i);
    // fetch() decodes the body it received compressed.
    expect(Buffer.from(await gzipped.arrayBuffer())).toEqual(original);
    const brotli = await get(`/assets/${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    const refused = await get(`/assets/${script}`, { headers: { 'accept-encoding': 'br;q=0, identity' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const etag = (await get('/')).headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const response = await get('/299', { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['GET', '/graphql', 'text/html', /GraphiQL|StatusQL/],
    ['GET', '/ready', 'application/json', /"status"/],
  ])('leaves %s %s to the API', async (method, path, accept, body) => {
    const response = await get(path, { method, headers: { accept } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toBe(readFileSync(join(webDist, 'index.html'), 'utf8'));
    expect(text).toMatch(body);
  });

  it.each([
    ['POST', '/'],
    ['GET', '/999'],
    ['GET', '/index.html'],
    ['GET', '/assets/missing.js'],
    ['GET', '/assets/..%2fpackage.json'],
    ['GET', '/assets/../package.json'],
  ])('does not serve %s %s', async (method, path) => {
    const response = await get(path, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('answers a helpful 503 when the page is not built, and the API still works', async () => {
    const bare = await startServer({}, { webPageDirectory: join(webDist, 'no-such-build') });
    try {
      const page = await fetch(`${bare.origin}/404`);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect((await page.json()).errors[0].extensions.code).toBe('PAGE_NOT_BUILT');
      expect((await fetch(`${bare.origin}/assets/index.js`)).status).toBe(404);
      const api = await fetch(`${bare.url}?query={__typename}`, { headers: { accept: 'application/json' } });
      expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await bare.close();
    }
  });

  it('keeps its own JavaScript under 50 KB gzipped (GraphiQL’s, at /graphql, is not the page’s)', () => {
    const page = readFileSync(join(webDist, 'index.html'), 'utf8');
    const named = Array.from(page.matchAll(/"\/assets\/([\w-]+\.js)"/g), (match) => match[1]!);
    expect(named.length).toBeGreaterThan(0);
    const scripts = named.map((name) => readFileSync(join(webDist, 'assets', name)));
    const raw = scripts.reduce((sum, file) => sum + file.byteLength, 0);
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(file).byteLength, 0);
    console.log(`Page JavaScript: ${raw} bytes minified, ${gzipped} bytes gzipped (budget ${gzipBudget})`);
    expect(gzipped).toBeLessThan(gzipBudget);
  });
});
