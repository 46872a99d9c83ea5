import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

/** Where `npm run build:web` (run by `npm ci`) writes the page. */
export const webPageDirectory = fileURLToPath(new URL('../web/dist/', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** The page loads only its own files and talks only to its own API. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Views the page renders itself, so a reload or a shared link opens index.html: `/` and `/404`. */
const pagePath = /^\/(?:[1-5]\d\d)?$/;
/** Vite's output: content-hashed names, so they never change and may be cached for good. */
const assetPath = /^\/assets\/[\w-]+(?:\.[\w-]+)*$/;
/** Files copied from web/public, such as the favicon. */
const publicPath = /^\/[\w-]+\.(?:svg|png|ico|txt)$/;

/** The codings an Accept-Encoding header allows, leaving out those it refuses with `q=0`. */
function acceptedEncodings(header: string | null): Set<string> {
  const accepted = new Set<string>();
  for (const entry of (header ?? '').split(',')) {
    const [coding = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    const quality = params.find((param) => param.startsWith('q='));
    if (coding && (!quality || Number(quality.slice(2)) > 0)) accepted.add(coding);
  }
  return accepted;
}

/** Weak comparison of If-None-Match against the file's validator (RFC 9110 §13.1.2). */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

interface StaticFile {
  modified: number;
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  brotli: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** Options of {@link useWebPage}. */
export interface WebPageOptions {
  /** The built page; web/dist by default. */
  directory?: string;
}

/**
 * Serves the status code page (web/dist) at `/`: GET and HEAD of `/`, `/assets/*`, public files and
 * deep links such as `/404` or `/?q=rate%20limit`. Anything else, `/graphql` included, goes on to Yoga.
 */
export function useWebPage(options: WebPageOptions = {}): Plugin {
  const directory = options.directory ?? webPageDirectory;
  const files = new Map<string, StaticFile>();

  /** Reads and compresses a file once per modification, so a rebuild is served without a restart. */
  async function load(name: string): Promise<StaticFile | null> {
    const path = join(directory, name);
    try {
      const stats = await stat(path);
      if (!stats.isFile()) return null;
      const known = files.get(name);
      if (known?.modified === stats.mtimeMs) return known;
      const body = new Uint8Array(await readFile(path));
      const file: StaticFile = {
        modified: stats.mtimeMs,
        body,
        gzip: new Uint8Array(gzipSync(body)),
        brotli: new Uint8Array(brotliCompressSync(body)),
        // Weak: the same validator names the identity, gzip and brotli forms (RFC 9110 §8.8.1).
        etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      };
      files.set(name, file);
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const { pathname } = url;
      const isPage = pagePath.test(pathname);
      if (!isPage && !assetPath.test(pathname) && !publicPath.test(pathname)) return;

      const name = isPage ? 'index.html' : pathname.slice(1);
      const file = await load(name);
      if (!file) {
        if (!isPage) return;
        endResponse(
          new fetchAPI.Response(
            'The StatusQL page is not built: run `npm run build:web` (`npm ci` does it), then reload.\n' +
              'The GraphQL API works without it: /graphql\n',
            { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '10' } },
          ),
        );
        return;
      }

      const headers = new fetchAPI.Headers({
        'content-type': contentTypes[extname(name)] ?? 'application/octet-stream',
        'cache-control': name.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag: file.etag,
        vary: 'accept-encoding',
        'x-content-type-options': 'nosniff',
      });
      if (isPage) {
        headers.set('content-security-policy', contentSecurityPolicy);
        headers.set('referrer-policy', 'strict-origin-when-cross-origin');
      }
      if (matchesEtag(request.headers.get('if-none-match'), file.etag)) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }

      const accepted = acceptedEncodings(request.headers.get('accept-encoding'));
      let body = file.body;
      if (accepted.has('br')) {
        body = file.brotli;
        headers.set('content-encoding', 'br');
      } else if (accepted.has('gzip')) {
        body = file.gzip;
        headers.set('content-encoding', 'gzip');
      }
      headers.set('content-length', String(body.byteLength));
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }));
    },
  };
}
