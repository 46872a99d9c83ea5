import { z } from 'zod';
import { catalogue } from '../catalogue/catalogue.js';
import { classOf } from '../catalogue/classes.js';
import { matchesFilter } from '../catalogue/filter.js';
import { commonNameOf, type StatusCodeRecord } from '../catalogue/records.js';
import { builder } from './builder.js';
import { bytesOf, cost, fixed, lengthsOf } from './cost.js';
import { byCode, byPhrase, bySlug, globalIdWork, pageArgs, pageOf, pageWork, type Ordering } from './pagination.js';
import { CodeConfusion, FrameworkName } from './code-guide.js';
import { StatusClass } from './status-class.js';
import {
  Deprecation,
  FormerPhrase,
  Registration,
  ResponseHeader,
  Specification,
  VendorMeaning,
} from './status-code-details.js';
import { StatusCodeFilterInput } from './status-code-filter.js';
import { Symptom, SymptomConnection, symptomsInOrder } from './symptom.js';

export const StatusCode = builder.objectRef<StatusCodeRecord>('StatusCode');

/** The sizes of one property of the records over every catalogued code. */
const bytesOfEvery = (key: keyof StatusCodeRecord) => bytesOf(catalogue.codes.map((record) => record[key]));

builder.node(StatusCode, {
  description: 'An HTTP status code: what it means, where it is defined and how to use it.',
  id: {
    resolve: (record) => record.code,
    extensions: cost({
      bytes: bytesOf(catalogue.codes.map(({ code }) => Buffer.from(`StatusCode:${code}`).toString('base64'))),
      work: globalIdWork,
    }),
  },
  loadOne: (id) => catalogue.byCode.get(Number(id)) ?? null,
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'registration' in value,
  fields: (t) => ({
    code: t.exposeInt('code', {
      description: 'The three-digit number, e.g. 404.',
      extensions: cost({ bytes: bytesOfEvery('code') }),
    }),
    phrase: t.exposeString('phrase', {
      description: "The reason phrase as the IANA registry spells it, or the vendor's phrase for an unofficial code.",
      extensions: cost({ bytes: bytesOfEvery('phrase') }),
    }),
    title: t.string({
      description: 'Code and phrase as they appear on a status line: "404 Not Found".',
      resolve: (record) => `${record.code} ${record.phrase}`,
      extensions: cost({ bytes: bytesOf(catalogue.codes.map((record) => `${record.code} ${record.phrase}`)) }),
    }),
    commonName: t.string({
      description:
        'The name people know the code by: its phrase, or for a code the registry lists as "(Unused)" the phrase it had: "I\'m a teapot" for 418.',
      resolve: commonNameOf,
      extensions: cost({ bytes: bytesOf(catalogue.codes.map(commonNameOf)) }),
    }),
    statusClass: t.field({
      type: StatusClass,
      description: 'The class the code belongs to.',
      // Every catalogued code lies in 100-599, which the catalogue test checks.
      resolve: (record) => classOf(record.code)!,
      extensions: cost({}),
    }),
    description: t.exposeString('description', {
      description: 'What the code means, in plain words.',
      extensions: cost({ bytes: bytesOfEvery('description') }),
    }),
    commonUsage: t.exposeString('commonUsage', {
      description: 'A typical situation in API design where this code is the right answer.',
      extensions: cost({ bytes: bytesOfEvery('commonUsage') }),
    }),
    registration: t.field({
      type: Registration,
      description: 'Its standing in the IANA HTTP Status Code Registry.',
      resolve: (record) => record,
      extensions: cost({}),
    }),
    vendor: t.exposeString('vendor', {
      nullable: true,
      description: 'For an unofficial code, who uses it (nginx, Cloudflare, ...); null for registry codes.',
      extensions: cost({ bytes: bytesOfEvery('vendor') }),
    }),
    otherMeanings: t.field({
      type: [VendorMeaning],
      description: "Other vendors' meanings of the same number.",
      resolve: (record) => record.otherMeanings,
      extensions: cost({ length: lengthsOf(catalogue.codes.map((record) => record.otherMeanings)), owned: true }),
    }),
    formerPhrases: t.field({
      type: [FormerPhrase],
      description: 'Reason phrases the code had in earlier specifications.',
      resolve: (record) => record.formerPhrases,
      extensions: cost({ length: lengthsOf(catalogue.codes.map((record) => record.formerPhrases)), owned: true }),
    }),
    specification: t.field({
      type: Specification,
      nullable: true,
      description: 'The defining document; null for vendor codes.',
      resolve: (record) => record.specification,
      extensions: cost({ owned: true }),
    }),
    deprecation: t.field({
      type: Deprecation,
      nullable: true,
      description:
        'Why the code should not be used (deprecated, obsolete, reserved or retired: 102, 305, 306, 418, 420, 510, 527); null when it is current.',
      resolve: (record) => record.deprecation,
      extensions: cost({ owned: true }),
    }),
    bodyAllowed: t.exposeBoolean('bodyAllowed', {
      description: 'Whether the response may carry content; false for 1xx, 204, 205 and 304.',
      extensions: cost({ bytes: fixed(5) }),
    }),
    cacheableByDefault: t.exposeBoolean('cacheableByDefault', {
      description: 'Whether caches may store the response without explicit freshness (RFC 9110 §15.1).',
      extensions: cost({ bytes: fixed(5) }),
    }),
    retryable: t.exposeBoolean('retryable', {
      description:
        'Whether a client may send the same request again, unchanged and with nobody acting first, and expect it may succeed (after the wait Retry-After gives, if any). False when the request must change, or a person must act first: sign in, free space, pick a variant.',
      extensions: cost({ bytes: fixed(5) }),
    }),
    retryAdvice: t.exposeString('retryAdvice', {
      description: 'When and how to retry, or why not.',
      extensions: cost({ bytes: bytesOfEvery('retryAdvice') }),
    }),
    headers: t.field({
      type: [ResponseHeader],
      description: 'Response headers that go with the code.',
      resolve: (record) => record.headers,
      extensions: cost({ length: lengthsOf(catalogue.codes.map((record) => record.headers)), owned: true }),
    }),
    synonyms: t.exposeStringList('synonyms', {
      description: 'Everyday phrasings people use for this code ("rate limit", "token expired"); search matches them.',
      extensions: cost({
        length: lengthsOf(catalogue.codes.map((record) => record.synonyms)),
        bytes: bytesOf(catalogue.codes.flatMap((record) => record.synonyms)),
        owned: true,
      }),
    }),
    confusedWith: t.field({
      type: [CodeConfusion],
      description: 'Codes easily mistaken for this one, each with what tells them apart.',
      resolve: (record) => record.confusedWith,
      extensions: cost({ length: lengthsOf(catalogue.codes.map((record) => record.confusedWith)), owned: true }),
    }),
    frameworkNames: t.field({
      type: [FrameworkName],
      description: 'What web frameworks and standard libraries call this code; search matches them too.',
      resolve: (record) => record.frameworkNames,
      extensions: cost({ length: lengthsOf(catalogue.codes.map((record) => record.frameworkNames)), owned: true }),
    }),
    liveExampleUrl: t.field({
      type: 'URL',
      description:
        'The address on this server that answers with this code, any method: `/status/429` is a 429 with its reason phrase and the headers listed here. A list picks one (`/status/200,503` at random, `/status/200:0.9,503:0.1` by weight) and `?sleep=` delays the answer; a 1xx is sent as an interim response before a final 200.',
      resolve: (record, _args, context) => new URL(`/status/${record.code}`, context.publicUrl).href,
      // The origin is PUBLIC_URL, which the configuration bounds to 200 characters.
      extensions: cost({ bytes: bytesOf(catalogue.codes.map((record) => `${'x'.repeat(200)}/status/${record.code}`)) }),
    }),
    exampleExchange: t.exposeString('exampleExchange', {
      description:
        'A typical request and the response with this code, written out as HTTP/1.1 messages over several lines.',
      extensions: cost({ bytes: bytesOfEvery('exampleExchange') }),
    }),
    symptoms: t.connection(
      {
        type: Symptom,
        description:
          'Error messages (log lines, browser errors, error pages) that come with this code, and what each means, by slug.',
        validate: pageArgs,
        resolve: (record, args) => pageOf(args, symptomsInOrder(record.symptoms), bySlug()),
        extensions: cost({
          owned: true,
          length: lengthsOf(catalogue.codes.map((record) => record.symptoms)),
          work: pageWork,
        }),
      },
      SymptomConnection,
    ),
  }),
});

