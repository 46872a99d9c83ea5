import fastifyCompress from '@fastify/compress';
import underPressure from '@fastify/under-pressure';
import { METHODS, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import Negotiator from 'negotiator';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import type { StatusqlMetrics } from './metrics.js';
import { release } from './release.js';
import { createAccessLog } from './http/access-log.js';
import { createAnswerCache, type AnswerCache } from './http/answer-cache.js';
import { registerCors } from './http/cors.js';
import { createErrorHandler, sendError } from './http/errors.js';
import { graphqlRoute, readGraphQLBody } from './http/graphql-route.js';
import { liveExampleRoutes, type LiveExamples } from './http/live-example.js';
import { createNodeServer, defaultTimeouts, type NodeServer, type Timeouts } from './http/node-server.js';
import { probeRoutes } from './http/probes.js';
import { registerRateLimit } from './http/rate-limit.js';
import { checkRequestTarget, originForm } from './http/request-target.js';
import { applyResponseRules } from './http/response-rules.js';
import { sendPage, webPageDirectory, webPageRoutes } from './http/web-page.js';
import './http/route-config.js';
import { createStatusqlYoga, type StatusqlYoga, type StatusqlYogaOptions } from './yoga/yoga.js';

/** What the app needs besides its configuration. */
export interface StatusqlAppOptions extends StatusqlYogaOptions {
  /** Whether /ready reports ready; main.ts turns it false while draining. Always true when omitted. */
  isReady?: () => boolean;
  /** The built page; web/dist when omitted. */
  webPageDirectory?: string;
  /** What to measure (metrics.ts): yoga's plugin joins `plugins`, the answer cache counts its lookups, and every answer is timed. Nothing is measured when omitted. */
  metrics?: StatusqlMetrics;
  /** How long a client may take to send a request; {@link defaultTimeouts} when omitted. */
  timeouts?: Timeouts;
}

/** The app: fastify on its Node server, and what main.ts and the tests reach into. */
export interface StatusqlApp {
  app: FastifyInstance;
  /** The Node server under fastify; main.ts drains it. */
  server: NodeServer;
  yoga: StatusqlYoga;
  /** Whole answers to repeated GraphQL requests, or null when RESPONSE_CACHE_MB is 0. */
  answers: AnswerCache | null;
  /** `/status/{codes}`; main.ts wakes its sleeping answers when draining. */
  liveExamples: LiveExamples;
}

/** The event-loop delay past which answers are 503 and /ready says so (docs/operations.md, "Overload"). */
export const maxEventLoopDelayMs = 1000;

/** Whether a browser asked: text/html is what it prefers to JSON. */
const prefersHtml = (accept: string | undefined) =>
  accept?.includes('text/html') === true &&
  new Negotiator({ headers: { accept } }).mediaType(['application/json', 'text/html']) === 'text/html';

/**
 * The request path, from the socket to the answer, in the order it runs:
 *
 * 1. Node's server (http/node-server.ts) parses the request within its timeouts and sizes;
 *    what it cannot parse gets a JSON 4xx on the socket. An absolute-form target is taken by its
 *    path (http/request-target.ts, fastify's `rewriteUrl`) and fastify routes it.
 * 2. onRequest: the Host and the target are checked first (400 and close); then the event-loop
 *    check (@fastify/under-pressure, 503), the rate limit when RATE_LIMIT is set
 *    (http/rate-limit.ts, 429), and CORS for the API's routes (http/cors.ts).
 * 3. The route answers. The route table, all here:
 *    - `/health`, `/ready` (http/probes.ts);
 *    - `/`, `/{code}`, `/404` and the page's files (http/web-page.ts, @fastify/static);
 *    - `/graphql` (http/graphql-route.ts): its body read within MAX_BODY_BYTES, the answer cache's
 *      hook answering a repeated request, else yoga (http/../yoga/yoga.ts);
 *    - `/status/*`, every method (http/live-example.ts).
 *    Anything else is the not-found handler: the page's HTML 404 for a browser, a JSON 404 for
 *    the rest. What throws goes to the error handler (http/errors.ts).
 * 4. onSend: the response rules (http/response-rules.ts: nosniff, Cache-Control, 304), then
 *    @fastify/compress for an answer not already stored compressed.
 * 5. onResponse: the access-log line and the metrics (http/access-log.ts).
 */
export function createStatusqlApp(config: Config = loadConfig(), options: StatusqlAppOptions = {}): StatusqlApp {
  const logger = options.logger ?? createLogger(config.logLevel);
  const { metrics } = options;
  const yoga = createStatusqlYoga(config, {
    logger,
    plugins: [...(options.plugins ?? []), ...(metrics ? [metrics.yogaPlugin] : [])],
  });
  const answers =
    config.responseCacheMegabytes > 0 ? createAnswerCache(config.responseCacheMegabytes * 1024 * 1024) : null;
  const draining = () => !(options.isReady?.() ?? true);
  const isReady = () => !draining() && !app.isUnderPressure();
  const pageDirectory = options.webPageDirectory ?? webPageDirectory;
  const errorHandler = createErrorHandler(config.limits.bodyBytes);

  let server!: NodeServer;
  const { trustProxy } = config;
  const app = fastify<Server, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: logger,
    // One access-log line per answer, written by http/access-log.ts, not fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: (parent) => parent,
    serverFactory: (handler) => (server = createNodeServer(handler, options.timeouts ?? defaultTimeouts)),
    clientErrorHandler: (error, socket) => server.answerClientError(error, socket),
    frameworkErrors: (error, request, reply) => void errorHandler(error, request, reply),
    rewriteUrl: originForm,
    bodyLimit: config.limits.bodyBytes,
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    // Query strings are checked as sent: nothing removed, nothing coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });

  app.addHook('onRequest', checkRequestTarget);
  void app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    pressureHandler: (_request: FastifyRequest, reply: FastifyReply) => {
      sendError(
        reply,
        503,
        'SERVICE_UNAVAILABLE',
        'Service Unavailable: this server is overloaded; try again shortly.',
        {
          'retry-after': '5',
        },
      );
    },
  });
  if (config.rateLimit) void registerRateLimit(app, config.rateLimit);
  app.addHook('onSend', applyResponseRules);
  const accessLog = createAccessLog(logger, metrics);
  if (accessLog) app.addHook('onResponse', accessLog);
  void app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'], globalDecompression: false });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    (request.method === 'GET' || request.method === 'HEAD') && prefersHtml(request.headers.accept)
      ? sendPage(reply.code(404), pageDirectory)
      : sendError(reply, 404, 'NOT_FOUND', 'Not Found: this server has no such file.'),
  );

  // Every method Node parses may reach a route (CONNECT is node-server.ts's): yoga answers 405 for
  // those it does not take, and a live example answers them all.
  for (const method of METHODS)
    if (method !== 'CONNECT' && !app.supportedMethods.includes(method)) app.addHttpMethod(method, { hasBody: true });
  // Only the GraphQL endpoint reads a body (its own parser, in graphql-route.ts); anywhere else a
  // body is left unread and the connection closes after the answer (http/request-target.ts).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  probeRoutes(app, { version: release.version, catalogue: release.catalogue }, isReady);
  webPageRoutes(app, pageDirectory);
  let liveExamples!: LiveExamples;
  void app.register(async (api) => {
    await registerCors(api, config.corsOrigin);
    await api.register((graphql, _options, done) => {
      readGraphQLBody(graphql);
      graphqlRoute(graphql, {
        yoga,
        answers,
        lookups: metrics?.answerCacheLookups,
        graphiql: config.introspection && config.trustedDocuments !== 'only',
        cacheControl: `public, max-age=${config.cacheMaxAge}`,
        release: release.id,
        logger,
      });
      done();
    });
    liveExamples = liveExampleRoutes(api, {
      maxSleepMs: config.limits.sleepMs,
      maxSleeping: config.limits.sleeping,
      release: release.id,
      draining,
      trustedDocumentsOnly: config.trustedDocuments === 'only',
    });
  });

  return {
    app,
    // fastify calls serverFactory as it is constructed, so the server exists by now.
    server,
    yoga,
    answers,
    // Set when fastify loads the API's plugins (app.ready()); read only after that.
    get liveExamples() {
      return liveExamples;
    },
  };
}
