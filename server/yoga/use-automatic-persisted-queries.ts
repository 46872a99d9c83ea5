import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/** Query texts registered by automatic persisted queries, by `sha256:<hex>`. */
export type RegisteredQueries = LRUCache<string, string>;

/** What the plugins need of the store: a worker's own, or one shared across workers (cluster-registry.ts). */
export interface QueryStore {
  get(key: string): string | undefined;
  set(key: string, query: string): void;
}

/**
 * The store, bounded in bytes (a key and a text count twice their length, UTF-16) and in entries,
 * so that registering queries cannot fill memory: the least recently used give way.
 */
export function createRegisteredQueries(maxBytes: number): RegisteredQueries {
  return new LRUCache<string, string>({
    maxSize: maxBytes,
    max: 10_000,
    sizeCalculation: (text, key) => 2 * (key.length + text.length),
  });
}

/**
 * A hash as the store keys it, `sha256:` and lower-case hex, whichever spelling a client sent
 * (`ABC…`, `abc…` or `sha256:abc…`); null when it is no SHA-256 hash at all.
 */
export function persistedQueryKey(hash: string): string | null {
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/i.exec(hash)?.[1];
  return hex === undefined ? null : `sha256:${hex.toLowerCase()}`;
}

/** Apollo's `extensions.persistedQuery`, version 1, when a request carries it. */
function persistedQueryHash(extensions: Record<string, unknown> | undefined): string | null {
  const persistedQuery = extensions?.['persistedQuery'] as { version?: unknown; sha256Hash?: unknown } | undefined;
  return persistedQuery?.version === 1 && typeof persistedQuery.sha256Hash === 'string'
    ? persistedQuery.sha256Hash
    : null;
}

/** Only a JSON POST registers: a GET or a form post can be made by any web page, cross-site, without a preflight. */
const registersFrom = (request: Request) =>
  request.method === 'POST' && (request.headers.get('content-type') ?? '').toLowerCase().includes('json');

/**
 * Automatic persisted queries, the protocol Apollo Client, urql and most gateways speak: a query
 * sent by JSON POST with `extensions.persistedQuery.sha256Hash` is registered under that hash, once
 * the hash is verified against the text and the query has passed validation, so that later
 * requests may send the hash alone, in either case, with or without `sha256:` (answered by
 * `useTrustedDocuments`, which looks here after the SDK's documents). yoga's plugin for this
 * (`@graphql-yoga/plugin-apq` 3.6) requires @graphql-tools/utils 10, older than yoga's own.
 */
export function useAutomaticPersistedQueries(registered: QueryStore): Plugin {
  // A query is registered once it has passed validation: the key waits here until then.
  const pending = new WeakMap<object, string>();
  return {
    onParams({ params, request }) {
      const hash = persistedQueryHash(params.extensions);
      if (typeof params.query !== 'string' || hash === null) return;
      const key = persistedQueryKey(hash);
      if (key !== `sha256:${createHash('sha256').update(params.query).digest('hex')}`) {
        throw new GraphQLError('provided sha does not match query', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      }
      if (registersFrom(request)) pending.set(params, key);
    },
    onValidate({ context }) {
      const { params } = context as { params?: { query?: unknown } };
      const key = params && pending.get(params);
      if (key === undefined || typeof params?.query !== 'string') return;
      const query = params.query;
      return ({ valid }) => {
        if (valid) registered.set(key, query);
      };
    },
  };
}
