import { createYoga } from 'graphql-yoga';
import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { disallowedCharacter } from '../schema/text-argument.js';

// A bare yoga over the schema alone: the rule lives in the schema's argument validation, so it
// needs none of the server's plugins (and does not depend on test/helpers.ts).
const yoga = createYoga({ schema, logging: false });

async function run(query: string, variables: Record<string, unknown>): Promise<ExecutionResult> {
  const response = await yoga.fetch('http://statusql/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as ExecutionResult;
}

const search = 'query ($text: String!) { search(query: $text, first: 1) { totalCount } }';
const suggestions = 'query ($text: String!) { suggestions(prefix: $text) { text } }';
const headerFilter =
  'query ($text: String!) { search(query: "retry", first: 1, filter: { header: $text }) { totalCount } }';

const refusal = (name: string) =>
  `${name} must not contain control characters, invisible formatting characters or unpaired surrogates`;

/** What no person types; each must be refused, not searched for. */
const badInputs: ReadonlyArray<readonly [string, string]> = [
  ['NUL', '\u0000'],
  ['NUL inside a word', 'not\u0000found'],
  ['ESC[2J (clear screen)', '\u001b[2J'],
  ['a right-to-left override', 'gateway \u202Etimeout'],
  ['a zero-width space', 'time\u200Bout'],
  ['a lone byte order mark', '\uFEFF'],
  ['a byte order mark before a word', '\uFEFFtimeout'],
  ['DEL', 'teapot\u007F'],
  ['a lone surrogate', '\uD800'],
  ['the C1 control NEL (U+0085)', 'bad\u0085gateway'],
  ['a soft hyphen', 'time\u00ADout'],
  ['a first-strong isolate', '\u2068timeout\u2069'],
  ['a vertical tab', 'time\u000Bout'],
];

/** What people do type or paste; each must search normally. */
const goodInputs: ReadonlyArray<readonly [string, string]> = [
  ['a tab inside a pasted log line', '2024-05-01T12:00:00Z\tERROR\tupstream timed out'],
  ['a newline', 'gateway\ntimeout'],
  ['CRLF', 'too many\r\nrequests'],
  ['an accented word', 'café'],
  ['a typographic apostrophe', 'I’m a teapot'],
  ['an emoji', 'teapot 🫖'],
  ['Japanese text', '見つかりません'],
];

const endpoints: ReadonlyArray<readonly [string, string, string]> = [
  ['search', search, 'query'],
  ['suggestions', suggestions, 'prefix'],
];

describe.each(endpoints)('%s refuses invisible and control characters', (endpoint, operation, argument) => {
  it.each(badInputs)(`refuses %s with BAD_USER_INPUT naming ${argument}`, async (_name, text) => {
    const result = await run(operation, { text });
    expect(result.data).toEqual({ [endpoint]: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.message).toBe(refusal(argument));
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument, constraint: 'CHARACTERS' });
  });

  it.each(goodInputs)('accepts %s', async (_name, text) => {
    const result = await run(operation, { text });
    expect(result.errors).toBeUndefined();
    expect(result.data).toBeDefined();
  });
});

describe('the character rule elsewhere', () => {
  it.each(badInputs)('refuses %s in the filter header of search', async (_name, text) => {
    const result = await run(headerFilter, { text });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.message).toBe(refusal('header'));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.header' });
  });

  it('refuses a control character written as an escape in the query document', async () => {
    const result = await run('{ search(query: "\\u001b[2J", first: 1) { totalCount } }', {});
    expect(result.errors?.[0]?.message).toBe(refusal('query'));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never echoes the input back', async () => {
    const text = 'secret\u0000token';
    const result = await run(search, { text });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('still searches a pasted log line with its tab', async () => {
    const result = await run('query ($text: String!) { search(query: $text, first: 10) { edges { node { code } } } }', {
      text: 'upstream\t504 gateway timeout',
    });
    expect(result.errors).toBeUndefined();
    expect((result.data as { search: { edges: { node: { code: number } }[] } }).search.edges[0]?.node.code).toBe(504);
  });

  it('keeps a proper surrogate pair and allows TAB, LF and CR', () => {
    expect(disallowedCharacter.test('🫖')).toBe(false);
    expect(disallowedCharacter.test('\t\n\r')).toBe(false);
    expect(disallowedCharacter.test('\uDC00')).toBe(true);
  });
});
