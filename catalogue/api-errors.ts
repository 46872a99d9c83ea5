import apiErrorsJson from './api-errors.json' with { type: 'json' };
import { catalogue } from './catalogue.js';
import { identifiersOf, stemsOf } from './terms.js';
import { familyOf, namingWordsOf } from './vendor-words.js';

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
  /** The fixed text the response or exception carries, as developers paste it: "Bad credentials". */
  message?: string;
}

/** The error codes and exceptions of widely used APIs and libraries (catalogue/api-errors.json), each sourced. */
export const apiErrors: readonly ApiError[] = apiErrorsJson;

/**
 * Whether a name is an identifier ("card_declined", "ThrottlingException", "NOT_FOUND",
 * "Octokit::NotFound", "Http404") rather than a plain word ("missing", "INTERNAL"), which would
 * answer every English question that uses it.
 */
const identifier = (name: string) => /[_:.]|[a-z][A-Z]|[A-Za-z]\d/.test(name);

/** A word in capitals, as error codes are written ("THROTTLED", "UNAVAILABLE"), longer than the acronyms people type ("CSRF", "HTTPS"). */
const shouted = /^[A-Z]{6,}$/;

/** A name of one capitalised word, which a query holds as a payload's value: APNs' "Unregistered". */
const valueWord = /^[A-Z][a-z]{5,}$/;
/**
 * Such a name as the lift looks it up: apart from identifiers, so that a line's shouted "WORKER
 * TIMEOUT" is no vendor's "Timeout".
 */
const valueKey = (word: string) => `"${word.toLowerCase()}"`;

/** A payload's value as the lift looks it up, when it names some error: a single word or a fixed message. */
export const valueKeyOf = (value: string): string | undefined =>
  identified.has(valueKey(value)) ? valueKey(value) : undefined;

/** A name's letters alone, lower case: "PermanentRedirect" and "Permanent Redirect" alike. */
const spelled = (name: string) => name.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/**
 * Tags joined by slashes, as Dropbox (`path/not_found`) and Firebase (`storage/object-not-found`)
 * name errors, read whole: their last part alone ("not_found") is every vendor's 404.
 */
const tagPath = /\b[A-Za-z][\w-]*(?:\/[A-Za-z][\w-]*)+/g;
/** The tag paths a text holds, each as the lift looks it up. */
export const tagPathsOf = (text: string, limit = Infinity): string[] =>
  [...text.matchAll(tagPath)].slice(0, limit).map(([path]) => `/${spelled(path)}`);

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

/** A code's phrase and former phrases, as written. */
const phrasesOf = (code: number) => {
  const record = catalogue.byCode.get(code);
  return record ? [record.phrase, ...record.formerPhrases.map((former) => former.phrase)] : [];
};
/** The same, as patterns that find them among other words, whatever their case and spacing. */
const spelledPhrasesOf = (code: number) =>
  phrasesOf(code).map((phrase) => `\\b${phrase.replace(/[^\p{L}\p{N}]+/gu, '[^\\p{L}\\p{N}]*')}\\b`);
/** Each code's phrases, spelled: what a name that restates its status holds. */
const spelledPhrases = new Map(catalogue.codes.map((record) => [record.code, phrasesOf(record.code).map(spelled)]));
/**
 * A name that restates its own status's phrase (`PayloadTooLargeException`, `NotAcceptable`) adds
 * nothing the phrase does not say, but would count the phrase's words again, thrice weighed: enough
 * for "Accepted" to find 406.
 */
const restatesItsPhrase = (error: ApiError) =>
  (spelledPhrases.get(error.status) ?? []).some((phrase) => spelled(error.name).includes(phrase));
/**
 * A name that is its status's phrase and nothing more (`BadRequest`, `createError.Forbidden`): that
 * is the phrase's to find, and a log's category `Kestrel.BadRequests` is not a 400 when its message
 * is 431's. `NotFoundError` says more.
 */
const isItsPhrase = (error: ApiError) => {
  const name = spelled(partsOf(error.name).last).replace(/s$/, '');
  return (spelledPhrases.get(error.status) ?? []).includes(name);
};

/**
 * A message's own words, without its status's phrase ("Forbidden: bot was blocked by the user" is
 * "bot was blocked by the user"), when two or more remain: the phrase is already the code's name.
 */
function ownWordsOf(error: ApiError): string | undefined {
  let words = error.message ?? '';
  for (const phrase of spelledPhrasesOf(error.status)) words = words.replace(new RegExp(phrase, 'giu'), ' ');
  words = words.replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
  return words.split(' ').length >= 2 ? words : undefined;
}

