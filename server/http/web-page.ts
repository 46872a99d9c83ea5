import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import compression from 'compression';
import serveStatic from 'serve-static';
import { projectRoot } from '../paths.js';
import { codeOfStatus, sendError } from './errors.js';

/** Where `npm run build:web` (run by `npm ci`) writes the page. */
export const webPageDirectory = join(projectRoot, 'web', 'dist');

/** The page loads only its own files and talks only to its own API. */
const pagePolicy = [
  "default-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

/** What the page's HTML carries (serve-static sends it with index.html). */
const pageHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': pagePolicy.join('; '),
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
};

/**
 * What GraphiQL's HTML carries (app.ts adds it to yoga's answer). It too loads only files of
 * this origin, but its fonts are data: URLs in its stylesheet, and its editors write style
 * attributes into the markup they build: without them no result is ever shown.
 */
export const graphiqlPageHeaders: Readonly<Record<string, string>> = {
  ...pageHeaders,
  'content-security-policy': [...pagePolicy, "font-src 'self' data:", "style-src 'self' 'unsafe-inline'"].join('; '),
};

/** Views the page renders itself, so a reload or a shared link opens index.html: `/` and `/404`. */
const pagePath = /^\/(?:[1-5]\d\d)?$/;
/** Vite's output: content-hashed names, so they never change and may be cached for good. */
const assetPath = /^\/assets\/[\w-]+(?:\.[\w-]+)*$/;
/** Files copied from web/public, such as the favicon. */
const publicPath = /^\/[\w-]+\.(?:svg|png|ico|txt)$/;

/** Calls `next` when the page has no such file, with the error if reading it failed. */
export type WebPage = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The page's file for a path, or null when the path is not the page's: `/404` is index.html. */
export function webPageFile(path: string): string | null {
  if (pagePath.test(path)) return '/index.html';
  return assetPath.test(path) || publicPath.test(path) ? path : null;
}

/**
 * The built page (web/dist), served by serve-static (ETag, 304, HEAD, Range) and compressed for
 * clients that accept it. `req.url` must already be the file's path (see {@link webPageFile}).
 */
export function createWebPage(directory = webPageDirectory): WebPage {
  const assets = join(directory, 'assets') + sep;
  const files = serveStatic(directory, {
    index: false,
    redirect: false,
    fallthrough: true,
    cacheControl: false,
    lastModified: false,
    setHeaders(res, path) {
      res.setHeader('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('x-content-type-options', 'nosniff');
      if (extname(path) === '.html')
        for (const [name, value] of Object.entries(pageHeaders)) res.setHeader(name, value);
    },
  });
  const compress = compression();
  return (req, res, next) => {
    compress(req as never, res as never, () =>
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- compression's types predate Node 20's
      files(req, res, (error?: unknown) => {
        const status = (error as { status?: number } | undefined)?.status;
        if (status !== undefined && status >= 400 && status < 500) refuseFileRequest(res, status);
        else next(error);
      }),
    );
  };
}

/**
 * A conditional or range request that cannot be met (If-Match: 412, a Range past the end: 416), as
 * a JSON error. Of the headers send set for the file, only Content-Range stays (RFC 9110 §15.5.17:
 * a 416 says the length of the file).
 */
function refuseFileRequest(res: ServerResponse, status: number): void {
  for (const name of res.getHeaderNames()) if (name !== 'content-range') res.removeHeader(name);
  sendError(
    res,
    status,
    codeOfStatus(status),
    `${STATUS_CODES[status]}: the request's conditions or range do not fit this file.`,
  );
}
