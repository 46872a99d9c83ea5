import { catalogue } from '../catalogue/catalogue.js';
import {
  deprecationKinds,
  headerRequirements,
  registrations,
  type DeprecationKind,
  type StatusCodeRecord,
  type FormerPhraseRecord,
  type HeaderRecord,
  type SpecificationRecord,
  type VendorMeaningRecord,
} from '../catalogue/records.js';
import { builder } from './builder.js';
import { bytesOf, cost, enumBytes, fixed } from './cost.js';

const specifications = catalogue.codes.flatMap((record) => record.specification ?? []);
const headers = catalogue.codes.flatMap((record) => record.headers);
const formerPhrases = catalogue.codes.flatMap((record) => record.formerPhrases);
const vendorMeanings = catalogue.codes.flatMap((record) => record.otherMeanings);

export const RegistrationStatusEnum = builder.enumType('RegistrationStatus', {
  description: 'Where a code stands in the IANA HTTP Status Code Registry.',
  values: {
    PERMANENT: { description: 'A permanent registry entry (including those marked deprecated or unused).' },
    TEMPORARY: { description: 'A temporary registration that lapses on `expiresOn` unless renewed.' },
    UNOFFICIAL: { description: 'Not in the registry: a number some vendor or product uses on its own.' },
  },
});

export const Registration = builder.objectRef<StatusCodeRecord>('Registration').implement({
  description: "A code's standing in the IANA HTTP Status Code Registry.",
  fields: (t) => ({
    status: t.field({
      type: RegistrationStatusEnum,
      description: 'Permanent, temporary or not registered at all.',
      resolve: (record) => record.registration,
      extensions: cost({ bytes: enumBytes(registrations) }),
    }),
    expiresOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'For a temporary registration, the day it lapses unless renewed; null otherwise.',
      resolve: (record) => record.registrationExpires,
      extensions: cost({ bytes: fixed(12) }),
    }),
  }),
});

const deprecationDescriptions: Record<DeprecationKind, string> = {
  DEPRECATED: 'The specification says not to use it (305 Use Proxy).',
  OBSOLETE: 'The specification that defined it was withdrawn or replaced without it (102, 510).',
  RESERVED: 'Reserved so the number is never reused, and never to be sent (306, 418).',
  RETIRED: 'The vendor that sent it no longer does (420, 527).',
};

export const DeprecationKindEnum = builder.enumType('DeprecationKind', {
  description: 'Why a code should not be used.',
  values: Object.fromEntries(
    deprecationKinds.map((kind) => [kind, { description: deprecationDescriptions[kind] }]),
  ) as Record<DeprecationKind, { description: string }>,
});

const deprecations = catalogue.codes.flatMap((record) => record.deprecation ?? []);

export const Deprecation = builder.objectRef<NonNullable<StatusCodeRecord['deprecation']>>('Deprecation').implement({
  description: 'Why a code should not be used, and what to do instead.',
  fields: (t) => ({
    kind: t.field({
      type: DeprecationKindEnum,
      description: 'Deprecated, obsolete, reserved or retired.',
      resolve: (deprecation) => deprecation.kind,
      extensions: cost({ bytes: enumBytes(deprecationKinds) }),
    }),
    reason: t.exposeString('reason', {
      description: 'Who said so and why, in a sentence.',
      extensions: cost({ bytes: bytesOf(deprecations.map((deprecation) => deprecation.reason)) }),
    }),
  }),
});

export const HeaderRequirementEnum = builder.enumType('HeaderRequirement', {
  description: 'How strongly the specification ties a header to a code (RFC 2119 keywords).',
  values: {
    MUST: { description: 'The specification requires the header.' },
    SHOULD: { description: 'The specification recommends the header.' },
    MAY: { description: 'The specification allows the header.' },
    DEFINITION: {
      description:
        'No requirement keyword, but the specification defines the code by the header: without it the response says nothing a client can act on (303 and Location).',
    },
    CONVENTION: { description: 'No requirement, but APIs commonly send it.' },
  },
});

const citationOf = (spec: SpecificationRecord) => (spec.section ? `${spec.document} §${spec.section}` : spec.document);

export const Specification = builder.objectRef<SpecificationRecord>('Specification').implement({
  description: 'The document that defines a status code.',
  fields: (t) => ({
    document: t.exposeString('document', {
      description: 'The document, e.g. "RFC 9110".',
      extensions: cost({ bytes: bytesOf(specifications.map((spec) => spec.document)) }),
    }),
    section: t.exposeString('section', {
      nullable: true,
      description: 'The section number, e.g. "15.5.5"; null when the whole document defines the code.',
      extensions: cost({ bytes: bytesOf(specifications.map((spec) => spec.section)) }),
    }),
    url: t.field({
      type: 'URL',
      resolve: (spec) => spec.url,
      description: 'A link to the defining text.',
      extensions: cost({ bytes: bytesOf(specifications.map((spec) => spec.url)) }),
    }),
    citation: t.string({
      description: 'Document and section in one line, e.g. "RFC 9110 §15.5.5".',
      resolve: (spec) => citationOf(spec),
      extensions: cost({ bytes: bytesOf(specifications.map(citationOf)) }),
    }),
  }),
});

export const ResponseHeader = builder.objectRef<HeaderRecord>('ResponseHeader').implement({
  description: 'A response header that goes with a status code.',
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'The header field name, e.g. "Retry-After".',
      extensions: cost({ bytes: bytesOf(headers.map((header) => header.name)) }),
    }),
    requirement: t.field({
      type: HeaderRequirementEnum,
      description: 'How strongly the specification asks for it.',
      resolve: (header) => header.requirement,
      extensions: cost({ bytes: enumBytes(headerRequirements) }),
    }),
    note: t.exposeString('note', {
      description: 'What the header carries with this code.',
      extensions: cost({ bytes: bytesOf(headers.map((header) => header.note)) }),
    }),
  }),
});

export const FormerPhrase = builder.objectRef<FormerPhraseRecord>('FormerPhrase').implement({
  description: 'A reason phrase the code carried in an earlier specification. Still searchable.',
  fields: (t) => ({
    phrase: t.exposeString('phrase', {
      description: 'The earlier reason phrase.',
      extensions: cost({ bytes: bytesOf(formerPhrases.map((former) => former.phrase)) }),
    }),
    source: t.exposeString('source', {
      description: 'Where it was used, e.g. "RFC 7231".',
      extensions: cost({ bytes: bytesOf(formerPhrases.map((former) => former.source)) }),
    }),
  }),
});

export const VendorMeaning = builder.objectRef<VendorMeaningRecord>('VendorMeaning').implement({
  description: 'Another meaning a vendor gives the same number.',
  fields: (t) => ({
    vendor: t.exposeString('vendor', {
      description: 'Who uses the number this way.',
      extensions: cost({ bytes: bytesOf(vendorMeanings.map((meaning) => meaning.vendor)) }),
    }),
    phrase: t.exposeString('phrase', {
      description: 'Their reason phrase.',
      extensions: cost({ bytes: bytesOf(vendorMeanings.map((meaning) => meaning.phrase)) }),
    }),
    description: t.exposeString('description', {
      description: 'What they mean by it.',
      extensions: cost({ bytes: bytesOf(vendorMeanings.map((meaning) => meaning.description)) }),
    }),
  }),
});
