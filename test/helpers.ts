import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExecutionResult } from 'graphql';
import { createStatusqlYoga } from '../server/yoga.js';

/** One app for the in-process tests: building the schema once keeps them fast. */
export const yoga = createStatusqlYoga();

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

/** A real HTTP server on an ephemeral loopback port; always `close()` it in `finally`. */
export async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(createStatusqlYoga());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
