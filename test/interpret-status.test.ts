import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { interpretStatus } from '../catalogue/interpret.js';
import { createClient, StatusqlError } from '../sdk/src/index.js';
import { startServer, type TestServer } from './helpers.js';

describe('interpretStatus (catalogue)', () => {
  it('answers a catalogued code as itself, official or a vendor’s', () => {
    expect(interpretStatus(catalogue, 404)).toMatchObject({
      code: 404,
      known: true,
      treatAs: { code: 404 },
      explanation: '404 Not Found is an assigned status code. The requested resource could not be found.',
    });
    expect(interpretStatus(catalogue, 520)).toMatchObject({ known: true, treatAs: { code: 520 } });
    expect(interpretStatus(catalogue, 520).explanation).toMatch(
      /^520 Web Server Is Returning an Unknown Error is an unofficial code of Cloudflare\. /,
    );
  });

  it('answers every other code of 100-599 as the x00 of its class (RFC 9110 §15)', () => {
    const unassigned = Array.from({ length: 500 }, (_, index) => 100 + index).filter(
      (code) => !catalogue.byCode.has(code),
    );
    expect(unassigned.length).toBeGreaterThan(350);
    for (const code of unassigned) {
      const interpretation = interpretStatus(catalogue, code);
      expect(interpretation.known).toBe(false);
      expect(interpretation.treatAs?.code).toBe(Math.floor(code / 100) * 100);
    }
    expect(interpretStatus(catalogue, 299).explanation).toBe(
      '299 is not an assigned status code, nor one a vendor is known to send. It is in the 2xx class (Success), and RFC 9110 §15 tells a client that does not recognize a code to treat it as the first code of its class: 200 OK. A cache must not store the response under that code.',
    );
  });

  it('explains 0 as no response, with nothing to treat it as', () => {
    const zero = interpretStatus(catalogue, 0);
    expect(zero).toMatchObject({ code: 0, known: false, treatAs: null });
    expect(zero.explanation).toMatch(/^0 is not an HTTP status: no response arrived\. /);
    expect(() => interpretStatus(catalogue, 600)).toThrow(RangeError);
  });
});

describe('interpretStatus over HTTP, through the SDK', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('explains 299 and 0 as a dashboard shows them, and refuses what is no status', async () => {
    const client = createClient({ url: server.url });
    const { interpretStatus: unassigned } = await client.interpretStatus({ code: 299 });
    expect(unassigned).toMatchObject({ code: 299, known: false, treatAs: { code: 200, phrase: 'OK' } });
    const { interpretStatus: zero } = await client.interpretStatus({ code: 0 });
    expect(zero).toMatchObject({ code: 0, known: false, treatAs: null });
    for (const code of [-1, 1, 99, 600, 999]) {
      const refused = await client.interpretStatus({ code }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(StatusqlError);
      expect((refused as StatusqlError).errors).toEqual([
        expect.objectContaining({
          message: 'code must be 0 or between 100 and 599',
          extensions: { code: 'BAD_USER_INPUT', argument: 'code', constraint: 'RANGE' },
        }),
      ]);
    }
  });
});
