import { getOperationAST, Kind, parse, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  createCounter,
  createHistogram,
  usePrometheus,
  type FillLabelsFnParams,
} from '@graphql-yoga/plugin-prometheus';
import { collectDefaultMetrics, Counter, Histogram, type Registry } from 'prom-client';
import type { RouteLabel } from './http/route-config.js';
import { loadTrustedDocuments } from './yoga/use-trusted-documents.js';

/** What one serving process measures (docs/operations.md, "Metrics"); app.ts and http/server.ts record it. */
export interface StatusqlMetrics {
  /** Yoga's metrics: operations, their durations and errors, and yoga's HTTP durations. */
  yogaPlugin: Plugin;
  /** `statusql_answer_cache_lookups_total`: the answer cache answers a hit without yoga, so yoga never sees it. */
  answerCacheLookups: { hit: Counter.Internal; miss: Counter.Internal };
  /** Records one answer of the main port in `statusql_http_request_duration_seconds`, cached ones too. */
  observeHttpAnswer(route: Route, method: string | undefined, status: number, seconds: number): void;
}

/**
 * Every label value below comes from a fixed set, so no client can make the registry grow: an
 * operation is named only when it is one of the SDK's (the trusted documents), and otherwise
 * `other` (`Anonymous` when it has no name); a method outside the standard ones is `other`;
 * there is no URL label, nor the field path of an error (aliases are the client's to choose).
 */
const sdkOperationNames: ReadonlySet<string> = new Set(
  [...loadTrustedDocuments().values()].flatMap((text) =>
    parse(text).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
    ),
  ),
);

const standardMethods: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
]);

const methodLabel = (method: string | undefined) =>
  method !== undefined && standardMethods.has(method) ? method : 'other';

const operationNameLabel = (name: unknown) =>
  typeof name !== 'string' ? 'Anonymous' : sdkOperationNames.has(name) ? name : 'other';

/**
 * The operation a request runs, as labels. Found in the document as graphql-js finds it (the
 * plugin's own guess is the first definition, which in the SDK's documents is a fragment); with
 * no document (a parse error), by the name the request asked for.
 */
function operationLabels(document: DocumentNode | undefined, requested: unknown) {
  const operation = document ? getOperationAST(document, typeof requested === 'string' ? requested : undefined) : null;
  return {
    operationName: operationNameLabel(operation ? operation.name?.value : requested),
    operationType: operation?.operation ?? 'unknown',
  };
}

/** Labels by operation, from the plugin's parameters and yoga's context (which holds the request's params). */
type OperationContext = { params?: { operationName?: unknown } } | undefined;

const byOperation = (params: FillLabelsFnParams, context: OperationContext) =>
  operationLabels(params.document, context?.params?.operationName);

const operationLabelNames = ['operationName', 'operationType'] as const;

/** Yoga's Prometheus plugin with the four metrics we keep, each labelled from the bounded sets. */
function useMetrics(registry: Registry): Plugin {
  return usePrometheus({
    registry,
    // /metrics is served on its own port (http/metrics-server.ts), never by yoga.
    endpoint: false,
    metrics: {
      graphql_envelop_request: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_request',
          help: 'GraphQL operations executed',
          labelNames: operationLabelNames,
        },
        fillLabelsFn: byOperation,
      }),
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Seconds from parse to the end of execution',
          labelNames: operationLabelNames,
        },
        fillLabelsFn: byOperation,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'Errors in results, by the phase that raised them',
          labelNames: [...operationLabelNames, 'phase'],
        },
        fillLabelsFn: (params, context: OperationContext) => ({
          ...byOperation(params, context),
          phase: params.errorPhase,
        }),
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Seconds yoga spent on a request that parsed',
          labelNames: [...operationLabelNames, 'method', 'statusCode'],
        },
        fillLabelsFn: (params: FillLabelsFnParams & { request: Request; response: Response }) => ({
          operationName: operationNameLabel(params.operationName),
          operationType: params.operationType ?? 'unknown',
          method: methodLabel(params.request.method),
          statusCode: params.response.status,
        }),
      }),
      // The plugin turns these on unless told otherwise. The summary cannot be summed across
      // workers; the per-phase histograms would add an observation per phase to every operation.
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
    },
  });
}

/** The route an answer took (http/access-log.ts): one of a fixed set, never the URL. */
type Route = RouteLabel | 'other';

/** A live example answers whatever code its client names: by class (`4xx`), its statuses stay five. */
const statusLabel = (route: Route, status: number) =>
  route === 'status' ? `${Math.floor(status / 100)}xx` : String(status);

/**
 * The metrics of one serving process, registered in `registry` with prom-client's default process
 * metrics: main.ts passes prom-client's global registry, which a cluster's primary reads from
 * every worker; tests pass one of their own.
 */
export function createStatusqlMetrics(registry: Registry): StatusqlMetrics {
  collectDefaultMetrics({ register: registry });
  const lookups = new Counter({
    name: 'statusql_answer_cache_lookups_total',
    help: 'Lookups of GraphQL GETs and POSTs in the answer cache, which answers a hit without yoga',
    labelNames: ['result'],
    registers: [registry],
  });
  // Both series exist from the start, so rate() and the hit ratio work from the first scrape.
  lookups.inc({ result: 'hit' }, 0);
  lookups.inc({ result: 'miss' }, 0);
  const answers = new Histogram({
    name: 'statusql_http_request_duration_seconds',
    help: 'Seconds from a request on the main port to the end of its answer, answers from the cache included',
    labelNames: ['route', 'method', 'status'],
    // Finer than prom-client's default at the low end: a cached answer takes well under a millisecond.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    yogaPlugin: useMetrics(registry),
    answerCacheLookups: { hit: lookups.labels({ result: 'hit' }), miss: lookups.labels({ result: 'miss' }) },
    observeHttpAnswer: (route, method, status, seconds) => {
      answers.observe({ route, method: methodLabel(method), status: statusLabel(route, status) }, seconds);
    },
  };
}