/** By code, worked out once: search reads them for its index and for its names. */
const namesByCode = new Map<number, string[]>();
const addName = (code: number, name: string) => namesByCode.set(code, [...(namesByCode.get(code) ?? []), name]);
for (const error of apiErrors) {
  if (identifier(error.name) && !spellsAnotherCode(error) && !restatesItsPhrase(error))
    addName(error.status, error.name);
  const ownWords = ownWordsOf(error);
  if (ownWords !== undefined && !namesByCode.get(error.status)?.includes(ownWords)) addName(error.status, ownWords);
}

/** An identifier's entry as the lift reads it: its status, the words of its vendor's name, and whether it spells its phrase. */
interface IdentifiedStatus {
  status: number;
  vendorWords: ReadonlySet<string>;
  spellsItsPhrase: boolean;
  /**
   * Whether the vendor is a standard ("OAuth 2.0 token endpoint (RFC 6749)") or the errors a cloud's
   * services share ("AWS APIs (common errors)"), which the others follow or depart from.
   */
  standard: boolean;
  /** The vendor's name by its first word, whole and lower case: "stripe" of "Stripe Ruby library". */
  firstWord: string;
  /** The name's last part as the vendor writes it: Firebase's "EMAIL_EXISTS", Supabase's "email_exists". */
  written: string;
  /** Whether the name spells another code's phrase: S3's PermanentRedirect is a 301, not 308's. */
  spellsAnotherCode: boolean;
}

/** A name's namespace and last part: `Aws::STS::Errors::ExpiredToken`, `rest_framework.exceptions.NotFound`. */
function partsOf(name: string): { namespace: string[]; last: string } {
  const parts = name.split(/\.|::|\\/);
  return { last: parts.pop() ?? '', namespace: parts };
}

