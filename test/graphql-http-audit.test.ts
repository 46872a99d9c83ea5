import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './helpers.js';

/**
 * The GraphQL over HTTP conformance audits of graphql-http, one test per audit, against a real
 * server. Every MUST passes; SHOULD and MAY results are printed. Three SHOULDs are expected to
 * warn by design: parse, validation and variable-coercion failures answer 400 even for
 * `Accept: application/json` (see server/use-strict-request-errors.ts).
 */
describe('GraphQL over HTTP (graphql-http server audits)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const results: AuditResult[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
    const count = (level: string, status: string) =>
      results.filter((result) => result.name.startsWith(level) && result.status === status).length;
    const lines = ['MUST', 'SHOULD', 'MAY'].map(
      (level) => `  ${level}: ${['ok', 'warn', 'error', 'notice'].map((status) => `${count(level, status)} ${status}`).join(', ')}`,
    );
    const notOk = results.filter((result) => result.status !== 'ok').map((result) => `  ${result.status}: ${result.id} ${result.name}`);
    console.log(['graphql-http server audits', ...lines, ...notOk].join('\n'));
  });

  for (const audit of serverAudits({ url: () => server.url, fetchFn: fetch })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      results.push(result);
      if (audit.name.startsWith('MUST')) {
        expect(result.status === 'ok' ? 'ok' : result.reason).toBe('ok');
      }
    });
  }
});
