import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  documentViolations,
  manifestViolations,
  readReleases,
  schemaViolations,
  type Release,
} from '../schema/evolution.js';

const fixtures = new URL('fixtures/evolution/', import.meta.url);
const BASE = readFileSync(new URL('base.graphql', fixtures), 'utf8');

const TODAY = '2025-06-15';
const FOUR_MONTHS_AGO = '2025-02-15';
const ONE_MONTH_AGO = '2025-05-15';
const PASSED = '2025-06-01';
const FUTURE = '2025-09-01';

/** `sdl` with its only `text` replaced; throws otherwise, so a typo cannot make a test pass vacuously. */
function edit(sdl: string, text: string, replacement: string): string {
  if (sdl.split(text).length !== 2) throw new Error(`"${text}" is not in the SDL exactly once`);
  return sdl.replace(text, replacement);
}
const remove = (sdl: string, text: string) => edit(sdl, text, '');
const deprecate = (sdl: string, text: string, reason = `Removal on ${PASSED}.`) =>
  edit(sdl, text, `${text} @deprecated(reason: "${reason}")`);
const release = (date: string, sdl: string): Release => ({ version: date, date, sdl });

/** A changelog whose `## Unreleased` section has `lines`, followed by an older release's section. */
const changelog = (...lines: string[]) =>
  `# Changelog\n\n## Unreleased\n\n${lines.map((line) => `- ${line}\n`).join('')}\n## 1.0.0\n\n- First release.\n`;

const check = (releases: Release[], current: string, changes = changelog(), today = TODAY) =>
  schemaViolations({ releases, current, changelog: changes, today });

const PHRASE_DEPRECATED = deprecate(BASE, 'phrase: String!');
const PHRASE_REMOVED = remove(BASE, 'phrase: String!');

describe('schemaViolations', () => {
  it('finds none when the schema is unchanged', async () => {
    expect(await check([release(ONE_MONTH_AGO, BASE)], BASE)).toEqual([]);
  });

  it('finds none when there is no release to compare with', async () => {
    expect(await check([], PHRASE_REMOVED)).toEqual([]);
  });

  it('finds none for a non-breaking addition, even without a changelog line', async () => {
    const current = edit(BASE, 'phrase: String!', 'phrase: String!\n  reasonPhrase: String');
    expect(await check([release(ONE_MONTH_AGO, BASE)], current)).toEqual([]);
  });

  it('names Type.field when a field that was never deprecated is removed', async () => {
    const violations = await check([release(FOUR_MONTHS_AGO, BASE)], PHRASE_REMOVED, changelog('`StatusCode.phrase`'));
    expect(violations).toEqual([expect.stringMatching(/^StatusCode\.phrase: Field 'phrase' was removed .* breaking/)]);
  });

  it.each([
    {
      change: 'removing an enum value',
      current: remove(BASE, '  CLIENT_ERROR\n'),
      path: 'StatusClassKind.CLIENT_ERROR',
    },
    { change: 'removing an argument', current: remove(BASE, ', strict: Boolean'), path: 'Query.statusCode.strict' },
    { change: 'removing an input field', current: remove(BASE, 'minimum: Int'), path: 'CodeFilter.minimum' },
    {
      change: 'making a field nullable',
      current: edit(BASE, 'phrase: String!', 'phrase: String'),
      path: 'StatusCode.phrase',
    },
    {
      change: "changing an argument's type",
      current: edit(BASE, 'strict: Boolean', 'strict: String'),
      path: 'Query.statusCode.strict',
    },
    {
      change: 'adding a required input field',
      current: edit(BASE, 'minimum: Int', 'minimum: Int\n  maximum: Int!'),
      path: 'CodeFilter.maximum',
    },
  ])('names $path after $change without a deprecation, whatever the changelog says', async ({ current, path }) => {
    const violations = await check([release(FOUR_MONTHS_AGO, BASE)], current, changelog(path));
    expect(violations).toEqual([expect.stringMatching(new RegExp(`^${path.replaceAll('.', '\\.')}: .* breaking`))]);
  });
});

