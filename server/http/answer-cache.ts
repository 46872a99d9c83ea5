import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { codingFor, sendAnswer, withEncoding, type Answer } from './answer.js';

/** Whole answers by request, least recently used first out, bounded in bytes. */
export type AnswerCache = LRUCache<string, Answer>;

/** Bytes an entry holds besides its key and bodies: the header names and values, roughly. */
const headerBytes = (answer: Answer) =>
  Object.entries(answer.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);

/**
 * An answer cache of at most `maxBytes`, its compressed forms counted. No answer may take more than
 * a sixteenth of it: a few requests with large answers are answered, not kept, so they cannot flush
 * the hot entries out.
 */
export function createAnswerCache(maxBytes: number): AnswerCache {
  return new LRUCache<string, Answer>({
    maxSize: maxBytes,
    maxEntrySize: Math.floor(maxBytes / 16),
    sizeCalculation: (answer, key) =>
      key.length +
      answer.body.length +
      (answer.encoded?.br?.length ?? 0) +
      (answer.encoded?.gzip?.length ?? 0) +
      headerBytes(answer) +
      64,
  });
}

/**
 * The request headers yoga is given; it sees no other. Each can change an answer, so together with
 * the method, the request target and the body they are exactly the answer cache's key.
 */
export const answerHeaders = [
  'accept',
  'content-type',
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
] as const;

/** The {@link answerHeaders} a request carries: all that yoga, and the answer cache's key, see of it. */
export function givenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const given: Record<string, string> = {};
  for (const name of answerHeaders) {
    const value = headers[name];
    if (typeof value === 'string') given[name] = value;
  }
  // Media types are case-insensitive (RFC 9110 §8.3.1); yoga compares them in lower case.
  if (given['content-type'] !== undefined) given['content-type'] = given['content-type'].toLowerCase();
  if (given['accept'] !== undefined) given['accept'] = given['accept'].toLowerCase();
  return given;
}

/** Keys longer than this are kept as their SHA-256 digest, so a 100 kB body costs 44 bytes of key. */
const longestPlainKey = 512;

/**
 * The key of a request: exactly what yoga is given (method, target, the {@link givenHeaders} and
 * the body), so an answer is only ever replayed to a request it was computed from; as it is when
 * short (the common case, and cheaper than hashing), else as a digest of it. Header values and
 * targets hold no line breaks (Node refuses them) and the body comes last, so the text is
 * unambiguous; a digest starts with `#`, which no plain key (a method) does.
 */
export function answerKey(
  method: string,
  target: string,
  headers: Readonly<Record<string, string>>,
  body: Buffer | null,
): string {
  let key = `${method} ${target}`;
  // A header sent empty and one not sent are not the same request: `=` marks one that was sent.
  for (const name of answerHeaders) key += headers[name] === undefined ? '\n' : `\n=${headers[name]}`;
  if (body === null) return key.length > longestPlainKey ? digest(key) : key;
  if (key.length + body.length <= longestPlainKey) return `${key}\n${body.toString('latin1')}`;
  return digest(key, body);
}

function digest(head: string, body?: Buffer): string {
  const hash = createHash('sha256').update(head);
  if (body) hash.update('\n').update(body);
  return `#${hash.digest('base64url')}`;
}

/** What yoga is to be given for a GraphQL request, and the key of its answer. */
export interface GraphQLAsk {
  /** GET for HEAD: a HEAD is answered as its GET, without the body. */
  method: string;
  target: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** The answer cache's key; empty when the answer is not to be stored (no cache, or another method). */
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the answer cache's hook for a GraphQL request that was not a hit. */
    graphqlAsk: GraphQLAsk | null;
  }
}

/**
 * The answer cache as the GraphQL route's preHandler hook: it reads the request into a
 * {@link GraphQLAsk} and answers a hit without reaching yoga; a miss goes on to the handler with
 * the ask, whose successful answer the handler stores. `lookups` counts hits and misses.
 */
export function answerCacheHook(
  answers: AnswerCache | null,
  lookups?: { hit: { inc(): void }; miss: { inc(): void } },
) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const headers = givenHeaders(request.headers);
    const body = method === 'POST' ? ((request.body as Buffer | undefined) ?? null) : null;
    const cached = answers !== null && (method === 'GET' || method === 'POST');
    const key = cached ? answerKey(method, request.url, headers, body) : '';
    const stored = cached ? answers.get(key) : undefined;
    if (cached && lookups) (stored ? lookups.hit : lookups.miss).inc();
    if (stored) {
      const coding = codingFor(request, stored);
      if (!coding || stored.encoded?.[coding]) return void sendAnswer(reply, stored, coding);
      // Repeated to a client that takes this coding: made now, once, and kept.
      const encoded = withEncoding(stored, coding);
      answers!.set(key, encoded);
      return void sendAnswer(reply, encoded, coding);
    }
    request.graphqlAsk = { method, target: request.url, headers, body, key };
    done();
  };
}
