import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { projectRoot } from '../paths.js';
import { persistedQueryKey } from './use-automatic-persisted-queries.js';

/** A persisted-documents manifest as codegen writes it: `"sha256:<hex>": "<document>"`. */
const readManifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;

/**
 * The operations of every released SDK (`sdk/persisted/<version>.json`) and of this build, by hash:
 * the allowlist only grows, so a dashboard pinned to an older SDK keeps working with
 * TRUSTED_DOCUMENTS=only (test/schema-releases.test.ts checks they still validate).
 */
export function loadTrustedDocuments(): ReadonlyMap<string, string> {
  const released = join(projectRoot, 'sdk', 'persisted');
  const manifests = readdirSync(released)
    .filter((file) => file.endsWith('.json'))
    .map((file) => readManifest(join(released, file)));
  manifests.push(readManifest(join(projectRoot, 'sdk', 'src', 'generated', 'persisted-documents.json')));
  return new Map(manifests.flatMap((manifest) => Object.entries(manifest)));
}

/**
 * The request's document id: `documentId` in a JSON body or the query string (the GraphQL-over-HTTP
 * persisted documents proposal), or Apollo's `extensions.persistedQuery.sha256Hash`.
 */
function documentIdOf(params: GraphQLParams & { documentId?: unknown }, request: Request): string | null {
  const persistedQuery = (params.extensions?.['persistedQuery'] ?? null) as { sha256Hash?: unknown } | null;
  const id =
    typeof params.documentId === 'string'
      ? params.documentId
      : (new URL(request.url).searchParams.get('documentId') ??
        (typeof persistedQuery?.sha256Hash === 'string' ? persistedQuery.sha256Hash : null));
  // Hashes compare in any case, with or without `sha256:`, as automatic persisted queries register them.
  return id === null ? null : (persistedQueryKey(id) ?? id);
}

/** Queries registered by automatic persisted queries, by `sha256:<hex>`. */
export interface QueryLookup {
  get(id: string): string | undefined;
}

/**
 * Runs the SDK's operations by hash, then queries registered by automatic persisted queries. With
 * `only`, nothing else runs: an ad-hoc query is refused (and so never registered). Every document
 * is validated, the SDK's too: the plugin cannot skip validation for some of them only, and a
 * registered query is text from a client; yoga caches validation by document, so the SDK's cost
 * it once.
 */
export function useTrustedDocuments(
  documents: ReadonlyMap<string, string>,
  only: boolean,
  registered?: QueryLookup,
): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: !only,
    extractPersistedOperationId: documentIdOf,
    getPersistedOperation: (id) => documents.get(id) ?? registered?.get(id) ?? null,
    customErrors: {
      // The message and code Apollo Client's PersistedQueryLink and urql's persistedExchange
      // recognize, answering with the query text; the SDK does the same on the code.
      notFound: {
        message: 'PersistedQueryNotFound',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
      },
      keyNotFound: {
        message: "Send a query, or a documentId from @statusql/sdk's persisted documents.",
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
      persistedQueryOnly: {
        message: 'This server runs trusted documents only: send a documentId from @statusql/sdk instead of a query.',
        extensions: { code: 'TRUSTED_DOCUMENTS_ONLY', http: { status: 400 } },
      },
    },
  });
}