describe('a breaking change to an element deprecated long enough', () => {
  it.each([
    {
      change: 'removing a field',
      deprecated: ['phrase: String!'],
      current: PHRASE_REMOVED,
      paths: ['StatusCode.phrase'],
    },
    {
      change: "changing a field's type",
      deprecated: ['phrase: String!'],
      current: edit(BASE, 'phrase: String!', 'phrase: String'),
      paths: ['StatusCode.phrase'],
    },
    {
      change: 'removing an enum value',
      deprecated: ['CLIENT_ERROR'],
      current: remove(BASE, '  CLIENT_ERROR\n'),
      paths: ['StatusClassKind.CLIENT_ERROR'],
    },
    {
      change: 'removing an argument',
      deprecated: ['strict: Boolean'],
      current: remove(BASE, ', strict: Boolean'),
      paths: ['Query.statusCode.strict'],
    },
    {
      change: 'removing an input field',
      deprecated: ['minimum: Int'],
      current: remove(BASE, 'minimum: Int'),
      paths: ['CodeFilter.minimum'],
    },
    {
      change: 'removing a type whose every field is deprecated, with the field returning it',
      deprecated: ['legacy: Legacy', 'id: ID!'],
      current: remove(remove(BASE, 'legacy: Legacy'), 'type Legacy {\n  id: ID!\n}'),
      paths: ['Query.legacy', 'Legacy'],
    },
  ])('is allowed for $change, with a changelog line', async ({ deprecated, current, paths }) => {
    const released = deprecated.reduce((sdl, text) => deprecate(sdl, text), BASE);
    const releases = [release(FOUR_MONTHS_AGO, released)];
    expect(await check(releases, current, changelog(...paths))).toEqual([]);
    expect(await check(releases, current, changelog())).toHaveLength(paths.length);
  });

  it('is a violation for a type whose fields are not all deprecated', async () => {
    const released = deprecate(BASE, 'legacy: Legacy');
    const current = remove(remove(BASE, 'legacy: Legacy'), 'type Legacy {\n  id: ID!\n}');
    const violations = await check([release(FOUR_MONTHS_AGO, released)], current, changelog('Query.legacy', 'Legacy'));
    expect(violations).toEqual([expect.stringMatching(/^Legacy: Type 'Legacy' was removed/)]);
  });
});

describe('the deprecation window for removing StatusCode.phrase', () => {
  it.each([
    {
      history: 'deprecated 4 months ago, removal date passed',
      releases: [release(FOUR_MONTHS_AGO, PHRASE_DEPRECATED)],
      allowed: true,
    },
    {
      history: 'deprecated exactly 3 calendar months ago',
      releases: [release('2025-03-15', PHRASE_DEPRECATED)],
      allowed: true,
    },
    {
      history: 'deprecated a day short of 3 months ago',
      releases: [release('2025-03-16', PHRASE_DEPRECATED)],
      allowed: false,
    },
    {
      history: 'deprecated only 1 month ago',
      releases: [release(FOUR_MONTHS_AGO, BASE), release(ONE_MONTH_AGO, PHRASE_DEPRECATED)],
      allowed: false,
    },
    {
      history: 'deprecated 4 months ago with a removal date in the future',
      releases: [release(FOUR_MONTHS_AGO, deprecate(BASE, 'phrase: String!', `Removal on ${FUTURE}.`))],
      allowed: false,
    },
    {
      history: 'deprecated 4 months ago with removal today',
      releases: [release(FOUR_MONTHS_AGO, deprecate(BASE, 'phrase: String!', `Removal on ${TODAY}`))],
      allowed: true,
    },
    {
      history: 'deprecated 4 months ago without a removal date',
      releases: [release(FOUR_MONTHS_AGO, deprecate(BASE, 'phrase: String!', 'Use reasonPhrase.'))],
      allowed: false,
    },
    {
      history: 'deprecated 4 months ago, the removal date announced only 1 month ago',
      releases: [
        release(FOUR_MONTHS_AGO, deprecate(BASE, 'phrase: String!', 'Use reasonPhrase.')),
        release(ONE_MONTH_AGO, PHRASE_DEPRECATED),
      ],
      allowed: false,
    },
    {
      history: 'deprecated 4 months ago, but no longer deprecated in the last release',
      releases: [release(FOUR_MONTHS_AGO, PHRASE_DEPRECATED), release(ONE_MONTH_AGO, BASE)],
      allowed: false,
    },
  ])('$history: allowed is $allowed', async ({ releases, allowed }) => {
    const violations = await check(releases, PHRASE_REMOVED, changelog('Removed `StatusCode.phrase`.'));
    expect(violations).toEqual(allowed ? [] : [expect.stringMatching(/^StatusCode\.phrase: .* breaking/)]);
  });

  it.each([
    { released: '2025-02-28', allowed: true },
    { released: '2025-03-01', allowed: false },
  ])(
    'counts calendar months to a shorter month: released $released, today 2025-05-31, allowed is $allowed',
    async (row) => {
      const releases = [release(row.released, deprecate(BASE, 'phrase: String!', 'Removal on 2025-05-01'))];
      const violations = await check(releases, PHRASE_REMOVED, changelog('StatusCode.phrase'), '2025-05-31');
      expect(violations).toHaveLength(row.allowed ? 0 : 1);
    },
  );
});

