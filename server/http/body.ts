import type { IncomingMessage } from 'node:http';

/** Why a body was refused, as the status and error code of the answer. */
export interface BodyProblem {
  status: 413 | 415;
  code: string;
  message: string;
  /** 413 leaves the rest of the body unread on the socket: the connection must close. */
  close: boolean;
}

const tooLarge = (maxBytes: number): BodyProblem => ({
  status: 413,
  code: 'REQUEST_ENTITY_TOO_LARGE',
  message: `Request Entity Too Large: the body may be at most ${maxBytes} bytes.`,
  close: true,
});

/**
 * Reads a request body of at most `maxBytes`, by its Content-Length before a byte is read, or
 * counted while a chunked body streams in. RFC 9110 §15.5.16: a content coding this server does not
 * decode (gzip, br) is a 415; the answer's `Accept-Encoding: identity` says none is accepted.
 * Calls back once, with null when the client went away (or Node's request timeout ended the
 * request). A callback, not a promise: a repeated POST is answered without a microtask in between.
 */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
  done: (body: Buffer | BodyProblem | null) => void,
): void {
  const coding = req.headers['content-encoding'];
  if (coding !== undefined && coding.trim().toLowerCase() !== 'identity') {
    return done({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Unsupported Media Type: request bodies are read without a content coding; send them uncompressed.',
      close: true,
    });
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return done(tooLarge(maxBytes));
  const chunks: Buffer[] = [];
  let length = 0;
  let called = false;
  const finish = (body: Buffer | BodyProblem | null) => {
    if (called) return;
    called = true;
    done(body);
  };
  req.on('data', (chunk: Buffer) => {
    length += chunk.length;
    if (length > maxBytes) {
      req.removeAllListeners('data');
      req.pause();
      finish(tooLarge(maxBytes));
    } else chunks.push(chunk);
  });
  req.on('end', () => finish(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
  req.on('error', () => finish(null));
  req.on('aborted', () => finish(null));
}
