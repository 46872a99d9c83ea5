import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import Negotiator from 'negotiator';
import { catalogue } from '../../catalogue/catalogue.js';
import type { StatusCodeRecord } from '../../catalogue/records.js';
import { grantedHeaders, readableBy } from '../yoga/use-cors.js';
import { bodyBytes } from './answer.js';
import { sendError } from './errors.js';
import { defaultLocation, liveExampleHeaders, type LiveExampleContext } from './live-example-headers.js';
import { liveExamplePrefix, parseLiveExample, pickCode, type LiveExampleRequest } from './live-example-request.js';

/** What live examples need to know of the server. */
export interface LiveExampleOptions {
  /** `CORS_ORIGIN`: who may read the answers in a browser. */
  corsOrigin: '*' | readonly string[];
  /** `MAX_SLEEP_MS`: the longest `?sleep=`. */
  maxSleepMs: number;
  /** `MAX_SLEEPING`: how many answers may be sleeping at once; the next one gets 503. */
  maxSleeping: number;
  /** The release id, in ETags. */
  release: string;
  /** Whether the server is draining: then nothing more sleeps. */
  draining: () => boolean;
}

/** The `/status/{codes}` route (docs/live-examples.md). */
export interface LiveExamples {
  /** Answers a request whose path starts with {@link liveExamplePrefix}; `query` follows the `?`. */
  answer(req: IncomingMessage, res: ServerResponse, path: string, query: string): void;
  /** Ends every sleep now, so that draining never waits for one: main.ts calls it on SIGTERM. */
  wakeAll(): void;
  /** How many answers are sleeping now. */
  readonly sleeping: number;
}

/** nginx's 444 is never sent: nginx closes the connection instead, and so does its example. */
const closesWithoutAnswer: ReadonlySet<number> = new Set([444]);

/** What a preflight grants: every method a browser may send (fetch forbids CONNECT and TRACE). */
const preflightMethods = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/** Node writes these on every answer it keeps alive; a browser may read them too. */
const nodeHeaders = ['Date', 'Connection', 'Keep-Alive'];

type Header = [name: string, value: string];

/** Whether the client prefers text/plain to JSON (RFC 9110 §12.5.1: q-values, then the most specific range). */
const wantsText = (req: IncomingMessage) =>
  new Negotiator(req).mediaType(['application/json', 'text/plain']) === 'text/plain';

/** The GraphQL query that asks the API about a code. */
const queryOf = (code: number) =>
  `{ statusCode(code: ${code}) { code phrase description retryAdvice headers { name requirement note } } }`;

/** The small document a live example's body holds: the code, what it means, and where to read more. */
function documentOf(code: number, record: StatusCodeRecord | undefined, note: string | null) {
  const query = queryOf(code);
  return {
    code,
    phrase: record?.phrase ?? null,
    vendor: record?.vendor ?? null,
    description:
      record?.description ??
      `Nothing is catalogued at ${code}. A client treats a code it does not know as the x00 code of its class, here ${Math.floor(code / 100)}00 (RFC 9110 §15).`,
    page: `/${code}`,
    query,
    graphql: `/graphql?query=${encodeURIComponent(query)}`,
    ...(note === null ? {} : { note }),
  };
}

/** The body: JSON, or text/plain when the client prefers it. */
function bodyOf(document: ReturnType<typeof documentOf>, text: boolean): { type: string; body: Buffer } {
  if (!text) return { type: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(document)) };
  const title = document.phrase === null ? String(document.code) : `${document.code} ${document.phrase}`;
  const lines = [
    document.vendor === null ? title : `${title} (${document.vendor})`,
    '',
    document.description,
    ...(document.note === undefined ? [] : ['', document.note]),
    '',
    `Its page: ${document.page}`,
    `Its GraphQL query: ${document.query}`,
    '',
  ];
  return { type: 'text/plain; charset=utf-8', body: Buffer.from(lines.join('\n')) };
}

/**
 * Writes a 1xx interim response. Node's writeProcessing and writeEarlyHints write theirs with
 * `_writeRaw` (queued until the socket is this response's, behind pipelined ones); there is no
 * public way to write any other 1xx. False when that is gone.
 */
