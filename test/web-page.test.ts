import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createSchema, createYoga } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebPage } from '../server/use-web-page.js';
import { yoga } from './helpers.js';
import { assertWebBuilt, webDist } from './web-build.js';

/** The page's own JavaScript, gzipped, must stay under this. */
const gzipBudget = 50 * 1024;

const get = (path: string, init: RequestInit = {}) => yoga.fetch(`http://statusql${path}`, init);

describe('the page at / (useWebPage)', () => {
  let assets: string[];
  let script: string;
  let stylesheet: string;
  beforeAll(() => {
    assertWebBuilt();
    assets = readdirSync(join(webDist, 'assets'));
    script = assets.find((name) => name.endsWith('.js'))!;
    stylesheet = assets.find((name) => name.endsWith('.css'))!;
  });

  it.each(['/', '/404', '/?q=rate%20limit&class=4xx', '/103'])('answers GET %s with index.html, revalidated on every use', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(readFileSync(join(webDist, 'index.html'), 'utf8'));
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
    expect(gunzipSync(new Uint8Array(await gzipped.arrayBuffer()))).toEqual(original);
    const refused = await get(`/assets/${script}`, { headers: { 'accept-encoding': 'br;q=0, identity' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const etag = (await get('/')).headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const response = await get('/404', { headers: { 'if-none-match': etag } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['GET', '/graphql', 'text/html', /GraphiQL|StatusQL/],
    ['GET', '/health', 'application/json', /"status"/],
    ['GET', '/ready', 'application/json', /"status"/],
  ])('leaves %s %s to the API', async (method, path, accept, body) => {
    const response = await get(path, { method, headers: { accept } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(await response.text()).toMatch(body);
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
    const bare = createYoga({
      schema: createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } }),
      plugins: [useWebPage({ directory: join(webDist, 'no-such-build') })],
    });
    const page = await bare.fetch('http://statusql/404');
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await page.text()).toContain('npm run build:web');
    expect((await bare.fetch('http://statusql/assets/index.js')).status).toBe(404);
    const api = await bare.fetch('http://statusql/graphql?query={ok}', { headers: { accept: 'application/json' } });
    expect(await api.json()).toEqual({ data: { ok: true } });
  });

  it('keeps its own JavaScript under 50 KB gzipped', () => {
    const scripts = assets.filter((name) => name.endsWith('.js')).map((name) => readFileSync(join(webDist, 'assets', name)));
    const raw = scripts.reduce((sum, file) => sum + file.byteLength, 0);
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(file).byteLength, 0);
    console.log(`Page JavaScript: ${raw} bytes minified, ${gzipped} bytes gzipped (budget ${gzipBudget})`);
    expect(gzipped).toBeLessThan(gzipBudget);
  });
});
