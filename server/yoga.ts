import type { IncomingMessage, ServerResponse } from 'node:http';
import { PothosValidationError } from '@pothos/core';
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { statusClasses } from '../catalogue/classes.js';
import { catalogue } from '../catalogue/catalogue.js';
import { quickGuide } from '../catalogue/quick-guide.js';
import { schema } from '../schema/index.js';
import { maxPageSize } from '../schema/pagination.js';
import { loadConfig, type Config } from './config.js';
import { graphiqlDefaultQuery } from './graphiql-query.js';
import { createLogger, yogaLogger } from './logger.js';
import { release } from './release.js';
import { ReplayCache } from './replay-cache.js';
import { statusqlListener, useReplayCache } from './replay.js';
import { useCors } from './use-cors.js';
import { useCostLimit, type ListBounds } from './use-cost-limit.js';
import { useHealth } from './use-health.js';
import { useHiddenSchema } from './use-hidden-schema.js';
import { useHttpCaching } from './use-http-caching.js';
import { useQueryLimits } from './use-query-limits.js';
import { useStrictRequestErrors } from './use-strict-request-errors.js';
import { loadTrustedDocuments, useTrustedDocuments } from './use-trusted-documents.js';
import { useWebPage } from './use-web-page.js';

type StatusqlYoga = YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;

/** What the app needs besides its configuration. */
export interface StatusqlYogaOptions {
  /** Where yoga's own messages go; a logger at the configured level when omitted. */
  logger?: Logger;
  /** Whether /ready reports ready; main.ts turns it false while draining. Always true when omitted. */
  isReady?: () => boolean;
  /** Where to store whole answers for `statusqlListener`; see createStatusqlApp. */
  replay?: ReplayCache;
}

/** The app and the Node request listener that serves it. */
export interface StatusqlApp {
  yoga: StatusqlYoga;
  listener: (req: IncomingMessage, res: ServerResponse) => unknown;
  /** The stored answers, or null when RESPONSE_CACHE_SIZE is 0. */
  replay: ReplayCache | null;
}

/** Bytes of whole answers kept for replay, beside RESPONSE_CACHE_SIZE's count. */
const replayBytes = 64 * 1024 * 1024;

const graphqlEndpoint = '/graphql';

const longest = (lengths: number[]) => Math.max(0, ...lengths);
const largestClass = longest(
  [...catalogue.byClass.values()].map((codes) => codes.length),
);

/**
 * The most items each list can hold, read from the catalogue, for the cost estimate. A list
 * not named here is assumed to be as long as the longest of them (the codes of the largest class).
 */
export const listBounds: ListBounds = {
  pageSize: maxPageSize,
  sizes: {
    'Query.statusClasses': statusClasses.length,
    'Query.quickGuide': quickGuide.length,
    'StatusClass.codes': largestClass,
    'StatusCode.headers': longest(catalogue.codes.map((code) => code.headers.length)),
    'StatusCode.formerPhrases': longest(catalogue.codes.map((code) => code.formerPhrases.length)),
    'StatusCode.otherMeanings': longest(catalogue.codes.map((code) => code.otherMeanings.length)),
    'StatusCode.confusedWith': longest(catalogue.codes.map((code) => code.confusedWith.length)),
    'StatusCode.frameworkNames': longest(catalogue.codes.map((code) => code.frameworkNames.length)),
    'StatusCodeSearchConnection.facets': statusClasses.length,
  },
  otherwise: largestClass,
};

/** Pothos rejects bad cursors and global ids with its own error class: that is the caller's mistake. */
function maskUnexpected(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return maskError(error, message, isDev);
}

/** The plugins, in order: HTTP concerns first, then what guards parsing, validation and execution. */
function plugins(config: Config, isReady: () => boolean, replay: ReplayCache | undefined): Plugin[] {
  const { limits } = config;
  return [
    useCors(config.corsOrigin),
    useHealth({ isReady }),
    useWebPage(),
    useHttpCaching({ maxAge: config.cacheMaxAge, release: release.id, endpoint: graphqlEndpoint }),
    useStrictRequestErrors(),
    // Before the response cache: it keys on the query text a documentId stands for.
    useTrustedDocuments(loadTrustedDocuments(), config.trustedDocuments === 'only'),
    useQueryLimits(limits),
    ...(config.introspection ? [] : [useHiddenSchema()]),
    useCostLimit(limits.cost, listBounds),
    ...(config.responseCacheSize > 0
      ? [
          useResponseCache({
            // A public API: every client shares one cache.
            session: () => null,
            cache: createInMemoryCache({ max: config.responseCacheSize }),
            // Keep the body, and so the ETag, the same for a hit and a miss.
            includeExtensionMetadata: false,
          }),
        ]
      : []),
    // Last, so it stores the answer with every header the plugins above have set.
    ...(replay ? [useReplayCache(replay)] : []),
  ];
}

/** The StatusQL GraphQL app; it opens no port (see main.ts). */
export function createStatusqlYoga(config: Config = loadConfig(), options: StatusqlYogaOptions = {}): StatusqlYoga {
  const logger = options.logger ?? createLogger(config.logLevel);
  return createYoga({
    schema,
    graphqlEndpoint,
    landingPage: false,
    graphiql: config.introspection ? { title: 'StatusQL', defaultQuery: graphiqlDefaultQuery } : false,
    maskedErrors: { maskError: maskUnexpected },
    // `documentId` carries a trusted document's hash (see use-trusted-documents.ts).
    extraParamNames: ['documentId'],
    logging: yogaLogger(logger),
    cors: false,
    multipart: false,
    maxRequestBodySize: config.limits.bodyBytes,
    batching: config.limits.batch > 0 ? { limit: config.limits.batch } : false,
    plugins: plugins(config, options.isReady ?? (() => true), options.replay),
  });
}

/**
 * The app as served over HTTP: with the response cache on, a request seen before is answered from
 * the stored bytes of its first answer before yoga's Fetch-API adapter runs at all.
 */
export function createStatusqlApp(config: Config = loadConfig(), options: StatusqlYogaOptions = {}): StatusqlApp {
  const replay = config.responseCacheSize > 0 ? new ReplayCache(config.responseCacheSize, replayBytes) : null;
  const yoga = createStatusqlYoga(config, { ...options, ...(replay ? { replay } : {}) });
  return { yoga, listener: statusqlListener(yoga, replay, graphqlEndpoint, config.limits.bodyBytes), replay };
}
