import { z } from 'zod';

const text = z.string().trim().min(1);

/** The five classes of RFC 9110 section 15, keyed by their GraphQL enum value. */
export const statusClassKinds = ['INFORMATIONAL', 'SUCCESS', 'REDIRECTION', 'CLIENT_ERROR', 'SERVER_ERROR'] as const;
export type StatusClassKind = (typeof statusClassKinds)[number];

/** Where a code stands in the IANA HTTP Status Code Registry. */
export const registrations = ['PERMANENT', 'TEMPORARY', 'UNOFFICIAL'] as const;
export type Registration = (typeof registrations)[number];

/** How strongly a specification ties a response header to a code. */
/** Why a code should not be used: RFC 9110 deprecated it, its specification was obsoleted, it is reserved as unused, or its vendor retired it. */
export const deprecationKinds = ['DEPRECATED', 'OBSOLETE', 'RESERVED', 'RETIRED'] as const;
export type DeprecationKind = (typeof deprecationKinds)[number];

export const headerRequirements = ['MUST', 'SHOULD', 'MAY', 'DEFINITION', 'CONVENTION'] as const;

/** Stacks whose own names for the codes we list. */
export const frameworks = ['NODE', 'PYTHON', 'GO', 'DOTNET', 'SPRING', 'JAVA', 'RUST', 'RAILS'] as const;
export type Framework = (typeof frameworks)[number];

const specificationRecord = z.strictObject({
  document: text,
  section: text.nullable(),
  url: z.url(),
});

const formerPhraseRecord = z.strictObject({ phrase: text, source: text });

const vendorMeaningRecord = z.strictObject({ vendor: text, phrase: text, description: text });

const headerRecord = z.strictObject({
  name: text,
  requirement: z.enum(headerRequirements),
  note: text,
});

/** One status code as `status-codes.json` stores it. */
export const statusCodeRecord = z.strictObject({
  code: z.int().min(100).max(599),
  phrase: text,
  formerPhrases: z.array(formerPhraseRecord),
  registration: z.enum(registrations),
  registrationExpires: z.iso.date().nullable(),
  vendor: text.nullable(),
  otherMeanings: z.array(vendorMeaningRecord),
  description: text,
  commonUsage: text,
  specification: specificationRecord.nullable(),
  deprecation: z.strictObject({ kind: z.enum(deprecationKinds), reason: text }).nullable(),
  bodyAllowed: z.boolean(),
  cacheableByDefault: z.boolean(),
  retryable: z.boolean(),
  retryAdvice: text,
  headers: z.array(headerRecord),
});

const frameworkNameRecord = z.strictObject({
  framework: z.enum(frameworks),
  name: text,
  /** The release that introduced the name, when older releases lack it ("3.13"). */
  since: text.optional(),
});

const confusionRecord = z.strictObject({ code: z.int(), difference: text });

/** What helps people find and choose a code, as `code-guides.json` stores it. */
export const codeGuideRecord = z.strictObject({
  code: z.int().min(100).max(599),
  synonyms: z.array(text),
  confusedWith: z.array(confusionRecord),
  frameworkNames: z.array(frameworkNameRecord),
  exampleExchange: text,
});

/** The software whose message a symptom is. */
export const symptomSources = [
  'NGINX',
  'APACHE',
  'HAPROXY',
  'ENVOY',
  'TRAEFIK',
  'CADDY',
  'CLOUDFLARE',
  'AWS',
  'GOOGLE_CLOUD',
  'AZURE',
  'HEROKU',
  'VERCEL',
  'KUBERNETES',
  'CHROME',
  'FIREFOX',
  'SAFARI',
  'CURL',
  'NODE',
  'PYTHON',
  'JAVA',
  'DOTNET',
  'PHP',
  'PHP_FPM',
  'GO',
  'RUBY',
  'VARNISH',
  'FASTLY',
  'KONG',
  'SQUID',
  'NETLIFY',
  'FLY',
] as const;
export type SymptomSource = (typeof symptomSources)[number];

/**
 * An error message as people meet it (a log line, a browser error, an error page), the status
 * code the client sees with it, and what to check first; as `symptoms.json` stores it.
 */
export const symptomRecord = z.strictObject({
  /** kebab-case, unique: "nginx-upstream-prematurely-closed". */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  source: z.enum(symptomSources),
  /** Where it shows up: "error log", "browser console", "error page", "terminal". */
  seenIn: text,
  /** The message's fixed text exactly as the software prints it, without the variable parts. */
  message: text,
  /** A whole line as pasted, the message inside it with timestamp, addresses and numbers. */
  example: text,
  /** The status code the client sees. */
  code: z.int().min(100).max(599),
  /** What happened, in our own words. */
  meaning: text,
  /** The first thing to check, in our own words. */
  checkFirst: text,
  /** The vendor's documentation of the message or the setting behind it. */
  reference: z.url(),
});

export type SymptomRecord = z.infer<typeof symptomRecord>;
export type SpecificationRecord = z.infer<typeof specificationRecord>;
export type FormerPhraseRecord = z.infer<typeof formerPhraseRecord>;
export type VendorMeaningRecord = z.infer<typeof vendorMeaningRecord>;
export type HeaderRecord = z.infer<typeof headerRecord>;
export type FrameworkNameRecord = z.infer<typeof frameworkNameRecord>;
export type ConfusionRecord = z.infer<typeof confusionRecord>;
export type CodeGuideRecord = z.infer<typeof codeGuideRecord>;

/** A status code with its guide and its symptoms merged in: what the API serves. */
export type StatusCodeRecord = z.infer<typeof statusCodeRecord> &
  Omit<CodeGuideRecord, 'code'> & { symptoms: readonly SymptomRecord[] };

/** A status class with its range and our own description of it. */
export interface StatusClassRecord {
  kind: StatusClassKind;
  /** "4xx" */
  range: string;
  /** "Client Error" */
  label: string;
  description: string;
  minCode: number;
  maxCode: number;
}

/** A line of the seed page's quick guide. */
export interface QuickGuideRecord {
  situation: string;
  code: number;
}

/**
 * The name people know a code by: its phrase, or, for a code the registry lists as "(Unused)", the
 * phrase it had ("I'm a teapot" for 418, "Switch Proxy" for 306).
 */
export const commonNameOf = (record: StatusCodeRecord): string =>
  record.phrase === '(Unused)' ? (record.formerPhrases[0]?.phrase ?? record.phrase) : record.phrase;
