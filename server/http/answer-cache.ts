import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Answer } from './answer.js';
import { answerHeaders } from './request.js';

/** Whole answers by request, least recently used first out, bounded in bytes. */
export type AnswerCache = LRUCache<string, Answer>;

/** Bytes an entry holds besides its key and body: the header names and values, roughly. */
const headerBytes = (answer: Answer) =>
  Object.entries(answer.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);

/** An answer cache of at most `maxBytes`. */
export function createAnswerCache(maxBytes: number): AnswerCache {
  return new LRUCache<string, Answer>({
    maxSize: maxBytes,
    sizeCalculation: (answer, key) => key.length + answer.body.length + headerBytes(answer) + 64,
  });
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
