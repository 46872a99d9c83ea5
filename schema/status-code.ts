import { resolveArrayConnection } from '@pothos/plugin-relay';
import { z } from 'zod';
import { catalogue } from '../catalogue/catalogue.js';
import { classOf } from '../catalogue/classes.js';
import { matchesFilter } from '../catalogue/filter.js';
import { registrations, type StatusCodeRecord } from '../catalogue/records.js';
import { builder } from './builder.js';
import { bytesOf, cost, enumBytes, fixed, lengthsOf } from './cost.js';
import { maxPageSize, pageArgs } from './pagination.js';
import { CodeConfusion, FrameworkName } from './code-guide.js';
import { StatusClass } from './status-class.js';
import { FormerPhrase, RegistrationEnum, ResponseHeader, Specification, VendorMeaning } from './status-code-details.js';
import { StatusCodeFilterInput } from './status-code-filter.js';
import { Symptom } from './symptom.js';

export const StatusCode = builder.objectRef<StatusCodeRecord>('StatusCode');

/** The sizes of one property of the records over every catalogued code. */
const bytesOfEvery = (key: keyof StatusCodeRecord) => bytesOf(catalogue.codes.map((record) => record[key]));

builder.node(StatusCode, {
  description: 'An HTTP status code: what it means, where it is defined and how to use it.',
  id: {
    resolve: (record) => record.code,
    extensions: cost({
      bytes: bytesOf(catalogue.codes.map(({ code }) => Buffer.from(`StatusCode:${code}`).toString('base64'))),
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
    class: t.field({
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
      nullable: true,
      description: 'A typical situation in API design where this code is the right answer.',
      extensions: cost({ bytes: bytesOfEvery('commonUsage') }),
    }),
    official: t.boolean({
      description: 'Whether the code is in the IANA HTTP Status Code Registry (permanently or temporarily).',
      resolve: (record) => record.registration !== 'UNOFFICIAL',
      extensions: cost({ bytes: fixed(5) }),
    }),
    registration: t.field({
      type: RegistrationEnum,
      description: 'Its standing in the IANA registry.',
      resolve: (record) => record.registration,
      extensions: cost({ bytes: enumBytes(registrations) }),
    }),
    registrationExpires: t.exposeString('registrationExpires', {
      nullable: true,
      description: 'For a temporary registration, the date (YYYY-MM-DD) it lapses unless renewed.',
      extensions: cost({ bytes: bytesOfEvery('registrationExpires') }),
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
    deprecated: t.exposeBoolean('deprecated', {
      description:
        'Whether the code is deprecated, obsoleted, retired or reserved as unused (102, 305, 306, 418, 420, 510, 527).',
      extensions: cost({ bytes: fixed(5) }),
    }),
    deprecationNote: t.exposeString('deprecationNote', {
      nullable: true,
      description: 'Why the code should not be used; null when it is current.',
      extensions: cost({ bytes: bytesOfEvery('deprecationNote') }),
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
    liveExamplePath: t.string({
      description:
        'The path on this server that answers with this code, any method: `/status/429` is a 429 with its reason phrase and the headers listed here. A list picks one (`/status/200,503` at random, `/status/200:0.9,503:0.1` by weight) and `?sleep=` delays the answer; a 1xx is sent as an interim response before a final 200.',
      resolve: (record) => `/status/${record.code}`,
      extensions: cost({ bytes: bytesOf(catalogue.codes.map((record) => `/status/${record.code}`)) }),
    }),
    exampleExchange: t.exposeString('exampleExchange', {
      description:
        'A typical request and the response with this code, written out as HTTP/1.1 messages over several lines.',
      extensions: cost({ bytes: bytesOfEvery('exampleExchange') }),
    }),
    symptoms: t.field({
      type: [Symptom],
      description:
        'Error messages (log lines, browser errors, error pages) that come with this code, and what each means.',
      resolve: (record) => record.symptoms,
      extensions: cost({ length: lengthsOf(catalogue.codes.map((record) => record.symptoms)), owned: true }),
    }),
  }),
});

export const StatusCodeOrderEnum = builder.enumType('StatusCodeOrder', {
  description: 'How to order a list of status codes.',
  values: {
    CODE_ASC: { description: 'By number, lowest first (the default).' },
    CODE_DESC: { description: 'By number, highest first.' },
    PHRASE_ASC: { description: 'By reason phrase, A to Z.' },
  },
});

const orderings = {
  CODE_ASC: (a: StatusCodeRecord, b: StatusCodeRecord) => a.code - b.code,
  CODE_DESC: (a: StatusCodeRecord, b: StatusCodeRecord) => b.code - a.code,
  PHRASE_ASC: (a: StatusCodeRecord, b: StatusCodeRecord) => a.phrase.localeCompare(b.phrase, 'en'),
};

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
      description: `Catalogued codes matching a filter, a page at a time (${maxPageSize} per page unless \`first\` says fewer).`,
      args: {
        filter: t.arg({ type: StatusCodeFilterInput, description: 'Which codes to list; all when omitted.' }),
        orderBy: t.arg({
          type: StatusCodeOrderEnum,
          defaultValue: 'CODE_ASC',
          description: 'The order of the list.',
        }),
      },
      validate: pageArgs,
      extensions: cost({ owned: true }),
      resolve: (_root, args) => {
        const codes = catalogue.codes
          .filter((record) => matchesFilter(record, args.filter ?? {}))
          .sort(orderings[args.orderBy ?? 'CODE_ASC']);
        return {
          ...resolveArrayConnection({ args, defaultSize: maxPageSize, maxSize: maxPageSize }, codes),
          totalCount: codes.length,
        };
      },
    },
    {
      name: 'StatusCodeConnection',
      description: 'A page of status codes.',
      fields: (tc) => ({
        totalCount: tc.int({
          description: 'How many codes match, across all pages.',
          resolve: (connection) => connection.totalCount,
          // At most every code.
          extensions: cost({ bytes: bytesOf([catalogue.codes.length]) }),
        }),
      }),
    },
    { name: 'StatusCodeEdge', description: 'A status code in a list, with its cursor.' },
  ),
}));
