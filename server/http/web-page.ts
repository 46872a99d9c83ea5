import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { catalogue } from '../../catalogue/catalogue.js';
import { projectRoot } from '../paths.js';
import { release } from '../release.js';
import { entityTag } from './answer.js';
import { withCodeHead } from './code-page-head.js';
import { sendError } from './errors.js';

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

/** What the page's HTML carries. */
const pageHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': pagePolicy.join('; '),
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * What GraphiQL's HTML carries. It too loads only files of this origin, but its fonts are data:
 * URLs in its stylesheet, and its editors write style attributes into the markup they build:
 * without them no result is ever shown.
 */
export const graphiqlPageHeaders: Readonly<Record<string, string>> = {
  ...pageHeaders,
  'content-security-policy': [...pagePolicy, "font-src 'self' data:", "style-src 'self' 'unsafe-inline'"].join('; '),
};

/** Vite's output: content-hashed names, so they never change and may be cached for good. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * The built page (web/dist) through @fastify/static (ETag, HEAD, Range): `/`, `/404` and each
 * code's `/{code}` are index.html, which renders the view itself, a catalogued code's with its own
 * title, description and Open Graph tags (code-page-head.ts); `/assets/*` are Vite's hashed
 * files; the rest of web/dist (the favicon) is served as it is, but no other HTML file. The files
 * are those built when the server starts.
 */
export function webPageRoutes(app: FastifyInstance, directory = webPageDirectory): void {
  void app.register(fastifyStatic, {
    root: directory,
    // A route for each file built, so any other path is the not-found handler's; the HTML files are
    // sent only as the views below (GraphiQL's by the GraphQL route).
    wildcard: false,
    globIgnore: ['**/*.html'],
    index: false,
    redirect: false,
    cacheControl: false,
    lastModified: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', reply.request.url.startsWith('/assets/') ? immutable : 'no-cache');
      // RFC 9239: JavaScript is text/javascript (send's table still says application/javascript).
      if (path.endsWith('.js')) reply.header('content-type', 'text/javascript; charset=utf-8');
    },
  });
  const config = { label: 'page', cacheControl: 'no-cache' } as const;
  const index = (_request: unknown, reply: FastifyReply) => sendPage(reply, directory);
  // A catalogued code's view carries its own head; any other number is the page as built.
  const codePages = new Map<number, { html: string; etag: string }>();
  const view = (request: FastifyRequest<{ Params: { view: string } }>, reply: FastifyReply) => {
    const record = catalogue.byCode.get(Number(request.params.view));
    if (!record) return sendPage(reply, directory);
    let page = codePages.get(record.code);
    if (!page) {
      // Built once per code: only then is the disk read (sendPage says how to build a missing page).
      if (!existsSync(join(directory, 'index.html'))) return sendPage(reply, directory);
      const html = withCodeHead(readFileSync(join(directory, 'index.html'), 'utf8'), record);
      codePages.set(record.code, (page = { html, etag: entityTag(release.id, 'text/html', html) }));
    }
    return reply
      .headers({ ...pageHeaders, 'content-type': 'text/html; charset=utf-8', etag: page.etag })
      .send(page.html);
  };
  app.get('/', { config }, index);
  app.get('/:view(^(?:[1-5]\\d\\d|404)$)', { config }, view);
}

/** index.html, with the page's headers; a JSON 503 that says how to build it when it is missing. */
export function sendPage(reply: FastifyReply, directory = webPageDirectory): FastifyReply {
  if (!existsSync(join(directory, 'index.html'))) {
    return sendError(
      reply,
      503,
      'PAGE_NOT_BUILT',
      'The page is not built: run `npm run build:web` (`npm ci` does it). The API works without it at /graphql.',
      { 'retry-after': '10' },
    );
  }
  return reply.headers(pageHeaders).sendFile('index.html', directory);
}