/** An entry as the lift reads it, the vendor's name with `vendorWords` added to it. */
const entryOf = (error: ApiError, vendorWords: readonly string[], spellsItsPhrase: boolean): IdentifiedStatus => ({
  status: error.status,
  vendorWords: new Set([...namingWordsOf(error.vendor), ...vendorWords]),
  spellsItsPhrase,
  // A standard, or the errors a cloud's services share unless one says otherwise.
  standard: /\(RFC \d+\)|\(common\b/.test(error.vendor),
  firstWord: familyOf(error.vendor),
  written: partsOf(error.name).last,
  spellsAnotherCode: spellsAnotherCode(error),
});

/**
 * Each error identifier as a query reads it whole (`resource_missing` as "resourcemissing",
 * `Aws::STS::Errors::ExpiredToken` by its last part), with its entries' statuses and vendors.
 */
const symptomMessages = new Set(catalogue.symptoms.map((symptom) => spelled(symptom.message)));
/**
 * A message of one word in lower case is an everyday word, whoever prints it: CouchDB's "missing"
 * is every validation error's "type":"missing" too.
 */
const everydayWord = (message: string) => /^[a-z]+\.?$/.test(message);
const identified = new Map<string, IdentifiedStatus[]>();
for (const error of apiErrors) {
  // A fixed message given whole as a payload's value names its error too: GitHub's
  // "message":"Validation Failed" is its 422. Not a message that is its status's phrase, nor one
  // that other software prints too (Kong's "API rate limit exceeded" is a 429).
  if (
    error.message !== undefined &&
    !everydayWord(error.message) &&
    !(spelledPhrases.get(error.status) ?? []).includes(spelled(error.message)) &&
    !symptomMessages.has(spelled(error.message))
  ) {
    const key = valueKey(error.message);
    identified.set(key, [...(identified.get(key) ?? []), entryOf(error, [], false)]);
  }
  // A code in capitals is read whole too (gRPC's UNAVAILABLE, Shopify's THROTTLED): a query holds
  // it as written, not as the everyday word.
  const tagged = tagPathsOf(error.name).includes(`/${spelled(error.name)}`);
  if (!(identifier(error.name) || tagged || shouted.test(error.name) || valueWord.test(error.name))) continue;
  // By its last part; a single word as a payload's value holds it ("reason":"Unregistered").
  const { namespace, last } = partsOf(error.name);
  // Not a compound word inside a message ("Non-gRPC request matched gRPC route" is no `gRPC`).
  const whole = tagged
    ? `/${spelled(error.name)}`
    : /\s/.test(last.trim())
      ? undefined
      : (identifiersOf(last)[0] ?? (valueWord.test(last) ? valueKey(last) : undefined));
  if (whole === undefined) continue;
  // A qualified name's namespace names its vendor too: "Illuminate" is Laravel's.
  const entry = entryOf(error, stemsOf(namespace.join(' ')), isItsPhrase(error));
  identified.set(whole, [...(identified.get(whole) ?? []), entry]);
}

/** A text's words, lower case, in order: what a message is looked for among. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The fixed messages by their first word: a line that holds one and names its vendor says that
 * error's status ("Stripe::InvalidRequestError: No such customer" is Stripe's 404, whatever the
 * class; Mailgun's "Forbidden" body its 401). Not a message that is its status's phrase; one other
 * software prints too only with its vendor named.
 */
const messagesByFirstWord = new Map<
  string,
  { words: string[]; entry: IdentifiedStatus; printedElsewhere: boolean }[]
>();
for (const error of apiErrors) {
  const words = wordsOf(error.message ?? '');
  if (
    words.length === 0 ||
    everydayWord(error.message!) ||
    (spelledPhrases.get(error.status) ?? []).includes(spelled(error.message!))
  )
    continue;
  messagesByFirstWord.set(words[0]!, [
    ...(messagesByFirstWord.get(words[0]!) ?? []),
    { words, entry: entryOf(error, [], false), printedElsewhere: symptomMessages.has(spelled(error.message!)) },
  ]);
}

/**
 * The words of vendors' names and namespaces that name few vendors, each counted by its family (the
 * first word of its name): "dropbox", "shopify" however many Shopify APIs there are, "gateway" of
 * Amazon's, Kong's and Tyk's; unlike "api", "cloud" or a namespace's "exceptions", which a payload
 * holds whatever its vendor.
 */
const vendorsOfWord = new Map<string, Set<string>>();
for (const error of apiErrors)
  for (const word of [...namingWordsOf(error.vendor), ...stemsOf(partsOf(error.name).namespace.join(' '))])
    vendorsOfWord.set(word, (vendorsOfWord.get(word) ?? new Set()).add(familyOf(error.vendor)));
const distinctive = (word: string) => (vendorsOfWord.get(word)?.size ?? 0) <= 3;

/** Whether the query names an entry's vendor by a word that names few vendors. */
const namedBy = (entry: IdentifiedStatus, queryWords: ReadonlySet<string>) =>
  [...entry.vendorWords].some((word) => distinctive(word) && queryWords.has(word));

/**
 * The status an identifier held whole says: the one all its entries give, unless one spells its
 * phrase ("BadRequest": that is the phrase's to find, and a log's category `Kestrel.BadRequests`
 * is not a 400 when its message is 431's); or, where they differ (`ResourceNotFoundException` is
 * 400 in DynamoDB, 404 in Lambda), the one whose vendor the query alone names by a word the
 * others' vendors lack, and few vendors have ("client-dynamodb"); or, with no vendor named, the
 * standard's; otherwise none.
 */
export function statusOfIdentifier(
  whole: string,
  queryWords: ReadonlySet<string>,
  writtenWords: ReadonlySet<string> = new Set(),
): number | undefined {
  // A name that spells another code's phrase is that phrase's, unless the query names its vendor.
  const entries = (identified.get(whole) ?? []).filter(
    (entry) => !entry.spellsAnotherCode || namedBy(entry, queryWords),
  );
  const statuses = new Set(entries.map((entry) => entry.status));
  if (statuses.size <= 1) return entries.some((entry) => entry.spellsItsPhrase) ? undefined : entries[0]?.status;
  const named = entries.filter((entry) =>
    [...entry.vendorWords].some(
      (word) =>
        distinctive(word) &&
        queryWords.has(word) &&
        !entries.some((other) => other.status !== entry.status && other.vendorWords.has(word)),
    ),
  );
  const namedStatuses = new Set(named.map((entry) => entry.status));
  if (namedStatuses.size === 1) return named[0]!.status;
  // Or, named by nobody, the one the query writes in capitals exactly as its vendor does:
  // "EMAIL_EXISTS" is Firebase's 400, not Supabase's email_exists. Lower case is everyone's way.
  const asWritten =
    named.length === 0 ? entries.filter((entry) => /[A-Z]/.test(entry.written) && writtenWords.has(entry.written)) : [];
  if (asWritten.length > 0 && new Set(asWritten.map((entry) => entry.status)).size === 1) return asWritten[0]!.status;
  // Named by nobody, a standard's status holds: RFC 6749's invalid_grant is a 400, whatever Auth0
  // sends, and AWS's common ThrottlingException a 400 though Bedrock's is a 429.
  return named.length === 0 ? entries.find((entry) => entry.standard)?.status : undefined;
}

/** The vendors by the first word of their names. */
const vendorsByFirstWord = new Map<string, Set<string>>();
for (const { vendor } of apiErrors) {
  const first = familyOf(vendor);
  vendorsByFirstWord.set(first, (vendorsByFirstWord.get(first) ?? new Set()).add(vendor));
}

/**
 * Whether a qualified name in a query puts an identifier under another vendor's namespace:
 * `Stripe::InvalidRequestError` is Stripe's class, not Anthropic's `invalid_request_error`. Only a
 * namespace word that names few vendors counts (not "aws", "google" or "io").
 */
export function underAnotherVendor(whole: string, namespace: readonly string[]): boolean {
  const own = new Set((identified.get(whole) ?? []).map((entry) => entry.firstWord));
  return namespace.some((word) => {
    const vendors = vendorsByFirstWord.get(word);
    return word.length >= 4 && vendors !== undefined && vendors.size <= 3 && !own.has(word);
  });
}

/**
 * Whether the query names, by a distinctive word, a vendor of an identifier it holds: where a
 * payload holds several (Dropbox's Python SDK raises `ApiError` around `path/not_found`), the
 * named vendor's says the status.
 */
export function namesVendorOf(whole: string, queryWords: ReadonlySet<string>): boolean {
  return (identified.get(whole) ?? []).some((entry) => namedBy(entry, queryWords));
}

/** The errors a vendor numbers (Discord's 50001, Twilio's 21211, URLSession's -1012), by number. */
const numbered = new Map<string, IdentifiedStatus[]>();
for (const error of apiErrors)
  if (/^-?\d{2,6}$/.test(error.name))
    numbered.set(error.name, [...(numbered.get(error.name) ?? []), entryOf(error, [], false)]);

/**
 * The statuses of the numbered errors a text holds whose vendor the query names: a number alone
 * is anyone's ("DiscordAPIError[50001]" is Discord's 403, "Code=-1012" in NSURLErrorDomain a 401).
 */
export function statusesOfNumbers(text: string, queryWords: ReadonlySet<string>): number[] {
  const statuses = new Set<number>();
  // In a code's place only ("code": 21211, error 1020, [50013], Code=-1012, a docs URL's
  // /errors/20003): not a port or a size.
  for (const [, number] of text.matchAll(/(?:(?:code|error|errno|err)\b\W{0,3}?|\[|\/errors\/)(-?\d{2,6})\b/gi))
    for (const entry of numbered.get(number!) ?? []) if (namedBy(entry, queryWords)) statuses.add(entry.status);
  return statuses.size === 1 ? [...statuses] : [];
}

/** A message this long is its vendor's alone: a pasted line holding it names its error unnamed. */
const distinctiveMessageWords = 4;

/**
 * The statuses of the vendors' fixed messages a text holds, each with whether the query names its
 * vendor: a message says its status where the query names the vendor, or, pasted, where it is long
 * and all its entries agree ("is not a valid phone number" is Twilio's 400).
 */
export function statusesOfMessages(
  text: string,
  queryWords: ReadonlySet<string>,
  pasted: boolean,
): { status: number; named: boolean }[] {
  const words = wordsOf(text);
  // A word alone says too little in typed words, unless quoted as a body: "Shopify throttled" is no
  // GraphQL THROTTLED, but Mailgun's body "Forbidden" is its 401.
  const quoted = new Set(
    /["']/.test(text) ? [...text.matchAll(/["'](\p{L}+)["']/gu)].map((match) => match[1]!.toLowerCase()) : [],
  );
  const found: { status: number; named: boolean }[] = [];
  for (let at = 0; at < words.length; at += 1) {
    const candidates = messagesByFirstWord.get(words[at]!);
    if (candidates === undefined) continue;
    const held = candidates.filter(
      ({ words: message }) =>
        (message.length > 1 || pasted || quoted.has(words[at]!)) &&
        message.every((word, offset) => words[at + offset] === word),
    );
    for (const { words: message, entry, printedElsewhere } of held) {
      const named = namedBy(entry, queryWords);
      const agreed = held.every(
        (other) => other.words.length !== message.length || other.entry.status === entry.status,
      );
      if (named || (pasted && agreed && !printedElsewhere && message.length >= distinctiveMessageWords))
        found.push({ status: entry.status, named });
    }
  }
  return found;
}

/**
 * The names search reads for a code: the API errors whose responses carry it, identifiers only, none
 * that spells another code's phrase (S3's PermanentRedirect is a 301, not 308 Permanent Redirect)
 * and none that restates its own; and their fixed messages, less the status's phrase.
 */
export const apiErrorNamesOf = (code: number): readonly string[] => namesByCode.get(code) ?? [];
