import apiErrorsJson from './api-errors.json' with { type: 'json' };
import { catalogue } from './catalogue.js';

/** An error code or exception name an API or HTTP library answers with, and the status its response had. */
export interface ApiError {
  /** As it appears in the payload or the exception's class: "card_declined", "ThrottlingException". */
  name: string;
  /** The API or library: "Stripe API", "AWS DynamoDB", "Spring Framework". */
  vendor: string;
  status: number;
  /** In our own words. */
  meaning: string;
  /** The vendor's or library's own page that gives the status. */
  source: string;
}

/** The error codes and exceptions of widely used APIs and libraries (catalogue/api-errors.json), each sourced. */
export const apiErrors: readonly ApiError[] = apiErrorsJson;

/**
 * Whether a name is an identifier ("card_declined", "ThrottlingException", "NOT_FOUND",
 * "Octokit::NotFound", "Http404") rather than a plain word ("missing", "INTERNAL"), which would
 * answer every English question that uses it.
 */
const identifier = (name: string) => /[_:.]|[a-z][A-Z]|[A-Za-z]\d/.test(name);

/** A name's letters alone, lower case: "PermanentRedirect" and "Permanent Redirect" alike. */
const spelled = (name: string) => name.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** Which code each spelled phrase or former phrase belongs to. */
const phraseCodes = new Map(
  catalogue.codes.flatMap((record) =>
    [record.phrase, ...record.formerPhrases.map((former) => former.phrase)].map(
      (phrase) => [spelled(phrase), record.code] as const,
    ),
  ),
);
const spellsAnotherCode = (error: ApiError) => {
  const code = phraseCodes.get(spelled(error.name));
  return code !== undefined && code !== error.status;
};

/** Each code's phrases, spelled: what a name that restates its status holds. */
const spelledPhrases = new Map(
  catalogue.codes.map((record) => [
    record.code,
    [record.phrase, ...record.formerPhrases.map((former) => former.phrase)].map(spelled),
  ]),
);
/**
 * A name that restates its own status's phrase (`PayloadTooLargeException`, `NotAcceptable`) adds
 * nothing the phrase does not say, but would count the phrase's words again, thrice weighed: enough
 * for "Accepted" to find 406.
 */
const restatesItsPhrase = (error: ApiError) =>
  (spelledPhrases.get(error.status) ?? []).some((phrase) => spelled(error.name).includes(phrase));

/** By code, worked out once: search reads them for its index and for its names. */
const namesByCode = new Map<number, string[]>();
for (const error of apiErrors)
  if (identifier(error.name) && !spellsAnotherCode(error) && !restatesItsPhrase(error))
    namesByCode.set(error.status, [...(namesByCode.get(error.status) ?? []), error.name]);

/**
 * The names search reads for a code: the API errors whose responses carry it, identifiers only, none
 * that spells another code's phrase (S3's PermanentRedirect is a 301, not 308 Permanent Redirect)
 * and none that restates its own.
 */
export const apiErrorNamesOf = (code: number): readonly string[] => namesByCode.get(code) ?? [];