describe('the changelog rule', () => {
  const releases = [release(FOUR_MONTHS_AGO, PHRASE_DEPRECATED)];

  it.each([
    { where: 'in the Unreleased section', text: changelog('Removed `StatusCode.phrase`.'), ok: true },
    { where: 'under a "## [Unreleased]" heading', text: '## [Unreleased]\n\n- StatusCode.phrase removed\n', ok: true },
    { where: 'nowhere', text: changelog(), ok: false },
    { where: 'only under a released version', text: `${changelog()}- StatusCode.phrase\n`, ok: false },
    { where: 'only as part of a longer name', text: changelog('Added `StatusCode.phraseText`.'), ok: false },
    { where: 'only as part of a longer path', text: changelog('MyStatusCode.phrase'), ok: false },
  ])('an allowed removal named $where passes: $ok', async ({ text, ok }) => {
    const violations = await check(releases, PHRASE_REMOVED, text);
    expect(violations).toEqual(ok ? [] : [expect.stringMatching(/must name StatusCode\.phrase$/)]);
  });

  const withServerError = edit(BASE, '  CLIENT_ERROR\n', '  CLIENT_ERROR\n  SERVER_ERROR\n');
  const withLimit = edit(BASE, 'search(filter: CodeFilter)', 'search(filter: CodeFilter, limit: Int)');
  it.each([
    {
      change: 'an added enum value',
      current: withServerError,
      path: 'StatusClassKind.SERVER_ERROR',
      lines: [],
      ok: false,
    },
    {
      change: 'an added enum value',
      current: withServerError,
      path: 'StatusClassKind.SERVER_ERROR',
      lines: ['`StatusClassKind.SERVER_ERROR`: clients must handle unknown values.'],
      ok: true,
    },
    {
      change: 'an added optional argument',
      current: withLimit,
      path: 'Query.search.limit',
      lines: ['Query.search'],
      ok: false,
    },
    {
      change: 'an added optional argument',
      current: withLimit,
      path: 'Query.search.limit',
      lines: ['Query.search.limit.'],
      ok: true,
    },
  ])('$change (dangerous) with changelog $lines passes: $ok', async ({ current, path, lines, ok }) => {
    const violations = await check([release(ONE_MONTH_AGO, BASE)], current, changelog(...lines));
    expect(violations).toEqual(
      ok ? [] : [expect.stringContaining(`dangerous, so "## Unreleased" in the changelog must name ${path}`)],
    );
  });
});

