import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.js';

/**
 * The SHOULDs StatusQL breaks on purpose: parse, validation and variable-coercion failures answer
 * 400 even for `Accept: application/json`, so a client never mistakes a refused request for a result
 * (server/yoga/use-request-errors.ts). Each warns, with graphql-http's reason.
 */
const deliberateWarnings: Record<string, string> = {
  '572B': 'Response status code is not 200',
  FDE2: 'Response status code is not 200',
  '7B9B': 'Response status code is not 200',
};

/** The GraphQL over HTTP conformance audits of graphql-http, one test per audit, against a real server. */
describe('GraphQL over HTTP (graphql-http server audits)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  for (const audit of serverAudits({ url: () => server.url, fetchFn: fetch })) {
    const warning = deliberateWarnings[audit.id];
    it(`${audit.id} ${audit.name}: ${warning ? 'warns, by design' : 'ok'}`, async () => {
      const result = await audit.fn();
      if (warning)
        expect({ status: result.status, reason: result.status === 'ok' ? '' : result.reason }).toEqual({
          status: 'warn',
          reason: warning,
        });
      else expect(result.status === 'ok' ? 'ok' : result.reason).toBe('ok');
    });
  }
});
