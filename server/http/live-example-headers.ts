/** What a header's example value may depend on: the answer being written. */
export interface LiveExampleContext {
  code: number;
  method: string;
  /** Where Location points: the request's `location`, or {@link defaultLocation}. */
  location: string;
  /** This code's own example, `/status/304`: the URL of the representation. */
  path: string;
  /** The length of the representation, the body a GET gets: what Content-Range counts. */
  length: number;
  /** The release (`0.1.0+3f2a9c1b7d4e`), so an ETag changes with the catalogue as the API's do. */
  release: string;
  /** Every header name the catalogue lists for the code. */
  names: readonly string[];
}

/** How a header the catalogue lists is given on a live example. */
export type LiveExampleHeader =
  /** Written with this value. */
  | { value: (example: LiveExampleContext) => string }
  /** Already on every answer: written by Node (Date) or by live-example.ts (Cache-Control, Content-Type, Vary). */
  | { everyAnswer: true }
  /** Never on a response, and why. */
  | { never: string };

/** Where Location points unless the request names a path: a live example that answers any method, so a redirect followed with POST lands too. */
export const defaultLocation = '/status/200';

/** Methods a 405 says the resource allows: never the one just refused (GET and HEAD go together). */
function allowedBesides(method: string): string {
  const refused = method === 'GET' || method === 'HEAD' ? ['GET', 'HEAD'] : [method];
  return ['GET', 'HEAD', 'POST'].filter((allowed) => !refused.includes(allowed)).join(', ');
}

/**
 * A realistic value for every header name the catalogue lists (a test checks that none is
 * missing), keyed as the catalogue spells it. Which headers a code gets is the catalogue's
 * `headers` list; this table only says what each looks like.
 */
export const liveExampleHeaders: Readonly<Record<string, LiveExampleHeader>> = {
  Accept: { value: () => 'application/json' },
  'Accept-Encoding': { value: () => 'gzip, br' },
  'Accept-Patch': { value: () => 'application/merge-patch+json, application/json-patch+json' },
  'Accept-Post': { value: () => 'application/json' },
  Allow: { value: (example) => allowedBesides(example.method) },
  'Cache-Control': { everyAnswer: true },
  // RFC 9110 §7.6.1: `upgrade` must accompany an Upgrade field; otherwise the server is closing (408).
  Connection: { value: (example) => (example.names.includes('Upgrade') ? 'upgrade' : 'close') },
  'Content-Location': { value: (example) => example.path },
  // RFC 9110 §14.4: a 206 says which bytes it holds (here all of them), a 416 only the length.
  'Content-Range': {
    value: (example) =>
      example.code >= 400 ? `bytes */${example.length}` : `bytes 0-${example.length - 1}/${example.length}`,
  },
  // A live 206 holds one range, all of the JSON body: the representation's own type, not multipart.
  'Content-Type': { everyAnswer: true },
  Date: { everyAnswer: true },
  'Early-Data': {
    never: 'a request header (RFC 8470 §5.1): a proxy that forwarded early data sets it, and a 425 answers it',
  },
  ETag: { value: (example) => `"${example.release}-${example.code}"` },
  // Now: with no-store, the answer is stale at once.
  Expires: { value: () => new Date().toUTCString() },
  IM: { value: () => 'feed' },
  // RFC 8297 §2 (a preload hint, of a file this server has) and RFC 7725 §4 (who implements the block).
  Link: {
    value: (example) => (example.code < 200 ? '</favicon.svg>; rel=preload; as=image' : '</>; rel="blocked-by"'),
  },
  Location: { value: (example) => example.location },
  'Proxy-Authenticate': { value: () => 'Basic realm="StatusQL example proxy", charset="UTF-8"' },
  // Short, so a client that honours it can be tested without a long wait.
  'Retry-After': { value: () => '5' },
  // RFC 9110 §15.5.22's own example.
  Upgrade: { value: () => 'HTTP/3.0' },
  'Upload-Limit': { value: () => 'max-size=1073741824' },
  Vary: { everyAnswer: true },
  // A Bearer challenge (RFC 6750 §3): a Basic one would open a browser's password dialog.
  'WWW-Authenticate': {
    value: () => 'Bearer realm="statusql", error="invalid_token", error_description="The access token expired"',
  },
};
