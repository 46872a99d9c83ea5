import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/** Query texts registered by automatic persisted queries, by `sha256:<hex>`. */
export type RegisteredQueries = LRUCache<string, string>;

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

/** Apollo's `extensions.persistedQuery`, version 1, when a request carries it. */
function persistedQueryHash(extensions: Record<string, unknown> | undefined): string | null {
  const persistedQuery = extensions?.['persistedQuery'] as { version?: unknown; sha256Hash?: unknown } | undefined;
  return persistedQuery?.version === 1 && typeof persistedQuery.sha256Hash === 'string'
    ? persistedQuery.sha256Hash.toLowerCase()
    : null;
}

/**
 * Automatic persisted queries, the protocol Apollo Client, urql and most gateways speak: a query
 * sent with `extensions.persistedQuery.sha256Hash` is registered under that hash, once the hash is
 * verified against the text, so that later requests may send the hash alone (answered by
 * `useTrustedDocuments`, which looks here after the SDK's documents). yoga's plugin for this
 * (`@graphql-yoga/plugin-apq` 3.6) requires @graphql-tools/utils 10, older than yoga's own.
 */
export function useAutomaticPersistedQueries(registered: RegisteredQueries): Plugin {
  return {
    onParams({ params }) {
      const hash = persistedQueryHash(params.extensions);
      if (typeof params.query !== 'string' || hash === null) return;
      if (createHash('sha256').update(params.query).digest('hex') !== hash) {
        throw new GraphQLError('provided sha does not match query', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      }
      registered.set(`sha256:${hash}`, params.query);
    },
  };
}
