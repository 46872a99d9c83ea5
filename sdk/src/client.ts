import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLClient } from 'graphql-request';
import { documentIdHeader, documentIdOf, sendDocumentIds } from './document-ids.js';
import { toStatusqlError } from './errors.js';
// The client's documents are their hashes alone, typed like the full documents the package
// exports for Apollo Client and urql; a query's text is loaded only when a server asks for it (or
// documentIds is off). An app that only uses the client bundles neither texts nor syntax trees.
import {
  QuickGuideDocument,
  SearchDocument,
  StatusClassDocument,
  StatusClassesDocument,
  StatusCodeDocument,
  StatusCodesDocument,
  SuggestDocument,
  SymptomsDocument,
  type SearchQuery,
  type SearchQueryVariables,
  type StatusCodesQuery,
  type StatusCodesQueryVariables,
} from './generated/hashes/graphql.js';

/**
 * What `new Headers()` takes: a record, pairs or a Headers object. Named through the Headers
 * constructor, which Node's types and the DOM's both declare, because `HeadersInit` is a DOM
 * name that a Node-only consumer's types lack.
 */
export type HeadersInput = NonNullable<ConstructorParameters<typeof Headers>[0]>;

/** How to reach a StatusQL server. */
export interface ClientOptions {
  /** The GraphQL endpoint, e.g. "http://localhost:4000/graphql"; in a browser "/graphql" means this page's origin. */
  url: string;
  /** Headers sent with every request, or a function that returns them per request. */
  headers?: HeadersInput | (() => HeadersInput);
  /** A fetch implementation; the global `fetch` by default. */
  fetch?: typeof fetch;
  /**
   * Send each operation's hash (`documentId`) instead of its text: shorter requests, and servers
   * that run only trusted documents accept them. On by default; a server that does not know a hash
   * gets the full text once more.
   */
  documentIds?: boolean;
  /** GET (the default) lets browsers, CDNs and proxies cache answers; POST never is cached. */
  method?: 'GET' | 'POST';
}

/** Per-call options. */
export interface RequestOptions {
  /** Cancels the request. */
  signal?: AbortSignal;
}

/** The SDK's operations: each method of the client runs one of these documents. */
const operations = {
  statusCode: StatusCodeDocument,
  statusCodes: StatusCodesDocument,
  search: SearchDocument,
  statusClass: StatusClassDocument,
  statusClasses: StatusClassesDocument,
  quickGuide: QuickGuideDocument,
  suggest: SuggestDocument,
  symptoms: SymptomsDocument,
};

type Operations = typeof operations;
// `any`, not `unknown`: a document's own Variables type is not assignable to `unknown` here.
type ResultOf<D> = D extends TypedDocumentNode<infer Result, any> ? Result : never;
type VariablesOf<D> = D extends TypedDocumentNode<unknown, infer Variables> ? Variables : never;

/** A method for one operation; its variables may be omitted when none is required. */
type OperationMethod<D> =
  {} extends VariablesOf<D>
    ? (variables?: VariablesOf<D>, options?: RequestOptions) => Promise<ResultOf<D>>
    : (variables: VariablesOf<D>, options?: RequestOptions) => Promise<ResultOf<D>>;

type StatusCodeEdge = StatusCodesQuery['statusCodes']['edges'][number];
type SearchEdge = SearchQuery['search']['edges'][number];

/** A typed StatusQL client: one method per operation, plus helpers that walk every page. */
export type StatusqlClient = { [Name in keyof Operations]: OperationMethod<Operations[Name]> } & {
  /** Every status code matching the variables, fetching page after page as you iterate. */
  allStatusCodes(
    variables?: Omit<StatusCodesQueryVariables, 'after'>,
    options?: RequestOptions,
  ): AsyncGenerator<StatusCodeEdge['node']>;
  /** Every search result, best first, fetching page after page as you iterate. */
  allSearchResults(variables: Omit<SearchQueryVariables, 'after'>, options?: RequestOptions): AsyncGenerator<SearchEdge>;
};

