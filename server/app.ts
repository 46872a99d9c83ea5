import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import type { StatusqlMetrics } from './metrics.js';
import { release } from './release.js';
import { answerOf, sendAnswer, type Answer } from './http/answer.js';
import { answerKey, createAnswerCache, type AnswerCache } from './http/answer-cache.js';
import { readBody } from './http/body.js';
import { bareErrorAsJson, sendError, unexpectedErrorAnswer } from './http/errors.js';
import { withCachingHeaders } from './http/caching.js';
import { probeAnswer } from './http/probes.js';
import { createLiveExamples, type LiveExamples } from './http/live-example.js';
import { liveExamplePrefix } from './http/live-example-request.js';
import { givenHeaders, pathOf, requestTarget } from './http/request.js';
import { createWebPage, graphiqlPageHeaders, webPageFile } from './http/web-page.js';
import { createStatusqlYoga, graphqlEndpoint, type StatusqlYoga, type StatusqlYogaOptions } from './yoga/yoga.js';
import type { AnswerOutcome } from './yoga/use-answer-outcome.js';

/** What the app needs besides its configuration. */
export interface StatusqlAppOptions extends StatusqlYogaOptions {
  /** Whether /ready reports ready; main.ts turns it false while draining. Always true when omitted. */
  isReady?: () => boolean;
  /** The built page; web/dist when omitted. */
  webPageDirectory?: string;
  /** What to measure (metrics.ts): yoga's plugin joins `plugins`, and the answer cache counts its lookups. Nothing is measured when omitted. */
  metrics?: StatusqlMetrics;
}

/** The app: yoga, and the Node request listener that serves it with the page. */
export interface StatusqlApp {
  yoga: StatusqlYoga;
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Whole answers to repeated GraphQL requests, or null when RESPONSE_CACHE_MB is 0. */
  answers: AnswerCache | null;
  /** `/status/{codes}`; main.ts wakes its sleeping answers when draining. */
  liveExamples: LiveExamples;
}

/**
 * The request yoga's Node adapter is given: not the socket's IncomingMessage, but an object holding
 * exactly the key's parts, on one fixed Host so that an answer never depends on the Host a client
 * sent. (The adapter is measured to be about twice as fast as `yoga.fetch` with a URL.)
 *
 * A JSON body that parses to an object is handed over parsed, as the adapter takes a body-parser's
 * result. Any other body is a stream of its bytes, which yoga reads and judges itself: the adapter
 * counts the keys of a Buffer or string it is handed, which for 90 kB is 90,000 keys.
 */
function nodeRequestOf(method: string, url: string, headers: Record<string, string>, body: Buffer | null): NodeRequest {
  const request = { method, url, headers: { ...headers, host: 'statusql' } };
  if (method === 'GET' || method === 'HEAD') return request;
  const parsed = body !== null && headers['content-type']?.includes('json') ? parsedObject(body) : undefined;
  if (parsed !== undefined) return { ...request, body: parsed };
  return Object.assign(request, {
    // eslint-disable-next-line @typescript-eslint/require-await -- yoga reads a raw body as an async iterable
    async *[Symbol.asyncIterator]() {
      if (body !== null && body.length > 0) yield body;
    },
  });
}

/** A JSON body's value when it is an object with at least one key (the adapter's test), else undefined. */
function parsedObject(body: Buffer): object | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && Object.keys(value).length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
type NodeRequest = Parameters<StatusqlYoga['handleNodeRequest']>[0];

/**
 * The request path, from the socket to the answer, in the order it runs:
 *
 * 1. The request target and Host are checked before anything else (400 and close).
 * 2. The page's files (GET and HEAD of `/`, `/404`, `/assets/*`) are served from web/dist;
 *    `/health` and `/ready` are answered.
 * 3. `/status/{codes}`, with any method, answers as the live example of a code (http/live-example.ts):
 *    its status, phrase and catalogued headers, after `?sleep=` within MAX_SLEEP_MS and MAX_SLEEPING.
 *    Any other path but `/graphql` is a 404.
 * 4. A POST body is read whole, within MAX_BODY_BYTES (413) and without a content coding (415).
 * 5. A GraphQL GET or POST seen before is answered from the answer cache, whose key is exactly
 *    what step 6 gives yoga: method, target, {@link givenHeaders} and body.
 * 6. Otherwise yoga answers (CORS, limits, parsing, validation, cost, execution: see yoga.ts),
 *    given nothing but what the key holds.
 * 7. The GraphQL endpoint's answers get their caching headers: `public, max-age` and an ETag for a
 *    successful GET, `no-store` for anything else. Successful ones are stored for step 5.
 * 8. The answer is written with its Content-Length, or as a 304 when If-None-Match matches.
 */
