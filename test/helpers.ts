import type { AddressInfo } from 'node:net';
import type { ExecutionResult } from 'graphql';
import { createStatusqlApp, type StatusqlApp, type StatusqlAppOptions } from '../server/app.js';
import { loadConfig, type Config } from '../server/config.js';
import { createStatusqlServer } from '../server/http/server.js';
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
export async function startServer(env: Record<string, string> = {}, options: StatusqlAppOptions = {}): Promise<TestServer> {
  const silent = createLogger('silent');
  const app = createStatusqlApp(testConfig(env), { logger: silent, ...options });
  const server = createStatusqlServer(app.listener, options.logger ?? silent);
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
