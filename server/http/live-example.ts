import { METHODS, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import Negotiator from 'negotiator';
import { catalogue } from '../../catalogue/catalogue.js';
import type { StatusCodeRecord } from '../../catalogue/records.js';
import { loadTrustedDocuments } from '../yoga/use-trusted-documents.js';
import { HttpProblem } from './errors.js';
import { defaultLocation, liveExampleHeaders, type LiveExampleContext } from './live-example-headers.js';
import {
  badLocation,
  badSleep,
  isLocalPath,
  liveExamplePrefix,
  parseCodes,
  pickCode,
  unknownParameter,
} from './live-example-request.js';

/** What live examples need to know of the server. */
export interface LiveExampleOptions {
  /** `MAX_SLEEP_MS`: the longest `?sleep=`. */
  maxSleepMs: number;
  /** `MAX_SLEEPING`: how many answers may be sleeping at once; the next one gets 503. */
  maxSleeping: number;
  /** The release id, in ETags. */
  release: string;
  /** Whether the server is draining: then nothing more sleeps. */
  draining: () => boolean;
  /** `TRUSTED_DOCUMENTS=only`: the body's GraphQL link names the SDK's StatusCode document, as no query text runs. */
  trustedDocumentsOnly: boolean;
}

/** The `/status/{codes}` route (docs/live-examples.md). */
export interface LiveExamples {
  /** Ends every sleep now, so that draining never waits for one: main.ts calls it on SIGTERM. */
  wakeAll(): void;
  /** How many answers are sleeping now. */
  readonly sleeping: number;
}

/** How many answers one connection may have sleeping: one pipelining client cannot hold every slot. */
export const sleepingPerConnection = 4;

/** nginx's 444 is never sent: nginx closes the connection instead, and so does its example. */
const closesWithoutAnswer: ReadonlySet<number> = new Set([444]);

/** The query string a live example takes: any other parameter, or one given twice, is a 400. */
const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sleep: { type: 'string', pattern: '^\\d{1,9}$' },
    location: { type: 'string' },
  },
} as const;

/** A schema error as the live example's own 400: a wrong or repeated parameter, or a sleep that is not whole milliseconds. */
const queryProblem = (maxSleepMs: number) => (errors: FastifySchemaValidationError[]) => {
  const [first] = errors;
  const message = first?.keyword === 'pattern' ? badSleep(maxSleepMs).message : unknownParameter.message;
  return new HttpProblem(400, 'BAD_REQUEST', message);
};

/** Whether the client prefers text/plain to JSON (RFC 9110 §12.5.1: q-values, then the most specific range). */
const wantsText = (accept: string | undefined) =>
  accept !== undefined &&
  new Negotiator({ headers: { accept } }).mediaType(['application/json', 'text/plain']) === 'text/plain';

/** The GraphQL query that asks the API about a code. */
const queryOf = (code: number) =>
  `{ statusCode(code: ${code}) { code phrase description retryAdvice headers { name requirement note } } }`;

/** The id of the SDK's `StatusCode` operation among the trusted documents. */
const statusCodeDocumentId = [...loadTrustedDocuments()].find(([, text]) => text.includes('query StatusCode('))?.[0];

/**
 * Where the API answers the code's query: with the query in the URL, which a browser opens in
 * GraphiQL, or under TRUSTED_DOCUMENTS=only (where no query text runs) the SDK's StatusCode
 * document by its id, with the code as its variable.
 */
const graphqlLinkOf = (code: number, trustedDocumentsOnly: boolean) =>
  trustedDocumentsOnly && statusCodeDocumentId
    ? `/graphql?documentId=${statusCodeDocumentId}&variables=${encodeURIComponent(JSON.stringify({ code }))}`
    : `/graphql?query=${encodeURIComponent(queryOf(code))}`;

