import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry, register } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../sdk/src/index.js';
import { createMetricsServer } from '../server/http/metrics-server.js';
import { createLogger } from '../server/logger.js';
import { createStatusqlMetrics } from '../server/metrics.js';
import { Main, startServer, type TestServer } from './helpers.js';

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** The samples of one metric in a scrape (Prometheus text format), in the order they are listed. */
function samplesOf(text: string, name: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, label, value]) => [label!, value!]),
    );
    samples.push({ labels, value: Number(match[3]) });
  }
  return samples;
}

/** The answer's `close` event, where the Node side records it, may come just after the client has read it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const graphqlGet = (url: string, query: string) =>
  fetch(`${url}?query=${encodeURIComponent(query)}`).then((response) => response.text());

const graphqlPost = (url: string, body: Record<string, unknown>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (response) => response.text(),
  );

/** A request on a connection of its own, with any method; resolves with the status. */
function send(origin: string, method: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

interface MeasuredServer extends TestServer {
  metricsUrl: string;
  /** The metrics port's text, once the answers sent so far are recorded. */
  scrape: () => Promise<string>;
}

/** A server measuring into a registry of its own, with that registry's metrics port beside it. */
async function startMeasuredServer(env: Record<string, string> = {}): Promise<MeasuredServer> {
  const registry = new Registry();
  const server = await startServer(env, { metrics: createStatusqlMetrics(registry) });
  const metricsServer = createMetricsServer(registry, createLogger('silent'), '127.0.0.1');
  await metricsServer.ready();
  await new Promise<void>((resolve) => metricsServer.server.listen(0, '127.0.0.1', resolve));
  const metricsUrl = `http://127.0.0.1:${(metricsServer.server.address() as AddressInfo).port}/metrics`;
  return {
    ...server,
    metricsUrl,
    scrape: async () => {
      await settle();
      return (await fetch(metricsUrl)).text();
    },
    close: async () => {
      metricsServer.server.closeAllConnections();
      await metricsServer.close();
      await server.close();
    },
  };
}

const servers: { close: () => Promise<void> }[] = [];
const measured = async (env: Record<string, string> = {}) => {
  const server = await startMeasuredServer(env);
  servers.push(server);
  return server;
};

const processes: Main[] = [];
const main = (env: Record<string, string> = {}) => {
  const started = new Main(env);
  processes.push(started);
  return started;
};

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const started of processes.splice(0)) if (started.child.exitCode === null) started.child.kill('SIGKILL');
});

