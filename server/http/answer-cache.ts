import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Answer } from './answer.js';
import { answerHeaders } from './request.js';

/** Whole answers by request, least recently used first out, bounded in bytes. */
export type AnswerCache = LRUCache<string, Answer>;

/** Bytes an entry holds besides its key and body: the header names and values, roughly. */
const headerBytes = (answer: Answer) => Object.entries(answer.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);

/** An answer cache of at most `maxBytes`. */
export function createAnswerCache(maxBytes: number): AnswerCache {
  return new LRUCache<string, Answer>({
    maxSize: maxBytes,
    sizeCalculation: (answer, key) => key.length + answer.body.length + headerBytes(answer) + 64,
  });
}

/**
 * The key of a request: a SHA-256 digest of exactly what yoga is given (method, target, the
 * {@link givenHeaders} and the body), so an answer is only ever replayed to a request it was
 * computed from, and a 100 kB body costs the cache 43 bytes of key. Header values and targets hold
 * no line breaks (Node refuses them), and the body comes last, so the hashed text is unambiguous.
 */
export function answerKey(method: string, target: string, headers: Readonly<Record<string, string>>, body: Buffer | null): string {
  let head = `${method} ${target}`;
  // A header sent empty and one not sent are not the same request: `=` marks one that was sent.
  for (const name of answerHeaders) head += headers[name] === undefined ? '\n' : `\n=${headers[name]}`;
  const hash = createHash('sha256').update(head);
  if (body) hash.update('\n').update(body);
  return hash.digest('base64url');
}
