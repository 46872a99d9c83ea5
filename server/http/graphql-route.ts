import { METHODS } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { Logger } from 'pino';
import { createGraphiQLRenderer } from '../yoga/graphiql-page.js';
import { graphiqlDefaultQuery } from '../yoga/graphiql-query.js';
import type { AnswerOutcome } from '../yoga/use-answer-outcome.js';
import { graphqlEndpoint, type StatusqlYoga } from '../yoga/yoga.js';
import { answerOf, entityTag, sendAnswer, storable, type Answer } from './answer.js';
import { answerCacheHook, type AnswerCache, type GraphQLAsk } from './answer-cache.js';
import { codeOfStatus, errorBody, HttpProblem } from './errors.js';
import { graphiqlPageHeaders } from './web-page.js';

/** What the GraphQL route needs. */
export interface GraphQLRouteOptions {
  yoga: StatusqlYoga;
  answers: AnswerCache | null;
  lookups?: Parameters<typeof answerCacheHook>[1];
  /** GraphiQL is offered: introspection is on and query text may run (TRUSTED_DOCUMENTS is not `only`). */
  graphiql: boolean;
  /** `Cache-Control` of a successful GET (`public, max-age=CACHE_MAX_AGE`). */
  cacheControl: string;
  /** The release, the start of every ETag. */
  release: string;
  logger: Logger;
}

/**
 * The request yoga is given: not the socket's IncomingMessage, but an object holding exactly the
 * answer cache's key, on one fixed Host so that an answer never depends on the Host a client sent.
 * A JSON body that parses to an object is handed over parsed, as yoga's Node adapter takes a
 * body-parser's result. Any other body is a stream of its bytes, which yoga reads and judges
 * itself: the adapter counts the keys of a Buffer or string it is handed, which for 90 kB is
 * 90,000 keys.
 */
function nodeRequestOf({ method, target, headers, body }: GraphQLAsk) {
  const request = { method, url: target, headers: { ...headers, host: 'statusql' } };
  if (method === 'GET') return request;
  const parsed = body !== null && headers['content-type']?.includes('json') ? parsedObject(body) : undefined;
  if (parsed !== undefined) return { ...request, body: parsed };
  return Object.assign(request, { [Symbol.asyncIterator]: () => (body === null ? [] : [body]).values() });
}

/** A JSON body's value when it is an object with at least one key (the adapter's test), else undefined. */
function parsedObject(body: Buffer): object | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && Object.keys(value).length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body parser of the GraphQL route: the body read whole within MAX_BODY_BYTES (fastify's
 * bodyLimit), as sent, for yoga to judge its media type and the answer cache to key on its bytes.
 * RFC 9110 §15.5.16: a body in a content coding this server does not decode (gzip, br) is a 415,
 * whose `Accept-Encoding: identity` says none is accepted; the unread body closes the connection.
 */