export const StatusCodeSortKeyEnum = builder.enumType('StatusCodeSortKey', {
  description: 'What a list of status codes is sorted by; `reverse: true` turns the order round.',
  values: {
    CODE: { description: 'By number, lowest first.' },
    PHRASE: { description: 'By reason phrase, A to Z, then by number.' },
  },
});

/** A list of codes in the order a sort key and `reverse` ask for, with how its cursors compare. */
export function sortedCodes<T extends { code: number; phrase: string }>(
  codes: readonly T[],
  sortKey: 'CODE' | 'PHRASE',
  reverse: boolean,
) {
  const ordering = (sortKey === 'PHRASE' ? byPhrase<T>(reverse) : byCode<T>(reverse)) as Ordering<T, unknown>;
  const sorted = [...codes].sort((a, b) => ordering.compare(a, ordering.keyOf(b)));
  return { sorted, ordering };
}

/** Every list of codes is a page of this connection: `statusCodes`, a class's codes. */
export const StatusCodeConnection = builder.connectionObject(
  {
    type: StatusCode,
    name: 'StatusCodeConnection',
    description: 'A page of status codes.',
    fields: (tc) => ({
      totalCount: tc.int({
        description: 'How many codes the list holds, across all pages.',
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
        // At most every code.
        extensions: cost({ bytes: bytesOf([catalogue.codes.length]) }),
      }),
    }),
  },
  { name: 'StatusCodeEdge', description: 'A status code in a list, with its cursor.' },
);

