import { readFileSync } from 'node:fs';

/** The three operations every server is measured on. */
export type OperationId = 'lookup' | 'list' | 'search';

/** One measured operation: the query sent by POST, and the SDK document used for the GET row. */
export interface BenchOperation {
  id: OperationId;
  label: string;
  query: string;
  /** The SDK's persisted document closest to `query`, with the same arguments as variables. */
  persisted: { operationName: string; variables: Record<string, unknown> };
}

/** Lookup, class listing and search, as issue #6 defines them. */
export const operations: readonly BenchOperation[] = [
  {
    id: 'lookup',
    label: 'lookup statusCode(404)',
    query: '{ statusCode(code: 404) { code phrase description commonUsage statusClass { range } } }',
    persisted: { operationName: 'StatusCode', variables: { code: 404 } },
  },
  {
    id: 'list',
    label: 'list 4xx, first 50',
    query:
      '{ statusCodes(filter: { classes: [CLIENT_ERROR] }, first: 50) { totalCount edges { node { code phrase } } } }',
    persisted: { operationName: 'StatusCodes', variables: { filter: { classes: ['CLIENT_ERROR'] }, first: 50 } },
  },
  {
    id: 'search',
    label: 'search "not found", first 10',
    query: '{ search(query: "not found", first: 10) { edges { score node { code phrase } } } }',
    persisted: { operationName: 'Search', variables: { query: 'not found', first: 10 } },
  },
];

/** The JSON body POSTed for an operation; the bare server keys its answers on these exact bytes. */
export function postBody(operation: Pick<BenchOperation, 'query'>): string {
  return JSON.stringify({ query: operation.query });
}

const manifestUrl = new URL('../sdk/src/generated/persisted-documents.json', import.meta.url);

/** The `sha256:` id of the SDK document that declares `query <operationName>(`. */
export function persistedDocumentId(operationName: string): string {
  const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as Record<string, string>;
  const declaration = new RegExp(`\\bquery ${operationName}\\b`);
  const ids = Object.keys(manifest).filter((id) => declaration.test(manifest[id] ?? ''));
  if (ids.length !== 1) throw new Error(`Expected one persisted document for ${operationName}, found ${ids.length}`);
  return ids[0]!;
}

/** Path and query string of the GET request that runs an operation's persisted SDK document. */
export function persistedGetPath(operation: BenchOperation): string {
  const { operationName, variables } = operation.persisted;
  const params = new URLSearchParams({
    documentId: persistedDocumentId(operationName),
    variables: JSON.stringify(variables),
  });
  return `/graphql?${params}`;
}