export function createStatusqlApp(config: Config = loadConfig(), options: StatusqlAppOptions = {}): StatusqlApp {
  const logger = options.logger ?? createLogger(config.logLevel);
  const { metrics } = options;
  const yoga = createStatusqlYoga(config, {
    logger,
    plugins: [...(options.plugins ?? []), ...(metrics ? [metrics.yogaPlugin] : [])],
  });
  const lookups = metrics?.answerCacheLookups;
  const answers =
    config.responseCacheMegabytes > 0 ? createAnswerCache(config.responseCacheMegabytes * 1024 * 1024) : null;
  const webPage = createWebPage(options.webPageDirectory);
  const isReady = options.isReady ?? (() => true);
  const identity = { version: release.version, catalogue: release.catalogue };
  const caching = { cacheControl: `public, max-age=${config.cacheMaxAge}`, release: release.id };
  const liveExamples = createLiveExamples({
    corsOrigin: config.corsOrigin,
    maxSleepMs: config.limits.sleepMs,
    maxSleeping: config.limits.sleeping,
    release: release.id,
    draining: () => !isReady(),
  });

  /** Steps 6 and 7: yoga's answer to exactly the method, target, headers and body given. */
  async function askYoga(
    method: string,
    target: string,
    headers: Record<string, string>,
    body: Buffer | null,
  ): Promise<{ answer: Answer; storable: boolean }> {
    const outcome: AnswerOutcome = { succeeded: false };
    const answer = await answerOf(
      await yoga.handleNodeRequest(nodeRequestOf(method, target, headers, body), { outcome }),
    );
    if (answer.status >= 400 && !answer.headers['content-type']?.includes('json')) {
      // Yoga answers an error thrown outside execution with its stack as text/plain, and a 406 or
      // a 405 with no body: every error answer here is a JSON error, and none says what broke.
      if (answer.status >= 500)
        logger.error(
          { status: answer.status, method, path: pathOf(target) },
          'unexpected error answer from yoga, masked',
        );
      return { answer: answer.status >= 500 ? unexpectedErrorAnswer() : bareErrorAsJson(answer), storable: false };
    }
    const isGraphiQL = answer.status === 200 && Boolean(answer.headers['content-type']?.startsWith('text/html'));
    const succeeded = answer.status === 200 && (outcome.succeeded || isGraphiQL);
    const cached = withCachingHeaders(answer, method, succeeded, caching);
    // GraphiQL's HTML names hashed files that the next build replaces: like index.html, it is
    // revalidated on every use (its ETag hashes it), so no browser keeps one naming files now gone.
    const page = isGraphiQL
      ? { ...cached, headers: { ...cached.headers, ...graphiqlPageHeaders, 'cache-control': 'no-cache' } }
      : cached;
    return { answer: page, storable: succeeded && (method === 'GET' || method === 'POST') };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const target = requestTarget(req);
    if (typeof target !== 'string') return sendError(res, 400, 'BAD_REQUEST', target.message, { connection: 'close' });
    const method = req.method ?? 'GET';
    const path = pathOf(target);
    // Only a GraphQL POST's body is read. Any other request's body would be left on the socket,
    // where Node would wait for the rest of it and answer 408 later on the same connection.
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !(method === 'POST' && path === graphqlEndpoint)) res.setHeader('connection', 'close');

    const file = method === 'GET' || method === 'HEAD' ? webPageFile(path) : null;
    if (file) {
      req.url = file;
      return webPage(req, res, (error) => {
        if (error) return fail(res, error);
        if (file === '/index.html') {
          return sendError(
            res,
            503,
            'PAGE_NOT_BUILT',
            'The page is not built: run `npm run build:web` (`npm ci` does it). The API works without it at /graphql.',
            { 'retry-after': '10' },
          );
        }
        sendError(res, 404, 'NOT_FOUND', 'Not Found: this server has no such file.');
      });
    }

    const probe = probeAnswer(path, isReady, identity);
    if (probe) return sendAnswer(req, res, probe);
    if (path.startsWith(liveExamplePrefix)) return liveExamples.answer(req, res, path, target.slice(path.length + 1));
    if (path !== graphqlEndpoint) return sendError(res, 404, 'NOT_FOUND', 'Not Found: this server has no such file.');

    if (method !== 'POST') return answerGraphQL(req, res, method, target, null);
    readBody(req, config.limits.bodyBytes, (read) => {
      if (read === null) return;
      if (Buffer.isBuffer(read)) return guarded(res, () => answerGraphQL(req, res, method, target, read));
      sendError(res, read.status, read.code, read.message, {
        ...(read.close ? { connection: 'close' } : {}),
        ...(read.status === 415 ? { 'accept-encoding': 'identity' } : {}),
      });
    });
  }

  /** Steps 5 to 8 for a GraphQL request whose body (a POST's) has been read. */
  function answerGraphQL(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    target: string,
    body: Buffer | null,
  ): void {
    const headers = givenHeaders(req.headers);
    const key = answers && (method === 'GET' || method === 'POST') ? answerKey(method, target, headers, body) : null;
    const stored = key === null ? undefined : answers!.get(key);
    if (key !== null && lookups) (stored ? lookups.hit : lookups.miss).inc();
    if (stored) return sendAnswer(req, res, stored);

    askYoga(method, target, headers, body).then(
      ({ answer, storable }) => {
        if (key !== null && storable) answers!.set(key, answer);
        if (!res.destroyed) sendAnswer(req, res, answer);
      },
      (error: unknown) => fail(res, error),
    );
  }

  /** Runs `step`, failing the request with a masked 500 if it throws. */
  function guarded(res: ServerResponse, step: () => void): void {
    try {
      step();
    } catch (error) {
      fail(res, error);
    }
  }

  /** The last guard: whatever fails unexpectedly is logged, and the client gets a masked 500. */
  function fail(res: ServerResponse, error: unknown): void {
    logger.error({ err: error }, 'unexpected error');
    if (res.headersSent) res.destroy();
    else sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
  }

  return {
    yoga,
    answers,
    liveExamples,
    listener: (req, res) => guarded(res, () => handle(req, res)),
  };
}
