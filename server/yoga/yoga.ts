import { PothosError, PothosValidationError } from '@pothos/core';
import { GraphQLError, type DocumentNode } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { catalogue } from '../../catalogue/catalogue.js';
import { schema } from '../../schema/index.js';
import { maxPageSize } from '../../schema/pagination.js';
import { sharedAcrossWorkers } from '../cluster-registry.js';
import { loadConfig, type Config } from '../config.js';
import { createLogger, yogaLogger } from '../logger.js';
import { useAnswerOutcome, type AnswerContext } from './use-answer-outcome.js';
import { createRegisteredQueries, useAutomaticPersistedQueries } from './use-automatic-persisted-queries.js';
import { useCostLimit, type ListBounds } from './use-cost-limit.js';
import { useHiddenSchema } from './use-hidden-schema.js';
import { useInputDepth } from './use-input-depth.js';
import { useQueryLimits } from './use-query-limits.js';
import { useRequestErrors, withoutLongEchoes } from './use-request-errors.js';
import { loadTrustedDocuments, useTrustedDocuments } from './use-trusted-documents.js';

export type StatusqlYoga = YogaServerInstance<AnswerContext, object>;

/** What the app needs besides its configuration. */
export interface StatusqlYogaOptions {
  /** Where yoga's own messages go; a logger at the configured level when omitted. */
  logger?: Logger;
  /** Plugins to run after StatusQL's own, such as metrics (tests count requests with one). */
  plugins?: Plugin[];
}

export const graphqlEndpoint = '/graphql';

/** No input of this schema nests deeper than a filter holding a list. */
const maxInputDepth = 16;

/**
 * Parsed documents and parse errors by query text, bounded in bytes: a text counts twice its
 * length (UTF-16) and its syntax tree about 64 bytes a character (measured on the SDK's documents).
 */
const documentCacheBytes = 16 * 1024 * 1024;
const documentBytes = (_value: unknown, text: string) => 66 * text.length + 256;

/**
 * For the cost estimate: the largest page; every other list declares its length beside its field
 * (schema/cost.ts), and one that did not would count as the largest class.
 */
export const listBounds: ListBounds = {
  pageSize: maxPageSize,
  otherwise: Math.max(...[...catalogue.byClass.values()].map((codes) => codes.length)),
};

/**
 * Pothos rejects bad cursors and global ids with its own error classes: that is the caller's
 * mistake. A well-formed global id of a type that is not a node (`StatusCodeFilter:x`) gets its
 * error from deeper in Pothos, naming the schema's types: it is told only that the id is unknown.
 */
function maskUnexpected(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof PothosValidationError) {
    return new GraphQLError(withoutLongEchoes(original.message), { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (original instanceof PothosError) {
    return new GraphQLError('This id names no StatusCode or StatusClass.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return maskError(error, message, isDev);
}

/**
 * The plugins, in the order they run. Each does one job and none undoes another:
 *
 * (CORS is the HTTP layer's: @fastify/cors, before yoga is asked.)
 *
 * 1. Request errors: how an unreadable request is refused, which the rest never sees.
 * 2. The nesting of variables and extensions, once parsed and before anything walks them.
 * 3. Automatic persisted queries register a query sent with its verified hash (when trusted
 *    documents are not `only`); then trusted documents turn a `documentId` or hash into its query
 *    text before parsing: the SDK's documents first, then the registered queries.
 * 4. Document limits: tokens while parsing, then depth, aliases and directives while validating.
 * 5. With INTROSPECTION=false, the schema is hidden: no introspection, no suggestions.
 * 6. The cost limit, at execution, once the variables are known.
 * 7. Last, the outcome: whether the result had errors, for the Node side's caching.
 */
function plugins(config: Config): Plugin[] {
  const { limits } = config;
  const registers = config.trustedDocuments === 'allow' && config.persistedQueryKilobytes > 0;
  const registered = registers
    ? sharedAcrossWorkers(createRegisteredQueries(config.persistedQueryKilobytes * 1024))
    : undefined;
  return [
    useRequestErrors(),
    useInputDepth(maxInputDepth),
    ...(registered ? [useAutomaticPersistedQueries(registered)] : []),
    useTrustedDocuments(loadTrustedDocuments(), config.trustedDocuments === 'only', registered),
    useQueryLimits(limits),
    ...(config.introspection ? [] : [useHiddenSchema()]),
    useCostLimit({ cost: limits.cost, workMs: limits.workMs, answerBytes: limits.answerBytes }, listBounds),
    useAnswerOutcome(),
  ];
}

/** The StatusQL GraphQL app; it opens no port and knows nothing of sockets (see http/graphql-route.ts). */
export function createStatusqlYoga(config: Config = loadConfig(), options: StatusqlYogaOptions = {}): StatusqlYoga {
  const logger = options.logger ?? createLogger(config.logLevel);
  const documents = () =>
    new LRUCache<string, DocumentNode | Error>({ maxSize: documentCacheBytes, sizeCalculation: documentBytes });
  return createYoga<AnswerContext>({
    schema,
    graphqlEndpoint,
    landingPage: false,
    // /health and /ready are the Node side's (http/probes.ts). Yoga's own check answers any URL
    // that ends in this; none ends in a space, so it never does.
    healthCheckEndpoint: '/health ',
    // GraphiQL's page is the HTTP layer's (http/graphql-route.ts), which negotiates Accept by q-value.
    graphiql: false,
    maskedErrors: { maskError: maskUnexpected },
    // `documentId` carries a trusted document's hash (see use-trusted-documents.ts).
    extraParamNames: ['documentId'],
    logging: yogaLogger(logger),
    cors: false,
    multipart: false,
    // fastify reads the body within MAX_BODY_BYTES (http/graphql-route.ts) before yoga sees it; yoga's
    // own limit would pipe every body through a counting stream again.
    maxRequestBodySize: false,
    batching: config.limits.batch > 0 ? { limit: config.limits.batch } : false,
    parserAndValidationCache: { documentCache: documents() as never, errorCache: documents() },
    plugins: [...plugins(config), ...(options.plugins ?? [])],
    // Answers never depend on the request's Host (http/graphql-route.ts): links start with
    // PUBLIC_URL, or the port the request came in on (the same for every request of a server).
    context: ({ localPort }) => ({
      publicUrl: config.publicUrl ?? `http://localhost:${localPort ?? config.port}`,
    }),
  });
}
