import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger.js';
import { release } from '../server/release.js';
import { Main, startServer, type LogLine, type TestServer } from './helpers.js';

describe('/health and /ready', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  const identity = { version: release.version, catalogue: release.catalogue };

  it('reports liveness as JSON', async () => {
    const response = await fetch(`${server.origin}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ status: 'ok', ...identity, uptimeSeconds: expect.any(Number) });
  });

  it('reports readiness as JSON, and 503 while draining', async () => {
    const ready = await fetch(`${server.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', ...identity });
    const draining = await startServer({}, { isReady: () => false });
    try {
      const response = await fetch(`${draining.origin}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'draining', ...identity });
    } finally {
      await draining.close();
    }
  });

  it.each(['/graphql?query=%7B__typename%7D&x=/health', '/graphql?query=%7B__typename%7D&x=/ready'])(
    'answers %s as GraphQL: only the exact paths are probes',
    async (path) => {
      const response = await fetch(`${server.origin}${path}`);
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    },
  );

  it.each(['/nowhere', '/health/', '/ready.json'])('answers %s with a JSON 404', async (path) => {
    const response = await fetch(`${server.origin}${path}`);
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('the access log', () => {
  it('writes one JSON line per request at info level, without the query string', async () => {
    const lines: LogLine[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = createLogger('info', sink);
    const server = await startServer({ LOG_LEVEL: 'info' }, { logger });
    try {
      const { port } = server;
      const response = await fetch(
        `http://127.0.0.1:${port}/graphql?query=${encodeURIComponent('{ statusCode(code: 404) { code } }')}`,
      );
      expect(response.status).toBe(200);
      await response.text();
      // The page's path as the client asked for it, not the file that answered (index.html).
      await (await fetch(`http://127.0.0.1:${port}/404?q=x`)).text();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines).toEqual([
        expect.objectContaining({
          level: 30,
          msg: 'request',
          method: 'GET',
          path: '/graphql',
          status: 200,
          ms: expect.any(Number),
          bytes: 36,
        }),
        expect.objectContaining({ msg: 'request', method: 'GET', path: '/404', status: 200 }),
      ]);
    } finally {
      await server.close();
    }
  });
});

const started: Main[] = [];
const main = (env: Record<string, string> = {}) => {
  const process = new Main(env);
  started.push(process);
  return process;
};
afterEach(() => {
  for (const process of started.splice(0)) if (process.child.exitCode === null) process.child.kill('SIGKILL');
});

/** Opens a POST and sends part of its body; `finish()` sends the rest. `answer` is the response. */
function halfSentRequest(port: number) {
  const body = JSON.stringify({ query: '{ statusCode(code: 503) { phrase } }' });
  let finish = () => {};
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': body.length };
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    finish = () => req.end(body.slice(10));
  });
  return { answer, finish: () => finish() };
}

/** A GET on a connection of its own, resolving with the status. */
function getOnNewConnection(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * `clients` keep-alive clients sending GETs back to back until the server goes away. A request
 * is lost when it was sent on a reused keep-alive connection and got no answer (ECONNRESET, socket
 * hang up): the defect draining must not have. A new connection that is refused after the server
 * stopped listening is not a lost request; one that is reset counts apart (`resetNew`).
 */
function keepAliveLoad(port: number, clients: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const tally = { answered: 0, closeHeaders: 0, lost: [] as string[], refused: 0, resetNew: 0 };
  const path = `/graphql?query=${encodeURIComponent('{ statusCode(code: 200) { phrase } }')}`;
  const once = () =>
    new Promise<boolean>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          tally.answered++;
          if (res.headers.connection === 'close') tally.closeHeaders++;
          resolve(true);
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (req.reusedSocket) tally.lost.push(error.code ?? error.message);
        else if (error.code === 'ECONNREFUSED') tally.refused++;
        else tally.resetNew++;
        resolve(false);
      });
      req.end();
    });
  const loops = Array.from({ length: clients }, async () => {
    while (await once());
  });
  return { tally, done: Promise.all(loops).then(() => agent.destroy()) };
}