builder.queryFields((t) => ({
  statusCode: t.field({
    type: StatusCode,
    nullable: true,
    description: 'One status code by number; null when nothing is catalogued at that number.',
    args: {
      code: t.arg.int({
        required: true,
        description: 'A number from 100 to 599.',
        validate: z.int().min(100, 'code must be between 100 and 599').max(599, 'code must be between 100 and 599'),
      }),
    },
    resolve: (_root, { code }) => catalogue.byCode.get(code) ?? null,
    extensions: cost({}),
  }),
  statusCodes: t.connection(
    {
      type: StatusCode,
      nullable: true,
      description:
        'Catalogued codes matching a filter, a page at a time: `first` or `last` says how many (at most 100).',
      args: {
        filter: t.arg({ type: StatusCodeFilterInput, description: 'Which codes to list; all when omitted.' }),
        sortKey: t.arg({
          type: StatusCodeSortKeyEnum,
          required: true,
          defaultValue: 'CODE',
          description: 'What the list is sorted by.',
        }),
        reverse: t.arg.boolean({ required: true, defaultValue: false, description: 'Whether to reverse the order.' }),
      },
      validate: pageArgs,
      extensions: cost({ owned: true, work: pageWork }),
      resolve: (_root, args) => {
        const matching = catalogue.codes.filter((record) => matchesFilter(record, args.filter ?? {}));
        const { sorted, ordering } = sortedCodes(matching, args.sortKey, args.reverse);
        return pageOf(args, sorted, ordering);
      },
    },
    StatusCodeConnection,
  ),
}));
