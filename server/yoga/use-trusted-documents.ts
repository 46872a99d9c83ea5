import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { projectRoot } from '../paths.js';

/** The SDK's operations by hash, as codegen writes them (`"sha256:<hex>": "<document>"`). */
export function loadTrustedDocuments(): ReadonlyMap<string, string> {
  const manifest = join(projectRoot, 'sdk', 'src', 'generated', 'persisted-documents.json');
  return new Map(Object.entries(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>));
}

/**
 * The request's document id: `documentId` in a JSON body or the query string (the GraphQL-over-HTTP
 * persisted documents proposal), or Apollo's `extensions.persistedQuery.sha256Hash`.
 */
function documentIdOf(params: GraphQLParams & { documentId?: unknown }, request: Request): string | null {
  if (typeof params.documentId === 'string') return params.documentId;
  const fromUrl = new URL(request.url).searchParams.get('documentId');
  if (fromUrl) return fromUrl;
  const persistedQuery = (params.extensions?.['persistedQuery'] ?? null) as { sha256Hash?: unknown } | null;
  return typeof persistedQuery?.sha256Hash === 'string' ? `sha256:${persistedQuery.sha256Hash.replace(/^sha256:/, '')}` : null;
}

/**
 * Runs the SDK's operations by hash. With `only`, nothing else runs: an ad-hoc query is refused.
 * The documents were validated against this schema by codegen, so validation is skipped for them.
 */
export function useTrustedDocuments(documents: ReadonlyMap<string, string>, only: boolean): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: !only,
    skipDocumentValidation: true,
    extractPersistedOperationId: documentIdOf,
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      notFound: {
        message: 'Unknown documentId: this server does not know that document. Send the query text, or update @statusql/sdk.',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Send a query, or a documentId from @statusql/sdk\'s persisted documents.',
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
      persistedQueryOnly: {
        message: 'This server runs trusted documents only: send a documentId from @statusql/sdk instead of a query.',
        extensions: { code: 'TRUSTED_DOCUMENTS_ONLY', http: { status: 400 } },
      },
    },
  });
}
