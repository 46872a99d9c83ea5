import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The content codings an answer is kept in besides its body. */
export type Coding = 'br' | 'gzip';

/** A whole answer, as yoga made it and the answer cache keeps it. */
export interface Answer {
  status: number;
  /** Lower-case names; never hop-by-hop headers or Content-Length, which fastify writes. */
  headers: Readonly<Record<string, string>>;
  body: Buffer;
  /**
   * The body compressed, each coding made the first time the answer is repeated to a client that
   * takes it: an answer asked for once (most heavy ones are) costs no compression for the cache.
   */
  encoded?: Readonly<Partial<Record<Coding, Buffer>>>;
}

/** Below this many bytes a body goes out as it is, as @fastify/compress's threshold says. */
export const compressFrom = 1024;

/** Headers that describe one transfer rather than the answer (RFC 9110 §7.6.1), and Node's own. */
const transferHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'upgrade']);

/** A Fetch API response read whole into an {@link Answer}. */
export async function answerOf(response: Response): Promise<Answer> {
  const headers: Record<string, string> = {};
  // Yoga's Headers keep the case a name was set in; an answer's are lower-case, as Node's are.
  response.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (!transferHeaders.has(lower)) headers[lower] = value;
  });
  // text(): yoga's bodies are strings, which the Fetch ponyfill hands back as they are.
  return { status: response.status, headers, body: Buffer.from(await response.text(), 'utf8') };
}

/**
 * A strong entity-tag for an answer: the release (so a new catalogue never matches an old tag) and
 * a hash of its content type and body.
 */
export function entityTag(release: string, contentType: string, body: Buffer | string): string {
  const digest = createHash('sha256').update(contentType).update('\n').update(body).digest('base64url').slice(0, 22);
  return `"${release}-${digest}"`;
}

/**
 * The answer as the cache keeps it: one long enough to be compressed varies by Accept-Encoding
 * too, spelled as @fastify/compress spells it, which adds it again unless it finds it so.
 */
export function storable(answer: Answer): Answer {
  if (answer.body.length < compressFrom) return answer;
  return { ...answer, headers: { ...answer.headers, vary: `${answer.headers['vary'] ?? 'Accept'}, accept-encoding` } };
}

/**
 * The answer with its body in `coding` too, made once (brotli at quality 5, as a CDN's dynamic
 * setting; gzip at 6): a repeated answer then costs no compression.
 */
export function withEncoding(answer: Answer, coding: Coding): Answer {
  const encoded =
    coding === 'br'
      ? brotliCompressSync(answer.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipSync(answer.body);
  return { ...answer, encoded: { ...answer.encoded, [coding]: encoded } };
}

const encodings = new Negotiator({ supportedValues: ['br', 'gzip', 'identity'] });

/** The coding a client prefers for an answer, when the answer is long enough to be compressed; null for the body as it is. */
export function codingFor(request: FastifyRequest, answer: Answer): Coding | null {
  const accepted = answer.body.length >= compressFrom ? request.headers['accept-encoding'] : undefined;
  const coding = accepted ? encodings.negotiate(accepted) : null;
  return coding === 'br' || coding === 'gzip' ? coding : null;
}

/**
 * Sends an answer, in `coding` when it holds that form; otherwise as it is, which @fastify/compress
 * then compresses for this client alone. 304s are the response rules' (response-rules.ts).
 */
export function sendAnswer(reply: FastifyReply, answer: Answer, coding: Coding | null = null): FastifyReply {
  // A Vary an earlier hook set (CORS with an allow-list: Origin) is kept beside the answer's own.
  const vary = reply.getHeader('vary');
  reply.code(answer.status).headers(answer.headers);
  if (vary !== undefined && answer.headers['vary'] !== undefined)
    reply.header('vary', `${String(vary)}, ${answer.headers['vary']}`);
  const encoded = coding && answer.encoded?.[coding];
  return encoded ? reply.header('content-encoding', coding).send(encoded) : reply.send(answer.body);
}
