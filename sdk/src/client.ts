import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLClient } from 'graphql-request';
import { documentIdOf, sendDocumentIds } from './document-ids.js';
import { toStatusqlError } from './errors.js';
// The client's documents are their hashes alone, typed like the full documents the package
// exports for Apollo Client and urql; a query's text is loaded only when a server asks for it (or
// documentIds is off). An app that only uses the client bundles neither texts nor syntax trees.
import {
  InterpretStatusDocument,
  QuickGuideDocument,
  SearchDocument,
  StatusClassDocument,
  StatusClassesDocument,
  StatusCodeDocument,
  StatusCodesDocument,
  SuggestionsDocument,
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
interface Operations {
  statusCode: typeof StatusCodeDocument;
  statusCodes: typeof StatusCodesDocument;
  search: typeof SearchDocument;
  statusClass: typeof StatusClassDocument;
  statusClasses: typeof StatusClassesDocument;
  quickGuide: typeof QuickGuideDocument;
  suggestions: typeof SuggestionsDocument;
  symptoms: typeof SymptomsDocument;
  interpretStatus: typeof InterpretStatusDocument;
}

// `any`, not `unknown`: a document's own Variables type is not assignable to `unknown` here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ResultOf<D> = D extends TypedDocumentNode<infer Result, any> ? Result : never;
type VariablesOf<D> = D extends TypedDocumentNode<unknown, infer Variables> ? Variables : never;

/** A method for one operation; its variables may be omitted when none is required. */
type OperationMethod<D> =
  Record<string, never> extends VariablesOf<D>
    ? (variables?: VariablesOf<D>, options?: RequestOptions) => Promise<ResultOf<D>>
    : (variables: VariablesOf<D>, options?: RequestOptions) => Promise<ResultOf<D>>;

type StatusCodeEdge = NonNullable<StatusCodesQuery['statusCodes']>['edges'][number];
type SearchEdge = NonNullable<SearchQuery['search']>['edges'][number];

/** A typed StatusQL client: one method per operation, plus helpers that walk every page. */
export type StatusqlClient = { [Name in keyof Operations]: OperationMethod<Operations[Name]> } & {
  /** Every status code matching the variables, fetching page after page as you iterate. */
  allStatusCodes(
    variables?: Omit<StatusCodesQueryVariables, 'after'>,
    options?: RequestOptions,
  ): AsyncGenerator<StatusCodeEdge['node']>;
  /** Every search result, best first, fetching page after page as you iterate. */
  allSearchResults(
    variables: Omit<SearchQueryVariables, 'after'>,
    options?: RequestOptions,
  ): AsyncGenerator<SearchEdge>;
};

interface Page<Edge> {
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A root field is null only beside an error, and a method throws on any error; this stands in for
 * the page the types still allow.
 */
const noPage = { edges: [], pageInfo: { hasNextPage: false } };

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
  documentTexts ??= import('./generated/persisted-documents.json', { with: { type: 'json' } }).then(
    (module) => module.default as Record<string, string>,
  );
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
  const useDocumentIds = options.documentIds ?? true;
  const client = new GraphQLClient(absoluteUrl(options.url), {
    headers: options.headers,
    method: options.method ?? 'GET',
    fetch: useDocumentIds ? sendDocumentIds(options.fetch) : options.fetch,
  });

  // graphql-request types `request` per concrete document; the generic wrapper below cannot
  // satisfy that conditional type, so it is called through this plain signature.
  const request = client.request.bind(client) as <Result>(options: {
    document: string;
    variables?: object;
    signal?: AbortSignal;
  }) => Promise<Result>;

  // A method sends its operation by id, which stands in for the text (document-ids.ts sends it as
  // the request's documentId); the text is loaded and sent only when the server does not know the
  // id, or when documentIds is off.
  const method =
    <Result, Variables extends object>(document: TypedDocumentNode<Result, Variables>) =>
    async (variables?: Variables, requestOptions?: RequestOptions): Promise<Result> => {
      const documentId = documentIdOf(document);
      const signal = requestOptions?.signal;
      try {
        if (useDocumentIds) {
          try {
            return await request<Result>({ document: documentId, variables, signal });
          } catch (error) {
            if (toStatusqlError(error).code !== unknownDocumentCode) throw error;
          }
        }
        return await request<Result>({ document: await documentText(documentId), variables, signal });
      } catch (error) {
        throw toStatusqlError(error);
      }
    };

  const statusCodes = method(StatusCodesDocument);
  const search = method(SearchDocument);
  return {
    statusCode: method(StatusCodeDocument),
    statusCodes,
    search,
    statusClass: method(StatusClassDocument),
    statusClasses: method(StatusClassesDocument),
    quickGuide: method(QuickGuideDocument),
    suggestions: method(SuggestionsDocument),
    symptoms: method(SymptomsDocument),
    interpretStatus: method(InterpretStatusDocument),
    async *allStatusCodes(variables = {}, requestOptions) {
      for await (const edge of walkPages((after) =>
        statusCodes({ first: 100, ...variables, after }, requestOptions).then((data) => data.statusCodes ?? noPage),
      )) {
        yield edge.node;
      }
    },
    allSearchResults(variables, requestOptions) {
      return walkPages((after) =>
        search({ first: 100, ...variables, after }, requestOptions).then((data) => data.search ?? noPage),
      );
    },
  };
}