describe('dist/main.js, as npm start runs it', () => {
  it('buffers its access log, and writes every line before it exits on SIGTERM', async () => {
    // No grace period: the process exits within a few milliseconds of its last lines.
    const server = main({ SHUTDOWN_TIMEOUT_MS: '0' });
    const port = await server.port();
    const count = 10;
    for (let index = 0; index < count; index++) await (await fetch(`http://127.0.0.1:${port}/health`)).text();
    // At once: the lines are still in the buffer, which is written every 250 ms or at 4 KB.
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.lines.filter((line) => line.msg === 'request' && line.path === '/health')).toHaveLength(count);
    expect(server.lines.at(-1)?.msg).toBe('stopped');
  }, 30_000);

  it('serves, then on SIGTERM finishes the request in flight and exits 0', async () => {
    const server = main();
    const port = await server.port();
    const lookup = await fetch(
      `http://127.0.0.1:${port}/graphql?query=${encodeURIComponent('{ statusCode(code: 200) { phrase } }')}`,
    );
    expect(lookup.status).toBe(200);
    expect(await lookup.json()).toEqual({ data: { statusCode: { phrase: 'OK' } } });

    const inFlight = halfSentRequest(port);
    await server.waitFor((line) => line.msg === 'request' && line.path === '/graphql');
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill('SIGTERM');
    await server.waitFor((line) => line.msg === 'draining: finishing in-flight requests');
    // A keep-alive connection that brings a request while draining is answered and told to close;
    // a new connection is refused.
    const reused = await fetch(`http://127.0.0.1:${port}/health`);
    expect(reused.status).toBe(200);
    expect(reused.headers.get('connection')).toBe('close');
    await expect(getOnNewConnection(port, '/health')).rejects.toThrow(/ECONNREFUSED/);
    inFlight.finish();

    expect(await inFlight.answer).toEqual({
      status: 200,
      body: '{"data":{"statusCode":{"phrase":"Service Unavailable"}}}',
    });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.lines.at(-1)?.msg).toBe('stopped');
  }, 30_000);

  it.each(['1', '2'])(
    'loses no request to SIGTERM under keep-alive load (WORKERS=%s)',
    async (workers) => {
      const server = main({ WORKERS: workers });
      const port = await server.port();
      if (workers === '2')
        await server.waitFor(
          () => server.lines.filter((line) => line.msg.startsWith('StatusQL: GraphiQL at')).length === 2,
        );
      const load = keepAliveLoad(port, 16);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const before = load.tally.answered;
      server.child.kill('SIGTERM');
      await load.done;
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(before).toBeGreaterThan(100);
      expect(load.tally.lost).toEqual([]);
      // Every client was told to close rather than finding its connection gone.
      expect(load.tally.closeHeaders).toBeGreaterThanOrEqual(16);
      // One process stops listening before anything else: a new connection is refused, never reset.
      // With workers, node:cluster's primary accepts connections until its last worker has closed,
      // and resets those it accepted in that last instant (docs/operations.md, "Draining").
      if (workers === '1') expect(load.tally).toMatchObject({ refused: 16, resetNew: 0 });
      else expect(load.tally.refused + load.tally.resetNew).toBe(16);
    },
    30_000,
  );

  it('closes a request that outlives SHUTDOWN_TIMEOUT_MS and still exits', async () => {
    const server = main({ SHUTDOWN_TIMEOUT_MS: '300' });
    const port = await server.port();
    const stuck = halfSentRequest(port);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await expect(stuck.answer).rejects.toThrow();
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(3000);
    expect(server.lines.map((line) => line.msg)).toContain(
      'in-flight requests outlived the shutdown timeout; closing their connections',
    );
  }, 30_000);

  it.each([
    ['PORT', 'abc', 'PORT="abc": expected a whole number from 0 to 65535'],
    [
      'LOG_LEVEL',
      'loud',
      'LOG_LEVEL="loud": Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
    ],
  ])(
    'refuses to start with a bad %s, naming it',
    async (name, value, message) => {
      const server = main({ [name]: value });
      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect(server.stderr).toBe(`Invalid configuration. ${message}\n`);
    },
    30_000,
  );

  it('knows a query registered through one worker in every worker, and in one started later (WORKERS=2)', async () => {
    const server = main({ WORKERS: '2' });
    const port = await server.port();
    await server.waitFor(
      () => server.lines.filter((line) => line.msg.startsWith('StatusQL: GraphiQL at')).length === 2,
    );
    const query = '{ statusCode(code: 409) { phrase } }';
    const hash = createHash('sha256').update(query).digest('hex');
    const registered = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    expect(registered.status).toBe(200);
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    // A new connection each time: node:cluster's primary hands them to the workers in turn.
    const hashOnly = () => getOnNewConnection(port, `/graphql?extensions=${extensions}`);
    const statuses = [];
    for (let index = 0; index < 20; index++) statuses.push(await hashOnly());
    expect(statuses).toEqual(Array(20).fill(200));

    // A worker started after the registration learns it from the primary.
    const [first] = server.lines.filter((line) => line.msg === 'worker started').map((line) => line.worker as number);
    process.kill(first!, 'SIGKILL');
    await server.waitFor(
      () => server.lines.filter((line) => line.msg.startsWith('StatusQL: GraphiQL at')).length === 3,
    );
    const later = [];
    for (let index = 0; index < 10; index++) later.push(await hashOnly());
    expect(later).toEqual(Array(10).fill(200));
  }, 30_000);

  it('runs WORKERS processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    const server = main({ WORKERS: '2' });
    const port = await server.port();
    const workers = async () => {
      await server.waitFor(() => server.lines.filter((entry) => entry.msg === 'worker started').length >= 2);
      return server.lines.filter((line) => line.msg === 'worker started').map((line) => line.worker as number);
    };
    const [first, second] = await workers();
    expect(first).not.toBe(second);
    await server.waitFor(
      () => server.lines.filter((line) => line.msg.startsWith('StatusQL: GraphiQL at')).length === 2,
    );

    process.kill(first!, 'SIGKILL');
    await server.waitFor((line) => line.msg === 'worker died; starting another' && line.worker === first);
    await server.waitFor(() => server.lines.filter((line) => line.msg === 'worker started').length === 3);
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await fetch(`http://127.0.0.1:${port}/ready`);
      expect(response.status).toBe(200);
    }

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.lines.at(-1)?.msg).toBe('all workers stopped');
    const survivors = server.lines.filter((line) => line.msg === 'worker started').map((line) => line.worker as number);
    for (const pid of survivors) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
