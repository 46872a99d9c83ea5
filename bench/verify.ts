import { isDeepStrictEqual } from 'node:util';
import { requestHeaders } from './load.js';
import { operations, persistedGetPath, postBody, type BenchOperation, type OperationId } from './operations.js';
import { send, type RunningServer } from './servers.js';

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

async function post(url: string, operation: BenchOperation): Promise<unknown> {
  const answer = await send(url, { method: 'POST', headers: requestHeaders, body: postBody(operation) });
  if (answer.status !== 200) throw new Error(`${operation.id}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
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
  private readonly reference = new Map<OperationId, unknown>();

  /** Every operation, POSTed twice; throws on the first answer that differs from the reference. */
  async verify(server: RunningServer, when: string): Promise<void> {
    for (const operation of operations) {
      // Twice: a response cache or a JIT compiler answers the second one differently from the first.
      for (const attempt of [1, 2]) {
        const body = await post(server.url, operation);
        const expected = this.reference.get(operation.id);
        if (expected === undefined) {
          const result = body as { data?: unknown; errors?: unknown };
          if (result.errors !== undefined || result.data == null) {
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
