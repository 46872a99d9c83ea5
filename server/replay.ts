import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { ReplayCache, StoredResponse } from './replay-cache.js';
import { ifNoneMatch } from './use-http-caching.js';

/** The yoga app as a Node request listener. */
type NodeListener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Request headers that can change an answer; they are part of the replay key. */
const keyHeaders = ['accept', 'origin', 'content-type'] as const;

/** Headers Node writes itself, or that describe one transfer rather than the answer. */
const hopHeaders = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

const replayKeys = new WeakMap<IncomingMessage, string>();

function replayKey(req: IncomingMessage, body: Buffer | null): string {
  const headers = keyHeaders.map((name) => req.headers[name] ?? '').join('\n');
  return `${req.method} ${req.url}\n${headers}\n${body?.toString('utf8') ?? ''}`;
}

function replay(req: IncomingMessage, res: ServerResponse, stored: StoredResponse): void {
  if (req.method === 'GET' && stored.etag !== null && ifNoneMatch(req.headers['if-none-match'], stored.etag)) {
    res.writeHead(304, stored.notModifiedHeaders as string[]).end();
  } else {
    res.writeHead(stored.status, stored.headers as string[]).end(stored.body);
  }
}

/** Calls back with the whole body; Node frames it by Content-Length, so it is never longer than declared. */
function readBody(req: IncomingMessage, done: (body: Buffer) => void, failed: () => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
  req.on('error', failed);
}

/**
 * A JSON body as yoga's node adapter takes it ready-made: a parsed object spares it the Fetch-API
 * body stream (and the size-limit stream piped onto it, which yoga skips for a request without one).
 * Anything else stays raw bytes for yoga to read and reject as it always does.
 */
function preparedBody(req: IncomingMessage, body: Buffer): unknown {
  if (!req.headers['content-type']?.includes('json')) return body;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    // The adapter treats an object without keys as "no body given" and would read the spent stream.
    return typeof parsed === 'object' && parsed !== null && Object.keys(parsed).length > 0 ? parsed : body;
  } catch {
    return body;
  }
}

/**
 * The app's Node request listener. A repeated request is answered from the bytes stored the first
 * time (when `cache` is given), without building Fetch-API Request and Response objects; a POST
 * body of a declared, allowed length is read here and handed to yoga as `req.body`. Everything
 * else, chunked or oversized bodies included, goes to yoga untouched.
 */
export function statusqlListener(yoga: NodeListener, cache: ReplayCache | null, path: string, maxBodyBytes: number): NodeListener {
  return (req, res) => {
    const onPath = req.url === path || req.url?.startsWith(`${path}?`);
    if (!onPath || (req.method !== 'GET' && req.method !== 'POST')) return yoga(req, res);
    if (req.method === 'GET') {
      if (!cache) return yoga(req, res);
      const key = replayKey(req, null);
      const stored = cache.get(key);
      if (stored) return replay(req, res, stored);
      replayKeys.set(req, key);
      return yoga(req, res);
    }
    const declared = Number(req.headers['content-length']);
    if (!Number.isSafeInteger(declared) || declared === 0 || declared > maxBodyBytes) return yoga(req, res);
    readBody(
      req,
      (body) => {
        if (cache) {
          const key = replayKey(req, body);
          const stored = cache.get(key);
          if (stored) return replay(req, res, stored);
          replayKeys.set(req, key);
        }
        (req as IncomingMessage & { body?: unknown }).body = preparedBody(req, body);
        yoga(req, res);
      },
      () => res.destroy(),
    );
  };
}

/** Stores each successful, error-free answer to a request `statusqlListener` marked. */
export function useReplayCache(cache: ReplayCache): Plugin {
  return {
    async onResponse({ response, serverContext }) {
      // Yoga's node adapter puts the Node request in the server context; in-process fetches have none.
      const req = (serverContext as { req?: IncomingMessage }).req;
      const key = req && replayKeys.get(req);
      if (!key || response.status !== 200) return;
      const body = Buffer.from(await response.clone().arrayBuffer());
      if (!response.headers.get('content-type')?.includes('json')) return;
      if ((JSON.parse(body.toString('utf8')) as { errors?: unknown }).errors !== undefined) return;
      const headers: string[] = [];
      const notModifiedHeaders: string[] = [];
      response.headers.forEach((value, name) => {
        if (hopHeaders.has(name)) return;
        headers.push(name, value);
        if (!name.startsWith('content-')) notModifiedHeaders.push(name, value);
      });
      headers.push('content-length', String(body.length));
      cache.set(key, { status: response.status, headers, notModifiedHeaders, body, etag: response.headers.get('etag') });
    },
  };
}
