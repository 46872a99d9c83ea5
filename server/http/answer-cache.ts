import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import type { Answer } from './answer.js';
import { answerHeaders } from './request.js';

/** Whole answers by request, least recently used first out, bounded in bytes. */
export type AnswerCache = LRUCache<string, Answer>;

/** Bytes an entry holds besides its key and body: the header names and values, roughly. */
const headerBytes = (answer: Answer) => Object.entries(answer.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);

/** An answer cache of at most `maxBytes` (keys count: a key holds the request's body). */
export function createAnswerCache(maxBytes: number): AnswerCache {
  return new LRUCache<string, Answer>({
    maxSize: maxBytes,
    sizeCalculation: (answer, key) => 2 * key.length + answer.body.length + headerBytes(answer) + 64,
  });
}

/**
 * The key of a request: exactly what yoga is given (method, target, the {@link answerHeaders} and the
 * body), so an answer is only ever replayed to a request it was computed from. Header values and
 * targets hold no line breaks (Node refuses them), and the body comes last, so keys are unambiguous.
 */
export function answerKey(method: string, target: string, headers: IncomingHttpHeaders, body: Buffer | null): string {
  let key = `${method} ${target}`;
  for (const name of answerHeaders) key += `\n${headers[name] ?? ''}`;
  return body ? `${key}\n${body.toString('latin1')}` : key;
}
