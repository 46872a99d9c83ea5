import { catalogue } from '../catalogue/catalogue.js';
import { statusClassByKind, statusClasses } from '../catalogue/classes.js';
import { statusClassKinds, type StatusClassRecord } from '../catalogue/records.js';
import { builder } from './builder.js';
import { bytesOf, cost, enumBytes, lengthsOf } from './cost.js';
import { byCode, globalIdWork, pageArgs, pageOf, pageWork } from './pagination.js';
import { StatusCode, StatusCodeConnection } from './status-code.js';

/** The five classes as a GraphQL enum. */
export const StatusClassKindEnum = builder.enumType('StatusClassKind', {
  description: 'The five classes of HTTP status codes, named by their first digit (RFC 9110 section 15).',
  values: {
    INFORMATIONAL: { description: '1xx: interim responses.' },
    SUCCESS: { description: '2xx: the request worked.' },
    REDIRECTION: { description: '3xx: the client must take another step.' },
    CLIENT_ERROR: { description: '4xx: the request is at fault.' },
    SERVER_ERROR: { description: '5xx: the server failed.' },
  } satisfies Record<(typeof statusClassKinds)[number], { description: string }>,
});

export const StatusClass = builder.objectRef<StatusClassRecord>('StatusClass');

const codesOf = (statusClass: StatusClassRecord) => catalogue.byClass.get(statusClass.kind) ?? [];

builder.node(StatusClass, {
  description: 'A class of status codes sharing a first digit, such as 4xx Client Error.',
  id: {
    resolve: (statusClass) => statusClass.kind,
    extensions: cost({
      bytes: bytesOf(statusClasses.map(({ kind }) => Buffer.from(`StatusClass:${kind}`).toString('base64'))),
      work: globalIdWork,
    }),
  },
  loadOne: (id) => statusClasses.find((statusClass) => statusClass.kind === id) ?? null,
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'minCode' in value,
  fields: (t) => ({
    kind: t.field({
      type: StatusClassKindEnum,
      description: 'The class as an enum value.',
      resolve: (c) => c.kind,
      extensions: cost({ bytes: enumBytes(statusClassKinds) }),
    }),
    range: t.exposeString('range', {
      description: 'The class as written in prose: "4xx".',
      extensions: cost({ bytes: bytesOf(statusClasses.map((c) => c.range)) }),
    }),
    label: t.exposeString('label', {
      description: 'The class name: "Client Error".',
      extensions: cost({ bytes: bytesOf(statusClasses.map((c) => c.label)) }),
    }),
    description: t.exposeString('description', {
      description: 'What a response of this class tells the client.',
      extensions: cost({ bytes: bytesOf(statusClasses.map((c) => c.description)) }),
    }),
    minCode: t.exposeInt('minCode', {
      description: 'The lowest code the class can hold: 400 for 4xx.',
      extensions: cost({ bytes: bytesOf(statusClasses.map((c) => c.minCode)) }),
    }),
    maxCode: t.exposeInt('maxCode', {
      description: 'The highest code the class can hold: 499 for 4xx.',
      extensions: cost({ bytes: bytesOf(statusClasses.map((c) => c.maxCode)) }),
    }),
    codes: t.connection(
      {
        type: StatusCode,
        description:
          'The catalogued codes in this class, official or not, by number: `first` or `last` says how many; `totalCount` counts them all.',
        validate: pageArgs,
        resolve: (statusClass, args) => pageOf(args, codesOf(statusClass), byCode(false)),
        extensions: cost({ owned: true, length: lengthsOf(statusClasses.map(codesOf)), work: pageWork }),
      },
      StatusCodeConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  statusClass: t.field({
    type: StatusClass,
    nullable: true,
    description: 'One status class by its kind.',
    args: { kind: t.arg({ type: StatusClassKindEnum, required: true, description: 'Which class.' }) },
    resolve: (_root, { kind }) => statusClassByKind(kind),
    extensions: cost({}),
  }),
  statusClasses: t.field({
    type: [StatusClass],
    description: 'All five status classes, 1xx to 5xx.',
    resolve: () => statusClasses,
    extensions: cost({ length: lengthsOf([statusClasses]), owned: true }),
  }),
}));