export function readGraphQLBody(app: FastifyInstance): void {
  const read = (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => {
    const coding = request.headers['content-encoding'];
    if (coding === undefined || coding.trim().toLowerCase() === 'identity') return done(null, body);
    done(
      new HttpProblem(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Unsupported Media Type: request bodies are read without a content coding; send them uncompressed.',
        { 'accept-encoding': 'identity', connection: 'close' },
      ),
    );
  };
  app.removeAllContentTypeParsers();
  // JSON by name as well: fastify remembers the parser of a named type, but looks the catch-all up afresh each time.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, read);
  app.addContentTypeParser('*', { parseAs: 'buffer' }, read);
}

/** What a bare 4xx from yoga means, in words. */
const bareErrors: Record<number, string> = {
  405: 'Method Not Allowed: /graphql answers GET and POST.',
  406: 'Not Acceptable: /graphql answers application/graphql-response+json, application/json, text/event-stream or multipart/mixed (or text/html for GraphiQL).',
};

/** The media types a GET may be answered in, GraphiQL's page last, so `*\/*` gets JSON. */
const answerTypes = ['application/graphql-response+json', 'application/json', 'text/html'];

/** Whether a GET asks for GraphiQL: text/html is what it prefers, by q-value (RFC 9110 §12.5.1; `q=0` is "not this"). */
const prefersHtml = (accept: string | undefined) =>
  accept !== undefined &&
  accept.includes('text/html') &&
  new Negotiator({ headers: { accept } }).mediaType(answerTypes) === 'text/html';

/**
 * `/graphql`: GET, HEAD and POST (yoga's fastify integration), and other methods so that yoga says
 * which it answers. The answer cache's hook answers repeated requests; otherwise yoga is asked,
 * and its answer gets the endpoint's caching headers: `public, max-age` and an ETag for a GET
 * whose result has no errors, `no-store` for anything else. A successful GET or POST is stored.
 * A GET preferring text/html gets GraphiQL's page, when it is offered.
 */
export function graphqlRoute(app: FastifyInstance, options: GraphQLRouteOptions): void {
  const { yoga, answers, release, logger } = options;
  const renderGraphiQL = createGraphiQLRenderer(graphqlEndpoint);
  const graphiqlPage = () => {
    const html = renderGraphiQL({ title: 'StatusQL', defaultQuery: graphiqlDefaultQuery });
    return { html, etag: entityTag(release, 'text/html', html) };
  };
  let page: ReturnType<typeof graphiqlPage> | undefined;

  /** A 4xx yoga answered without a body, or a 5xx, as a JSON error; the headers that explain it (Allow) stay. */
  function asJsonError(answer: Answer): Answer {
    const status = answer.status >= 500 ? 500 : answer.status;
    if (status === 500) logger.error({ status: answer.status }, 'unexpected error answer from yoga, masked');
    const kept = Object.entries(answer.headers).filter(([name]) => status < 500 && name === 'allow');
    const message = status === 500 ? 'Unexpected error.' : (bareErrors[status] ?? `${codeOfStatus(status)}.`);
    return {
      status,
      headers: { ...Object.fromEntries(kept), 'content-type': 'application/json; charset=utf-8' },
      body: Buffer.from(errorBody(message, status === 500 ? 'INTERNAL_SERVER_ERROR' : codeOfStatus(status))),
    };
  }

  async function answerGraphQL(request: FastifyRequest, reply: FastifyReply) {
    const ask = request.graphqlAsk!;
    if (ask.method === 'GET' && options.graphiql && prefersHtml(request.headers.accept)) {
      page ??= graphiqlPage();
      return reply
        .headers({
          ...graphiqlPageHeaders,
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-cache',
          etag: page.etag,
          vary: 'Accept',
        })
        .send(page.html);
    }
    const outcome: AnswerOutcome = { succeeded: false };
    const answer = await answerOf(
      await yoga.handleNodeRequestAndResponse(nodeRequestOf(ask), reply.raw, {
        outcome,
        localPort: request.socket.localPort,
      }),
    );
    if (answer.status >= 400 && !answer.headers['content-type']?.includes('json'))
      return sendAnswer(reply, asJsonError(answer));
    const succeeded = answer.status === 200 && outcome.succeeded;
    const cacheable = succeeded && ask.method === 'GET';
    const headers: Record<string, string> = {
      ...answer.headers,
      vary: 'Accept',
      'cache-control': cacheable ? options.cacheControl : 'no-store',
    };
    if (cacheable) headers['etag'] = entityTag(release, headers['content-type'] ?? '', answer.body);
    const complete = { ...answer, headers };
    // Sent as it is, which @fastify/compress compresses for this client; the cache keeps it
    // uncompressed until it is repeated (answer-cache.ts). One it would not keep (more than a
    // sixteenth of it) is not stored.
    if (!succeeded || ask.key === '' || !answers || answer.body.length > answers.maxEntrySize)
      return sendAnswer(reply, complete);
    const stored = storable(complete);
    answers.set(ask.key, stored);
    return sendAnswer(reply, stored);
  }

  app.route({
    url: graphqlEndpoint,
    // Every method but CONNECT (node-server.ts's) and OPTIONS (CORS's): yoga says which it answers.
    method: METHODS.filter((method) => method !== 'CONNECT' && method !== 'OPTIONS'),
    config: { label: 'graphql', readsBody: true },
    preHandler: answerCacheHook(answers, options.lookups),
    handler: answerGraphQL,
  });
}