interface Page<Edge> {
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Yields the edges of a connection page by page until the server says there are no more. */
async function* walkPages<Edge>(fetchPage: (after: string | null) => Promise<Page<Edge>>): AsyncGenerator<Edge> {
  let after: string | null = null;
  for (;;) {
    const page: Page<Edge> = await fetchPage(after);
    yield* page.edges;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

let documentTexts: Promise<Record<string, string>> | undefined;

/** A trusted document's text by its hash, from the package's persisted documents, loaded once when first needed. */
async function documentText(documentId: string): Promise<string> {
  documentTexts ??= import('./generated/persisted-documents.json', { with: { type: 'json' } }).then((module) => module.default as Record<string, string>);
  const text = (await documentTexts)[documentId];
  if (text === undefined) throw new Error(`@statusql/sdk has no document ${documentId}`);
  return text;
}

/** The error code a server gives for a document id it does not know. */
const unknownDocumentCode = 'PERSISTED_QUERY_NOT_FOUND';

/** graphql-request needs an absolute URL: a relative one is resolved against the page's, where there is a page. */
function absoluteUrl(url: string): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  return page ? new URL(url, page).href : url;
}

/** Creates a client for the StatusQL API at `options.url`. */
export function createClient(options: ClientOptions): StatusqlClient {
  const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const useDocumentIds = options.documentIds ?? true;
  const client = new GraphQLClient(absoluteUrl(options.url), {
    headers: options.headers,
    method: options.method ?? 'GET',
    fetch: useDocumentIds ? sendDocumentIds(baseFetch) : baseFetch,
  });

  // graphql-request types `request` per concrete document; the generic wrapper below cannot
  // satisfy that conditional type, so it is called through this plain signature.
  const request = client.request.bind(client) as <Result>(options: {
    document: string;
    variables?: object;
    requestHeaders?: Record<string, string>;
    signal?: AbortSignal;
  }) => Promise<Result>;

  // By id, no text is loaded or sent: document-ids.ts swaps the stand-in (a comment naming the id,
  // as graphql-request wants some text) for the id.
  const send = async <Result>(document: TypedDocumentNode<Result, never>, variables: object | undefined, byId: boolean, signal?: AbortSignal) => {
    const documentId = documentIdOf(document)!;
    if (byId) return request<Result>({ document: `# ${documentId}`, variables, signal, requestHeaders: { [documentIdHeader]: documentId } });
    return request<Result>({ document: await documentText(documentId), variables, signal });
  };

  const run = async <Result, Variables extends object>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables | undefined,
    requestOptions: RequestOptions | undefined,
  ): Promise<Result> => {
    const typed = document as TypedDocumentNode<Result, never>;
    try {
      try {
        return await send(typed, variables, useDocumentIds, requestOptions?.signal);
      } catch (error) {
        if (!useDocumentIds || toStatusqlError(error).code !== unknownDocumentCode) throw error;
        return await send(typed, variables, false, requestOptions?.signal);
      }
    } catch (error) {
      throw toStatusqlError(error);
    }
  };

  const methods = Object.fromEntries(
    Object.entries(operations).map(([name, document]) => [
      name,
      (variables?: Record<string, unknown>, requestOptions?: RequestOptions) =>
        run(document as TypedDocumentNode<unknown, object>, variables, requestOptions),
    ]),
  ) as unknown as { [Name in keyof Operations]: OperationMethod<Operations[Name]> };

  return {
    ...methods,
    async *allStatusCodes(variables = {}, requestOptions) {
      for await (const edge of walkPages((after) =>
        run(StatusCodesDocument, { first: 100, ...variables, after }, requestOptions).then((data) => data.statusCodes),
      )) {
        yield edge.node;
      }
    },
    allSearchResults(variables, requestOptions) {
      return walkPages((after) =>
        run(SearchDocument, { first: 100, ...variables, after }, requestOptions).then((data) => data.search),
      );
    },
  };
}