function writeInterim(res: ServerResponse, code: number, phrase: string, headers: readonly Header[]): boolean {
  const writeRaw = (res as unknown as { _writeRaw?: (data: string, encoding: BufferEncoding) => boolean })._writeRaw;
  if (typeof writeRaw !== 'function') return false;
  writeRaw.call(
    res,
    `HTTP/1.1 ${code} ${phrase}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`,
    'latin1',
  );
  return true;
}

/** The `/status/{codes}` route: parses, picks a code, sleeps within the bounds and answers. */
export function createLiveExamples(options: LiveExampleOptions): LiveExamples {
  const allowed = options.corsOrigin === '*' ? null : new Set(options.corsOrigin);
  const sleepers = new Set<() => void>();
  const ok = catalogue.byCode.get(200)!;

  /** Access-Control-Allow-Origin for this request's Origin, if it may read the answer. */
  function allowOrigin(headers: IncomingHttpHeaders): Header[] {
    const reader = readableBy(allowed, headers.origin);
    return reader === null ? [] : [['Access-Control-Allow-Origin', reader]];
  }

  /** Access-Control-Expose-Headers naming every header of an answer, Node's own included, so a browser may read them all. */
  function exposing(names: readonly string[], origin: readonly Header[]): Header[] {
    if (origin.length === 0) return [];
    return [['Access-Control-Expose-Headers', [...new Set([...names, ...nodeHeaders])].join(', ')]];
  }

  /** A JSON error in the project's shape, readable by the browser app that asked. */
  function refuse(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    extra: readonly Header[] = [],
  ): void {
    const origin = allowOrigin(req.headers);
    const headers: Header[] = [...extra, ...(allowed ? [['Vary', 'Origin'] as Header] : [])];
    // sendError adds these three.
    const names = [...headers.map(([name]) => name), 'Cache-Control', 'Content-Type', 'Content-Length'];
    sendError(res, status, code, message, Object.fromEntries([...headers, ...origin, ...exposing(names, origin)]));
  }

  /** A CORS preflight (OPTIONS with Access-Control-Request-Method): any method, the headers asked for when they are a plain list. */
  function preflight(req: IncomingMessage, res: ServerResponse): void {
    const headers: Header[] = [
      ...allowOrigin(req.headers),
      ['Access-Control-Allow-Methods', preflightMethods],
      ['Access-Control-Allow-Headers', grantedHeaders(req.headers['access-control-request-headers'])],
      ['Access-Control-Max-Age', '86400'],
      ['Cache-Control', 'no-store'],
      ['Vary', `${allowed ? 'Origin, ' : ''}Access-Control-Request-Method, Access-Control-Request-Headers`],
    ];
    res.writeHead(204, 'No Content', headers.flat()).end();
  }

  /** Waits `ms` (0: not at all) and then calls `then`, unless the client goes first; {@link LiveExamples.wakeAll} cuts it short. */
  function sleep(res: ServerResponse, ms: number, then: () => void): void {
    if (ms === 0) return then();
    const wake = () => {
      clearTimeout(timer);
      if (sleepers.delete(wake)) then();
    };
    const timer = setTimeout(wake, ms);
    sleepers.add(wake);
    res.once('close', () => {
      clearTimeout(timer);
      sleepers.delete(wake);
    });
  }

  /**
   * A 1xx is sent as an interim response before a final 200 that describes it (RFC 9110 §15.2:
   * a client must read any number of them), but not to an HTTP/1.0 client, which cannot. 101 is
   * never sent: it switches to a protocol the client asked for (§15.2.2), and this server speaks
   * HTTP/1.1 alone. Returns what the final answer says of it.
   */
  function interim(
    req: IncomingMessage,
    res: ServerResponse,
    code: number,
    record: StatusCodeRecord | undefined,
    context: LiveExampleContext,
  ): string {
    const title = record ? `${code} ${record.phrase}` : String(code);
    if (code === 101) {
      return `${title} was not sent: a server switches only to a protocol the client asked for in Upgrade, and this one speaks HTTP/1.1 alone (RFC 9110 §15.2.2). This is the final answer.`;
    }
    if (req.httpVersionMajor === 1 && req.httpVersionMinor === 0) {
      return `${title} was not sent: a server sends no 1xx to an HTTP/1.0 client (RFC 9110 §15.2). This is the final answer.`;
    }
    // Node has already answered `Expect: 100-continue` with a 100 of its own.
    const expected = code === 100 && /\b100-continue\b/i.test(req.headers.expect ?? '');
    if (!expected && !writeInterim(res, code, record?.phrase ?? '', catalogueHeaders(record, context))) {
      return `${title} was not sent: this Node.js cannot write it. This is the final answer.`;
    }
    return `${title} was sent first, as an interim response; this is the final answer.`;
  }

  /** The headers the catalogue lists for a code, with their example values. */
  function catalogueHeaders(record: StatusCodeRecord | undefined, context: LiveExampleContext): Header[] {
    const headers: Header[] = [];
    for (const { name } of record?.headers ?? []) {
      const header = liveExampleHeaders[name];
      if (header && 'value' in header) headers.push([name, header.value(context)]);
    }
    return headers;
  }

  /** The final answer: the code's status line, its headers, and its body unless the code or HEAD forbids one. */
  function final(
    req: IncomingMessage,
    res: ServerResponse,
    code: number,
    asked: LiveExampleRequest,
    note: string | null,
  ): void {
    const method = req.method ?? 'GET';
    const informational = code < 200;
    const record = catalogue.byCode.get(code);
    const status = informational ? 200 : code;
    const phrase = informational ? ok.phrase : (record?.phrase ?? '');
    const bodyAllowed = informational || (record?.bodyAllowed ?? true);
    const content = bodyAllowed ? bodyOf(documentOf(code, record, note), wantsText(req)) : null;
    const context = contextOf(req, code, record, asked, content?.body.length ?? 0);
    const origin = allowOrigin(req.headers);

    const headers: Header[] = [
      ...(informational ? [] : catalogueHeaders(record, context)),
      ['Cache-Control', 'no-store'],
      ['Vary', allowed ? 'Accept, Origin' : 'Accept'],
    ];
    const connection = headers.find(([name]) => name === 'Connection');
    // Draining, or a body left unread (app.ts), has this answer close the connection: keep that.
    if (connection && res.getHeader('connection') === 'close' && !connection[1].includes('close'))
      connection[1] += ', close';
    if (content) headers.push(['Content-Type', content.type], ['X-Content-Type-Options', 'nosniff']);
    // RFC 9110 §8.6: no Content-Length on a 204 (nor on a 304, where it would be the 200's length).
    if (content) headers.push(['Content-Length', String(content.body.length)]);
    else if (status !== 204 && status !== 304) headers.push(['Content-Length', '0']);
    headers.push(
      ...origin,
      ...exposing(
        headers.map(([name]) => name),
        origin,
      ),
    );

    bodyBytes.set(res, content?.body.length ?? 0);
    res.writeHead(status, phrase, headers.flat()).end(content && method !== 'HEAD' ? content.body : undefined);
  }

  function contextOf(
    req: IncomingMessage,
    code: number,
    record: StatusCodeRecord | undefined,
    asked: LiveExampleRequest,
    length: number,
  ): LiveExampleContext {
    return {
      code,
      method: req.method ?? 'GET',
      location: asked.location ?? defaultLocation,
      path: `${liveExamplePrefix}${code}`,
      length,
      release: options.release,
      names: record?.headers.map((header) => header.name) ?? [],
    };
  }

  return {
    answer(req, res, path, query) {
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined)
        return preflight(req, res);
      const asked = parseLiveExample(path, query, options.maxSleepMs);
      if ('message' in asked) return refuse(req, res, 400, 'BAD_REQUEST', asked.message);
      const sleepMs = options.draining() ? 0 : asked.sleepMs;
      if (sleepMs > 0 && sleepers.size >= options.maxSleeping) {
        return refuse(
          req,
          res,
          503,
          'TOO_MANY_SLEEPING',
          `Service Unavailable: ${options.maxSleeping} delayed answers are waiting already, the most this server keeps; try again shortly, or without sleep.`,
          [['Retry-After', '1']],
        );
      }
      const code = pickCode(asked.codes);
      const record = catalogue.byCode.get(code);
      const note = code < 200 ? interim(req, res, code, record, contextOf(req, code, record, asked, 0)) : null;
      sleep(res, sleepMs, () => {
        if (!closesWithoutAnswer.has(code)) return final(req, res, code, asked, note);
        // Recorded as 444 in the access log and the metrics, as nginx logs it.
        res.statusCode = code;
        res.destroy();
      });
    },
    wakeAll() {
      for (const wake of [...sleepers]) wake();
    },
    get sleeping() {
      return sleepers.size;
    },
  };
}