describe('GraphQL metrics (yoga plugin)', () => {
  it('counts an SDK operation by its name: exactly 2 after two lookups', async () => {
    const server = await measured();
    const statusql = createClient({ url: server.url });
    await statusql.statusCode({ code: 404 });
    await statusql.statusCode({ code: 500 });
    const text = await server.scrape();
    const statusCode = { operationName: 'StatusCode', operationType: 'query' };
    expect(samplesOf(text, 'graphql_envelop_request')).toEqual([{ labels: statusCode, value: 2 }]);
    expect(samplesOf(text, 'graphql_envelop_request_duration_count')).toEqual([{ labels: statusCode, value: 2 }]);
    expect(samplesOf(text, 'graphql_yoga_http_duration_count')).toEqual([
      { labels: { ...statusCode, method: 'GET', statusCode: '200' }, value: 2 },
    ]);
  });

  it('labels any other operation name `other`, and an operation without one `Anonymous`', async () => {
    const server = await measured();
    await graphqlPost(server.url, { query: 'query Attack123 { statusCode(code: 200) { code } }' });
    await graphqlPost(server.url, {
      query: 'query StatusCode { a: __typename } query Attack456 { b: __typename }',
      operationName: 'Attack456',
    });
    await graphqlGet(server.url, '{ __typename }');
    await graphqlPost(server.url, { query: '{', operationName: 'Attack789' });
    const text = await server.scrape();
    expect(text).not.toContain('Attack');
    expect(samplesOf(text, 'graphql_envelop_request')).toEqual([
      { labels: { operationName: 'other', operationType: 'query' }, value: 2 },
      { labels: { operationName: 'Anonymous', operationType: 'query' }, value: 1 },
    ]);
    expect(samplesOf(text, 'graphql_envelop_error_result')).toEqual([
      { labels: { operationName: 'other', operationType: 'unknown', phase: 'parse' }, value: 1 },
    ]);
    expect(samplesOf(text, 'graphql_yoga_http_duration_count')).toEqual([
      { labels: { operationName: 'other', operationType: 'query', method: 'POST', statusCode: '200' }, value: 2 },
      { labels: { operationName: 'Anonymous', operationType: 'query', method: 'GET', statusCode: '200' }, value: 1 },
    ]);
  });

  it('counts errors by the phase that raised them, one per error, without their paths', async () => {
    const server = await measured();
    await graphqlGet(server.url, '{ statusCode(code: 404) { code');
    await graphqlGet(server.url, '{ statusCode(code: 404) { nope } }');
    await graphqlGet(server.url, '{ a: statusCode(code: 42) { code } b: statusCode(code: 43) { code } }');
    const text = await server.scrape();
    expect(samplesOf(text, 'graphql_envelop_error_result')).toEqual([
      { labels: { operationName: 'Anonymous', operationType: 'unknown', phase: 'parse' }, value: 1 },
      { labels: { operationName: 'Anonymous', operationType: 'query', phase: 'validate' }, value: 1 },
      { labels: { operationName: 'Anonymous', operationType: 'query', phase: 'execute' }, value: 2 },
    ]);
    expect(samplesOf(text, 'graphql_envelop_request')).toEqual([
      { labels: { operationName: 'Anonymous', operationType: 'query' }, value: 1 },
    ]);
  });

  it('keeps only the four metrics it is told to', async () => {
    const server = await measured();
    await graphqlGet(server.url, '{ __typename }');
    const names = [...(await server.scrape()).matchAll(/^# TYPE (graphql_\w+)/gm)].map(([, name]) => name);
    expect(names).toEqual([
      'graphql_envelop_request',
      'graphql_envelop_request_duration',
      'graphql_envelop_error_result',
      'graphql_yoga_http_duration',
    ]);
  });
});

describe('Node-side metrics', () => {
  it('counts a repeated GET once as an answer cache miss, then as a hit that yoga never sees', async () => {
    const server = await measured();
    const lookups = (text: string) => samplesOf(text, 'statusql_answer_cache_lookups_total');
    expect(lookups(await server.scrape())).toEqual([
      { labels: { result: 'hit' }, value: 0 },
      { labels: { result: 'miss' }, value: 0 },
    ]);
    await graphqlGet(server.url, '{ statusCode(code: 418) { phrase } }');
    expect(lookups(await server.scrape())).toEqual([
      { labels: { result: 'hit' }, value: 0 },
      { labels: { result: 'miss' }, value: 1 },
    ]);
    await graphqlGet(server.url, '{ statusCode(code: 418) { phrase } }');
    const text = await server.scrape();
    expect(lookups(text)).toEqual([
      { labels: { result: 'hit' }, value: 1 },
      { labels: { result: 'miss' }, value: 1 },
    ]);
    expect(samplesOf(text, 'graphql_envelop_request')).toEqual([
      { labels: { operationName: 'Anonymous', operationType: 'query' }, value: 1 },
    ]);
    expect(samplesOf(text, 'statusql_http_request_duration_seconds_count')).toEqual([
      { labels: { route: 'graphql', method: 'GET', status: '200' }, value: 2 },
    ]);
  });

  it('records every answer of the main port by route, method and status, with methods outside the standard set as `other`', async () => {
    const server = await measured();
    expect(await send(server.origin, 'GET', '/health')).toBe(200);
    expect(await send(server.origin, 'GET', '/404')).toBe(200);
    expect(await send(server.origin, 'GET', '/nowhere?x=1')).toBe(404);
    expect(await send(server.origin, 'POST', '/')).toBe(404);
    expect(await send(server.origin, 'PURGE', '/graphql')).toBe(405);
    expect(await send(server.origin, 'POST', '/graphql')).toBe(415);
    const text = await server.scrape();
    expect(text).not.toContain('PURGE');
    expect(samplesOf(text, 'statusql_http_request_duration_seconds_count')).toEqual([
      { labels: { route: 'probe', method: 'GET', status: '200' }, value: 1 },
      { labels: { route: 'page', method: 'GET', status: '200' }, value: 1 },
      { labels: { route: 'other', method: 'GET', status: '404' }, value: 1 },
      { labels: { route: 'other', method: 'POST', status: '404' }, value: 1 },
      { labels: { route: 'graphql', method: 'other', status: '405' }, value: 1 },
      { labels: { route: 'graphql', method: 'POST', status: '415' }, value: 1 },
    ]);
  });

  it('records live examples under route `status`, by status class, so a client naming codes adds no series', async () => {
    const server = await measured();
    expect(await send(server.origin, 'GET', '/status/404')).toBe(404);
    expect(await send(server.origin, 'GET', '/status/418')).toBe(418);
    expect(await send(server.origin, 'DELETE', '/status/503?sleep=0')).toBe(503);
    expect(await send(server.origin, 'GET', '/status/600')).toBe(400);
    expect(await send(server.origin, 'GET', '/status/103')).toBe(200);
    const text = await server.scrape();
    expect(samplesOf(text, 'statusql_http_request_duration_seconds_count')).toEqual([
      { labels: { route: 'status', method: 'GET', status: '4xx' }, value: 3 },
      { labels: { route: 'status', method: 'DELETE', status: '5xx' }, value: 1 },
      { labels: { route: 'status', method: 'GET', status: '2xx' }, value: 1 },
    ]);
  });

  it("includes prom-client's default process metrics", async () => {
    const text = await (await measured()).scrape();
    expect(samplesOf(text, 'process_cpu_user_seconds_total')).toEqual([{ labels: {}, value: expect.any(Number) }]);
    expect(samplesOf(text, 'nodejs_heap_size_used_bytes')).toEqual([{ labels: {}, value: expect.any(Number) }]);
  });
});

describe('the metrics port', () => {
  it('answers GET /metrics with the registry text, no-store', async () => {
    const server = await measured();
    const response = await fetch(server.metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('# TYPE statusql_answer_cache_lookups_total counter\n');
  });

  it('answers HEAD /metrics with the headers alone', async () => {
    const server = await measured();
    const response = await fetch(server.metricsUrl, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await response.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s /metrics with a JSON 405 naming GET and HEAD', async (method) => {
    const server = await measured();
    const response = await fetch(server.metricsUrl, { method, body: method === 'DELETE' ? undefined : 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      errors: [
        { message: 'Method Not Allowed: /metrics answers GET and HEAD.', extensions: { code: 'METHOD_NOT_ALLOWED' } },
      ],
    });
  });

  it.each(['/', '/graphql', '/metrics/', '/metricsx'])('answers %s with a JSON 404', async (path) => {
    const server = await measured();
    const response = await fetch(new URL(path, server.metricsUrl));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Not Found: this port answers /metrics alone.', extensions: { code: 'NOT_FOUND' } }],
    });
  });

  it('is not on the main port, where /metrics is a 404 like any unknown path, and yoga does not answer it either', async () => {
    const server = await measured();
    const response = await fetch(`${server.origin}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Not Found: this server has no such file.', extensions: { code: 'NOT_FOUND' } }],
    });
    const fromYoga = await server.app.yoga.fetch('http://statusql/metrics');
    expect(fromYoga.status).toBe(404);
    expect(await fromYoga.text()).not.toContain('graphql_envelop_request');
  });
});

/** The TCP ports a process listens on itself (Linux: its socket descriptors, found in /proc/net/tcp and tcp6). */
function listeningPorts(pid: number): number[] {
  const sockets = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: 'utf8' }))?.[1];
    if (inode) sockets.add(inode);
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6'].filter((path) => existsSync(path))) {
    for (const row of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      // local_address (hex ip:port), rem_address, st (0A is LISTEN), ..., inode
      const [, local, , state, , , , , , inode] = row.trim().split(/\s+/);
      if (state === '0A' && sockets.has(inode!)) ports.push(Number.parseInt(local!.split(':')[1]!, 16));
    }
  }
  return ports.sort((a, b) => a - b);
}

describe('metrics in dist/main.js, as npm start runs it', () => {
  it('are off without METRICS_PORT: nothing is registered and no port is opened for them', async () => {
    const inProcess = await startServer();
    try {
      await graphqlGet(inProcess.url, '{ __typename }');
      expect(register.getMetricsAsArray()).toEqual([]);
    } finally {
      await inProcess.close();
    }
    const server = main();
    const port = await server.port();
    expect(listeningPorts(server.child.pid!)).toEqual([port]);
    expect(server.lines.map((line) => line.msg)).not.toContain('Prometheus metrics at /metrics');
  }, 30_000);

  it('WORKERS=1: the one process serves METRICS_PORT', async () => {
    const server = main({ METRICS_PORT: '0' });
    const port = await server.port();
    const metricsPort = await server.metricsPort();
    expect(listeningPorts(server.child.pid!)).toEqual([port, metricsPort].sort((a, b) => a - b));
    await graphqlGet(`http://127.0.0.1:${port}/graphql`, '{ statusCode(code: 200) { code } }');
    await settle();
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(samplesOf(text, 'graphql_envelop_request')).toEqual([
      { labels: { operationName: 'Anonymous', operationType: 'query' }, value: 1 },
    ]);
    expect(samplesOf(text, 'process_cpu_user_seconds_total')).toHaveLength(1);
  }, 30_000);

  it('WORKERS=2: the primary serves METRICS_PORT, summing both workers; no worker opens a port for it', async () => {
    const server = main({ WORKERS: '2', METRICS_PORT: '0' });
    const port = await server.port();
    const metricsPort = await server.metricsPort();
    await server.waitFor(
      () => server.lines.filter((line) => line.msg.startsWith('StatusQL: GraphiQL at')).length === 2,
    );
    const workers = server.lines.filter((line) => line.msg === 'worker started').map((line) => line.worker as number);
    expect(
      server.lines.filter((line) => line.msg === 'Prometheus metrics at /metrics').map((line) => line.pid),
    ).toEqual([server.child.pid]);
    for (const worker of workers) expect(listeningPorts(worker).filter((listening) => listening !== port)).toEqual([]);

    // A connection each: node:cluster hands new connections to the workers in turn.
    for (let code = 200; code < 206; code++) {
      expect(
        await send(
          `http://127.0.0.1:${port}`,
          'GET',
          `/graphql?query=${encodeURIComponent(`{ statusCode(code: ${code}) { code } }`)}`,
        ),
      ).toBe(200);
    }
    await settle();
    const servedBy = workers.map(
      (worker) => server.lines.filter((line) => line.msg === 'request' && line.pid === worker).length,
    );
    expect(Math.min(...servedBy)).toBeGreaterThan(0);
    expect(servedBy[0]! + servedBy[1]!).toBe(6);

    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(samplesOf(text, 'graphql_envelop_request')).toEqual([
      { labels: { operationName: 'Anonymous', operationType: 'query' }, value: 6 },
    ]);
    expect(samplesOf(text, 'statusql_answer_cache_lookups_total')).toEqual([
      { labels: { result: 'hit' }, value: 0 },
      { labels: { result: 'miss' }, value: 6 },
    ]);
    expect(samplesOf(text, 'statusql_http_request_duration_seconds_count')).toEqual([
      { labels: { route: 'graphql', method: 'GET', status: '200' }, value: 6 },
    ]);
  }, 60_000);
});
