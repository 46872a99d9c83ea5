/**
 * Trusted documents on the wire. graphql-request always sends a query text, so the client gives it
 * the document's hash as the text and this fetch wrapper renames that `query` to `documentId` (as in
 * the GraphQL-over-HTTP persisted documents proposal) just before sending. The hash is the text
 * itself, not a `# comment` naming it, because graphql-request strips comments from a GET's query.
 */

/** A hash as codegen writes it (codegen.ts: sha256); no GraphQL document starts like this. */
const isDocumentId = (query: unknown): query is string => typeof query === 'string' && query.startsWith('sha256:');

/**
 * Wraps `fetch` (the global one, looked up per request as graphql-request does, when none is given)
 * so a request whose query is a document id sends it as `documentId` instead.
 */
export function sendDocumentIds(baseFetch?: typeof fetch): typeof fetch {
  return (input, init) => {
    // graphql-request puts a GET's query in the URL and a POST's in a JSON string body.
    const url = new URL(input as string | URL);
    const query = url.searchParams.get('query');
    if (isDocumentId(query)) {
      url.searchParams.delete('query');
      url.searchParams.set('documentId', query);
    } else if (typeof init?.body === 'string') {
      const { query, ...rest } = JSON.parse(init.body) as Record<string, unknown>;
      if (isDocumentId(query)) init = { ...init, body: JSON.stringify({ documentId: query, ...rest }) };
    }
    return (baseFetch ?? fetch)(url, init);
  };
}

/** The hash that codegen put in place of a document (see generated/hashes). */
export function documentIdOf(document: object): string {
  return (document as { __meta__: { hash: string } }).__meta__.hash;
}