/** The small document a live example's body holds: the code, what it means, and where to read more. */
function documentOf(code: number, record: StatusCodeRecord | undefined, note: string | null, graphql: string) {
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
    graphql,
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

/** The headers the catalogue lists for a code, with their example values. */
function catalogueHeaders(record: StatusCodeRecord | undefined, context: LiveExampleContext): [string, string][] {
  const headers: [string, string][] = [];
  for (const { name } of record?.headers ?? []) {
    const header = liveExampleHeaders[name];
    if (header && 'value' in header) headers.push([name, header.value(context)]);
  }
  return headers;
}

/**
 * Runs `write` once this response is the socket's current one: a pipelined request's response
 * waits its turn (Node assigns it the socket, and says so with 'socket', when the answers before it
 * are done), and nothing may be written before then, or it would land in another answer's body.
 */
function whenCurrent(res: ServerResponse, write: () => void): void {
  if (res.socket) write();
  else res.once('socket', write);
}

/** Why a 1xx is never sent to this request (RFC 9110 §15.2), or null. */
function neverSent(request: FastifyRequest, code: number): string | null {
  if (code === 101)
    return 'a server switches only to a protocol the client asked for in Upgrade, and this one speaks HTTP/1.1 alone (RFC 9110 §15.2.2)';
  if (request.raw.httpVersionMajor === 1 && request.raw.httpVersionMinor === 0)
    return 'a server sends no 1xx to an HTTP/1.0 client (RFC 9110 §15.2)';
  return null;
}

/** The `/status/{codes}` route: validates, picks a code, sleeps within the bounds and answers. */
export function liveExampleRoutes(app: FastifyInstance, options: LiveExampleOptions): LiveExamples {
  const sleepers = new Set<() => void>();
  const sleepingOn = new WeakMap<Socket, number>();
  const ok = catalogue.byCode.get(200)!;

  /** Waits `ms` (0: not at all) and then calls `then`, unless the client goes first; {@link LiveExamples.wakeAll} cuts it short. */
  function sleep(res: ServerResponse, ms: number, then: () => void): void {
    if (ms === 0) return then();
    const socket = res.req.socket;
    sleepingOn.set(socket, (sleepingOn.get(socket) ?? 0) + 1);
    const wake = () => {
      clearTimeout(timer);
      if (sleepers.delete(wake)) {
        sleepingOn.set(socket, sleepingOn.get(socket)! - 1);
        then();
      }
    };
    const timer = setTimeout(wake, ms);
    sleepers.add(wake);
    res.once('close', () => {
      clearTimeout(timer);
      if (sleepers.delete(wake)) sleepingOn.set(socket, sleepingOn.get(socket)! - 1);
    });
  }

  /**
   * A 1xx goes out as an interim response before a final 200 that describes it (RFC 9110 §15.2: a
   * client must read any number of them), through Node's public writers: writeContinue (100),
   * writeProcessing (102) and writeEarlyHints (103). Returns what the final answer says of it, and
   * the writer, if there is one to call.
   */
  function interimOf(
    request: FastifyRequest,
    reply: FastifyReply,
    code: number,
    record: StatusCodeRecord | undefined,
    context: LiveExampleContext,
  ): { note: string; write?: () => void } {
    const title = record ? `${code} ${record.phrase}` : String(code);
    const why = neverSent(request, code);
    if (why !== null) return { note: `${title} was not sent: ${why}. This is the final answer.` };
    const note = `${title} was sent first, as an interim response; this is the final answer.`;
    // Node has already answered `Expect: 100-continue` with a 100 of its own.
    if (code === 100 && /\b100-continue\b/i.test(request.headers.expect ?? '')) return { note };
    const res = reply.raw;
    const hints = () =>
      Object.fromEntries(catalogueHeaders(record, context).map(([name, value]) => [name.toLowerCase(), value]));
    const writers: Record<number, () => void> = {
      100: () => res.writeContinue(),
      102: () => res.writeProcessing(),
      103: () => res.writeEarlyHints(hints()),
    };
    const write = writers[code];
    if (!write)
      return {
        note: `${title} was not sent: Node.js has no public way to write it as an interim response, and this server writes none by hand. This is the final answer.`,
      };
    return { note, write };
  }

  function contextOf(
    request: FastifyRequest,
    code: number,
    record: StatusCodeRecord | undefined,
    location: string | undefined,
    length: number,
  ): LiveExampleContext {
    return {
      code,
      method: request.method,
      location: location ?? defaultLocation,
      path: `${liveExamplePrefix}${code}`,
      length,
      release: options.release,
      names: record?.headers.map((header) => header.name) ?? [],
    };
  }

  /** The final answer: the code's status line, its headers, and its body unless the code forbids one. */
  function final(
    request: FastifyRequest,
    reply: FastifyReply,
    code: number,
    location: string | undefined,
    note: string | null,
  ): void {
    const informational = code < 200;
    const record = catalogue.byCode.get(code);
    const status = informational ? 200 : code;
    const bodyAllowed = informational || (record?.bodyAllowed ?? true);
    const content = bodyAllowed
      ? bodyOf(
          documentOf(code, record, note, graphqlLinkOf(code, options.trustedDocumentsOnly)),
          wantsText(request.headers.accept),
        )
      : null;
    const context = contextOf(request, code, record, location, content?.body.length ?? 0);
    const headers: Record<string, string> = {};
    for (const [name, value] of informational ? [] : catalogueHeaders(record, context))
      headers[name.toLowerCase()] = value;
    // Draining, or a body left unread (request-target.ts), has this answer close the connection: keep that.
    if (headers['connection'] && reply.getHeader('connection') === 'close' && !headers['connection'].includes('close'))
      headers['connection'] += ', close';
    headers['statusql-example'] = String(code);
    headers['vary'] = reply.hasHeader('vary') ? `${String(reply.getHeader('vary'))}, Accept` : 'Accept';
    if (content) headers['content-type'] = content.type;
    reply.raw.statusMessage = informational ? ok.phrase : (record?.phrase ?? '');
    reply.code(status).headers(headers);
    void reply.send(content?.body);
  }

  app.route({
    // Every method Node parses but CONNECT (node-server.ts's).
    method: METHODS.filter((method) => method !== 'CONNECT'),
    url: `${liveExamplePrefix}*`,
    exposeHeadRoute: false,
    // The CORS plugin adds a preflight's headers and lets the request through: a preflight gets
    // an empty 204, any other OPTIONS answers as the code like every method.
    config: { label: 'status', cors: { preflightContinue: true } },
    schema: { querystring },
    schemaErrorFormatter: queryProblem(options.maxSleepMs),
    handler(request, reply) {
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined)
        return reply.code(204).header('content-length', '0').send();
      const url = request.url;
      const query = url.indexOf('?');
      const codes = parseCodes(url.slice(liveExamplePrefix.length, query === -1 ? undefined : query));
      if ('message' in codes) throw new HttpProblem(400, 'BAD_REQUEST', codes.message);
      const { sleep: sleepText, location } = request.query as { sleep?: string; location?: string };
      const asked = sleepText === undefined ? 0 : Number(sleepText);
      if (asked > options.maxSleepMs) throw new HttpProblem(400, 'BAD_REQUEST', badSleep(options.maxSleepMs).message);
      if (location !== undefined && !isLocalPath(location))
        throw new HttpProblem(400, 'BAD_REQUEST', badLocation.message);
      const sleepMs = options.draining() ? 0 : asked;
      if (
        sleepMs > 0 &&
        (sleepers.size >= options.maxSleeping || (sleepingOn.get(request.raw.socket) ?? 0) >= sleepingPerConnection)
      ) {
        throw new HttpProblem(
          503,
          'TOO_MANY_SLEEPING',
          `Service Unavailable: ${options.maxSleeping} delayed answers are waiting already, or ${sleepingPerConnection} on this connection, the most this server keeps; try again shortly, or without sleep.`,
          { 'retry-after': '1' },
        );
      }
      const code = pickCode(codes);
      const record = catalogue.byCode.get(code);
      const interim =
        code < 200 ? interimOf(request, reply, code, record, contextOf(request, code, record, location, 0)) : null;
      const answer = () =>
        sleep(reply.raw, sleepMs, () => {
          if (!closesWithoutAnswer.has(code)) return final(request, reply, code, location, interim?.note ?? null);
          // Nothing is answered, so fastify logs and measures nothing either.
          reply.raw.destroy();
        });
      // The interim response, then the final one, once this is the socket's current response: a
      // final answer written before then would be queued ahead of the interim one.
      const write = interim?.write;
      if (write) whenCurrent(reply.raw, () => (write(), answer()));
      else answer();
      return reply;
    },
  });

  return {
    wakeAll() {
      for (const wake of [...sleepers]) wake();
    },
    get sleeping() {
      return sleepers.size;
    },
  };
}
