import { isDeepStrictEqual } from 'node:util';
import { encodeCursor } from '../schema/pagination.js';
import { requestHeaders } from './load.js';
import { operations, persistedGetPath, postBody } from './operations.js';
import { send, type RunningServer } from './servers.js';

/** A query whose answer every server must give alike. */
interface Checked {
  id: string;
  query: string;
}

const pageInfo = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const codeFields =
  'code phrase statusClass { kind range label } registration { status expiresOn } deprecation { kind reason } liveExampleUrl';
const searchPage = `totalCount classFacets { statusClass { kind range } count } ${pageInfo} edges { cursor score matches { field terms } node { code phrase } }`;

/**
 * Beyond the three measured operations, what else the peers' resolvers answer: cursors both ways
 * (StatusQL's own, from schema/pagination.ts, passed in), `last`, sort keys and `reverse`, search
 * facets, matches and scores, registration, deprecation, liveExampleUrl (every server has the same
 * PUBLIC_URL) and a class's codes. Sent once per server after its rows, never measured; not to the
 * bare peer, which knows only the three operations.
 */
export const coverage: readonly Checked[] = [
  {
    id: 'statusCodes by phrase, reversed, after a cursor',
    query: `{ statusCodes(filter: { classes: [CLIENT_ERROR] }, sortKey: PHRASE, reverse: true, first: 5, after: "${encodeCursor('phrase', ['Not Found', 404])}") { totalCount ${pageInfo} edges { cursor node { ${codeFields} } } } }`,
  },
  {
    id: 'statusCodes last before a cursor',
    query: `{ statusCodes(filter: { registrations: [TEMPORARY, UNOFFICIAL] }, last: 4, before: "${encodeCursor('code', 520)}") { totalCount ${pageInfo} edges { cursor node { ${codeFields} } } } }`,
  },
  {
    id: 'statusCodes deprecated',
    query: `{ statusCodes(filter: { deprecated: true }, sortKey: CODE, reverse: true, first: 20) { totalCount ${pageInfo} edges { cursor node { ${codeFields} } } } }`,
  },
  {
    id: 'search after a rank cursor',
    query: `{ search(query: "rate limit", first: 5, after: "${encodeCursor('rank', 429)}") { ${searchPage} } }`,
  },
  {
    id: 'search by code, reversed, last',
    query: `{ search(query: "timeout", sortKey: CODE, reverse: true, last: 4) { ${searchPage} } }`,
  },
  {
    id: 'search by phrase, filtered',
    query: `{ search(query: "gateway", filter: { classes: [SERVER_ERROR] }, sortKey: PHRASE, first: 5) { ${searchPage} } }`,
  },
  {
    id: 'search in other languages',
    query: `{ search(query: "nicht gefunden", first: 3) { ${searchPage} } }`,
  },
  {
    id: 'statusCode with its class codes',
    query: `{ statusCode(code: 104) { ${codeFields} statusClass { codes(first: 2, after: "${encodeCursor('code', 101)}") { totalCount ${pageInfo} edges { cursor node { code } } } } } }`,
  },
];

/** The path and values where two JSON answers first part, or undefined when they are equal. */
function firstDifference(expected: unknown, actual: unknown, path = '$'): string | undefined {
  if (isDeepStrictEqual(expected, actual)) return undefined;
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null) {
    return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const difference = firstDifference(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (difference) return difference;
  }
  return `${path}: differs`;
}

/** Whether a root field answered null: root fields are nullable, so an error can leave `data` with a null in it. */
function hasNullRoot(data: unknown): boolean {
  return typeof data !== 'object' || data === null || Object.values(data).some((value) => value === null);
}

/** Whether every field of `expected` is in `actual` with the same value (arrays: same length). */
function isSubset(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => isSubset(item, actual[index]))
    );
  }
  if (typeof expected === 'object' && expected !== null) {
    return (
      typeof actual === 'object' &&
      actual !== null &&
      Object.entries(expected).every(([key, value]) => isSubset(value, (actual as Record<string, unknown>)[key]))
    );
  }
  return Object.is(expected, actual);
}

async function post(url: string, checked: Checked): Promise<unknown> {
  const answer = await send(url, { method: 'POST', headers: requestHeaders, body: postBody(checked) });
  if (answer.status !== 200) throw new Error(`${checked.id}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text);
}

/** Whether a server answers the lookup correctly: the start-up probe that times the cold start. */
export async function probe(url: string): Promise<boolean> {
  const answer = await send(url, {
    method: 'POST',
    headers: requestHeaders,
    body: postBody(operations[0]!),
    timeoutMs: 2000,
  });
  if (answer.status !== 200) return false;
  const body = JSON.parse(answer.text) as { data?: { statusCode?: { code?: unknown } } };
  return body.data?.statusCode?.code === 404;
}

/** Asserts every server's answers: the first server's become the reference the others must equal. */
export class AnswerCheck {
  private readonly reference = new Map<string, unknown>();

  /** Every operation, POSTed twice; throws on the first answer that differs from the reference. */
  async verify(server: RunningServer, when: string): Promise<void> {
    // Twice: a response cache or a JIT compiler answers the second one differently from the first.
    await this.compare(server, operations, when, [1, 2]);
  }

  /** The coverage queries, once each (they are never measured, so no cache or JIT is warm for them). */
  async verifyCoverage(server: RunningServer): Promise<void> {
    await this.compare(server, coverage, 'coverage', [1]);
  }

  private async compare(
    server: RunningServer,
    checked: readonly Checked[],
    when: string,
    attempts: readonly number[],
  ): Promise<void> {
    for (const operation of checked) {
      for (const attempt of attempts) {
        const body = await post(server.url, operation);
        const expected = this.reference.get(operation.id);
        if (expected === undefined) {
          const result = body as { data?: unknown; errors?: unknown };
          if (result.errors !== undefined || result.data == null || hasNullRoot(result.data)) {
            throw new Error(`${server.spec.label} ${operation.id}: no data: ${JSON.stringify(body).slice(0, 300)}`);
          }
          this.reference.set(operation.id, body);
          continue;
        }
        const difference = firstDifference(expected, body);
        if (difference) {
          throw new Error(
            `${server.spec.label} ${operation.id} (${when}, request ${attempt}) differs from StatusQL: ${difference}`,
          );
        }
      }
    }
  }

  /** The GET persisted answers select more fields, so they must contain the POST answer rather than equal it. */
  async verifyPersisted(server: RunningServer): Promise<void> {
    for (const operation of operations) {
      const answer = await send(server.url.replace('/graphql', persistedGetPath(operation)), {
        method: 'GET',
        headers: { accept: requestHeaders.accept },
      });
      const body = JSON.parse(answer.text) as { errors?: unknown };
      if (answer.status !== 200 || body.errors !== undefined || !isSubset(this.reference.get(operation.id), body)) {
        throw new Error(
          `${server.spec.label} GET ${operation.persisted.operationName}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`,
        );
      }
    }
  }
}