describe('schemaViolations inputs', () => {
  it.each(['2025-6-15', '2025-02-30', 'today'])('rejects today = %s', async (today) => {
    await expect(check([release(ONE_MONTH_AGO, BASE)], BASE, changelog(), today)).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('rejects releases that are not oldest first', async () => {
    const releases = [release(ONE_MONTH_AGO, BASE), release(FOUR_MONTHS_AGO, BASE)];
    await expect(check(releases, BASE)).rejects.toThrow(/oldest first/);
  });
});

const documentId = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const manifestOf = (...texts: string[]) => Object.fromEntries(texts.map((text) => [documentId(text), text]));
const PHRASE_QUERY = 'query Phrase($code: Int!) { statusCode(code: $code) { code phrase } }';
const KIND_QUERY = 'query Kind($code: Int!) { statusCode(code: $code) { kind } }';

describe('documentViolations', () => {
  it('accepts documents that validate against the schema', () => {
    expect(documentViolations({ schemaSdl: BASE, documents: manifestOf(PHRASE_QUERY, KIND_QUERY) })).toEqual([]);
  });

  it('names the hash of a document that selects a removed field', () => {
    const violations = documentViolations({
      schemaSdl: PHRASE_REMOVED,
      documents: manifestOf(PHRASE_QUERY, KIND_QUERY),
    });
    expect(violations).toEqual([
      `Persisted document ${documentId(PHRASE_QUERY)} is invalid: Cannot query field "phrase" on type "StatusCode".`,
    ]);
  });

  it('names the hash of a document that does not parse', () => {
    const violations = documentViolations({ schemaSdl: BASE, documents: { 'sha256:broken': 'query {' } });
    expect(violations).toEqual([expect.stringMatching(/^Persisted document sha256:broken is invalid: Syntax Error/)]);
  });
});

describe('manifestViolations', () => {
  const v1 = manifestOf(PHRASE_QUERY);
  const v2 = manifestOf(PHRASE_QUERY, KIND_QUERY);

  it('accepts a current manifest that kept every released hash and added more', () => {
    expect(
      manifestViolations({ released: [v1, v2], current: manifestOf(PHRASE_QUERY, KIND_QUERY, '{ __typename }') }),
    ).toEqual([]);
  });

  it('names each dropped hash once, however many releases shipped it', () => {
    expect(manifestViolations({ released: [v1, v2], current: manifestOf(KIND_QUERY) })).toEqual([
      `Persisted document ${documentId(PHRASE_QUERY)} was released but is missing from the current manifest`,
    ]);
  });

  it('names a released hash whose document text changed', () => {
    const current = { ...v2, [documentId(KIND_QUERY)]: PHRASE_QUERY };
    expect(manifestViolations({ released: [v2], current })).toEqual([
      `Persisted document ${documentId(KIND_QUERY)} was released with a different text than the current manifest's`,
    ]);
  });
});

describe('readReleases', () => {
  const dir = new URL('releases/', fixtures);

  it("reads releases.json and each version's SDL, oldest first", () => {
    const releases = readReleases(dir);
    expect(releases.map(({ version, date }) => ({ version, date }))).toEqual([
      { version: '1.0.0', date: '2025-01-10' },
      { version: '1.1.0', date: '2025-02-20' },
    ]);
    expect(releases[1]!.sdl).toContain('Removal on 2025-05-20');
  });

  it('accepts the directory URL without a trailing slash', () => {
    expect(readReleases(new URL('releases', fixtures))).toHaveLength(2);
  });

  it('feeds schemaViolations: the fixture releases allow removing StatusCode.phrase from its removal date on', async () => {
    const releases = readReleases(dir);
    const current = remove(releases[1]!.sdl, /^ {2}phrase: .*\n/m.exec(releases[1]!.sdl)![0]);
    const check = (today: string) =>
      schemaViolations({ releases, current, changelog: changelog('StatusCode.phrase'), today });
    expect(await check('2025-05-20')).toEqual([]);
    expect(await check('2025-05-19')).toEqual([expect.stringMatching(/^StatusCode\.phrase: /)]);
  });
});
