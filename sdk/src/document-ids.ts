/**
 * Trusted documents on the wire. graphql-request always sends the query text, so each request
 * carries its document's hash in a private header and this fetch wrapper swaps the text for the
 * hash (`documentId`, as in the GraphQL-over-HTTP persisted documents proposal) just before sending.
 */
export const documentIdHeader = 'x-statusql-document-id';

/** Wraps `fetch` so requests marked with a document id send the id instead of the query text. */
export function sendDocumentIds(baseFetch: typeof fetch): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    const documentId = headers.get(documentIdHeader);
    if (!documentId) return baseFetch(input, init);
    headers.delete(documentIdHeader);
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.searchParams.has('query')) {
      url.searchParams.delete('query');
      url.searchParams.set('documentId', documentId);
    }
    let body = init?.body;
    if (typeof body === 'string') {
      const { query: _query, ...rest } = JSON.parse(body) as Record<string, unknown>;
      body = JSON.stringify({ documentId, ...rest });
    }
    return baseFetch(url, { ...init, headers, body });
  };
}

/** The hash codegen embedded in a document, if any. */
export function documentIdOf(document: object): string | undefined {
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
  return typeof meta?.hash === 'string' ? meta.hash : undefined;
}
