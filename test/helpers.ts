import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionResult } from 'graphql';
import { createStatusqlApp, type StatusqlApp, type StatusqlAppOptions } from '../server/app.js';
import { loadConfig, type Config } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { createStatusqlYoga } from '../server/yoga/yoga.js';

/** The configuration tests run with: the environment's, quiet, with `env` on top. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, LOG_LEVEL: 'silent', ...env });
}

/** One app for the in-process tests: building the schema once keeps them fast. */
export const yoga = createStatusqlYoga(testConfig());

/** The parsed body of a GraphQL response, with the HTTP status beside it. */
export interface GraphQLResponse<T> extends ExecutionResult<T> {
  status: number;
}

/** Runs one operation through the app in-process, as a JSON POST. */
export async function execute<T = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch('http://statusql/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as ExecutionResult<T>) };
}

/** A server started by {@link startServer}. */
export interface TestServer {
  /** The GraphQL endpoint. */
  url: string;
  origin: string;
  port: number;
  app: StatusqlApp;
  close: () => Promise<void>;
}

/**
 * A real HTTP server (the one main.ts runs) on an ephemeral loopback port, configured like
 * `testConfig(env)`; always `close()` it in `finally`.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: StatusqlAppOptions = {},
): Promise<TestServer> {
  const app = createStatusqlApp(testConfig(env), { logger: createLogger('silent'), ...options });
  await app.app.ready();
  const { server } = app;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/graphql`,
    origin,
    port,
    app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** A JSON log line of the server. */
export type LogLine = Record<string, unknown> & { msg: string };

/** `npm start`'s command (`node <flags> dist/main.js`, the shipped bundle), read from package.json. */
const npmStart = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start.split(/\s+/);

/** `npm start`'s command, run as a child process with `env`, its JSON log lines collected. */
export class Main {
  readonly child: ChildProcess;
  readonly lines: LogLine[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, npmStart.slice(1), {
      cwd: root,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const line of complete) if (line.trim()) this.lines.push(JSON.parse(line));
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Resolves with the first log line `test` accepts, waiting for it if need be. */
  async waitFor(test: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find(test);
      if (found) return found;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`no such log line; got ${JSON.stringify(this.lines)} ${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async port(): Promise<number> {
    return (await this.waitFor((line) => line.msg.startsWith('StatusQL: GraphiQL at'))).port as number;
  }

  /** The port of `/metrics`, with METRICS_PORT set. */
  async metricsPort(): Promise<number> {
    return (await this.waitFor((line) => line.msg === 'Prometheus metrics at /metrics')).port as number;
  }
}
