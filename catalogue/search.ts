import MiniSearch, { type SearchResult } from 'minisearch';
import type { Catalogue } from './catalogue.js';
import { statusClasses } from './classes.js';
import { withoutLogNoise } from './log-noise.js';
import { otherLanguageNames } from './other-languages.js';
import { situationsOf } from './situations.js';
import { vendorSituations, vendorsNamedBy } from './vendor-situations.js';
import { createVendorSituationSearch } from './vendor-situation-search.js';
import {
  apiErrorNamesOf,
  namesVendorOf,
  statusOfIdentifier,
  statusesOfMessages,
  statusesOfNumbers,
  tagPathsOf,
  underAnotherVendor,
  valueKeyOf,
} from './api-errors.js';
import { ownStatus } from './status-field.js';
import type { StatusCodeRecord, SymptomRecord } from './records.js';
import { searchTuning, type SearchField, type SearchTuning } from './search-tuning.js';
import { createSymptomSearch } from './symptom-search.js';
import {
  accented,
  identifiersOf,
  indexedStems,
  normalizeWord,
  otherLanguageTerm,
  processIndexTerm,
  processQueryTerm,
  stemsOf,
  tokenize,
} from './terms.js';

/** One ranked answer to a search, best first. */
export interface SearchHit {
  record: StatusCodeRecord;
  score: number;
  /** Field name to the catalogue words (lower-cased, American spelling) that matched in it. */
  matches: ReadonlyMap<string, readonly string[]>;
  /** The symptoms of this code whose message the query holds (a pasted log line), best first. */
  symptoms: readonly SymptomRecord[];
}

/** A search over the whole catalogue: a query in, ranked hits out. */
export type SearchCatalogue = (query: string) => SearchHit[];

type SearchDocument = { code: number } & Record<SearchField, string>;

const searchFields = Object.keys(searchTuning.fieldBoosts) as SearchField[];

/**
 * The names of a code (phrase, former phrases, synonyms, framework names, and a framework name's
 * constant without its type or module, as people type it: "RedirectMethod"), and its names in
 * other languages that hold a word English lacks ("HTTP a HTTPS" is no name "https" of 301), each
 * as its query stems.
 */
function namesOf(record: StatusCodeRecord, english: ReadonlySet<string>): string[][] {
  return [
    ...[
      record.phrase,
      ...record.formerPhrases.map((former) => former.phrase),
      ...record.synonyms,
      ...apiErrorNamesOf(record.code),
      ...record.frameworkNames.flatMap((entry) => [entry.name, entry.name.split(/\.|::/).pop() ?? '']),
    ].map(stemsOf),
    ...otherLanguageNames(record.code)
      .map(stemsOf)
      .filter((name) => name.some((stem) => !english.has(stem))),
  ].filter((name) => name.length > 0);
}

/** A code's searchable fields, as the index holds them. */
export function searchableTexts(record: StatusCodeRecord): Record<SearchField, string> {
  return {
    number: String(record.code),
    phrase: record.phrase,
    formerPhrases: record.formerPhrases.map((former) => former.phrase).join(' '),
    synonyms: record.synonyms.join(' '),
    vendors: [record.vendor ?? '', ...record.otherMeanings.flatMap((meaning) => [meaning.vendor, meaning.phrase])].join(
      ' ',
    ),
    frameworkNames: record.frameworkNames.map((entry) => entry.name).join('\n'),
    headers: record.headers.map((header) => header.name).join(' '),
    description: record.description,
    commonUsage: record.commonUsage,
    otherLanguages: otherLanguageNames(record.code).join('\n'),
    situations: situationsOf(record.code).join('\n'),
    apiErrors: apiErrorNamesOf(record.code).join('\n'),
  };
}

const toDocument = (record: StatusCodeRecord): SearchDocument => ({ code: record.code, ...searchableTexts(record) });

/** Words of the other languages that say nothing of a code (articles, prepositions, negations). */
const otherLanguageFunctionWords = new Set(
  `de di da do du des del della dei la le les el los las lo il gli o a e y et en um uma un une una no na nao non ne pas
  nicht kein keine zu der die das den dem von mit im am per par pour para por que che ist est es sin sans senza ohne
  во на со ко по об от до из за или ни не для при без через над под`.split(/\s+/),
);

/**
 * Words that frame a question in the other languages rather than say its subject ("Statuscode",
 * "ステータス", "返回", "which", "to return"): "Multi-Status" names 207 in all of them, and
 * "nothing to return" 204.
 */
const otherLanguageQuestionWords = new Set(
  `statuscode status codigo estado codice stato statut code код статус ответа ステータス コード ステータスコード
  返す 返却 どれ 状态 状态码 代码 返回 哪个 什么 应该
  zurückgeben zurückgegeben welchen welcher welche devolver devuelvo devuelve retornar retorno retorna
  renvoyer renvoie retourner quel quelle restituire restituisco restituisce quale qual cual какой какой-то
  вернуть возвращать возвращает`
    .split(/\s+/)
    .flatMap((word) => processQueryTerm(word) ?? []),
);

/** The fields written in English: all but the other languages' names. */
const englishAndApiErrorFields = searchFields.filter((field) => field !== 'otherLanguages');

/** The words of some fields of the documents, as the index holds them. */
const indexTermsOf = (documents: readonly SearchDocument[], fields: readonly SearchField[]) =>
  new Set(
    documents.flatMap((document) =>
      fields.flatMap((field) => tokenize(document[field], field).flatMap((token) => processIndexTerm(token) ?? [])),
    ),
  );

/**
 * The documents with, in their other languages' names, no word the English fields hold: developers
 * of every language write "header", "proxy" or "timeout", and those words would otherwise count
 * again, in a field weighed like a phrase, for every English query that uses them. Function words
 * of the other languages go too.
 */
function withoutEnglishInOtherLanguages(documents: SearchDocument[], english: ReadonlySet<string>): SearchDocument[] {
  // As the index reads the word: "header" is English's; "connecté", written with accents, is French.
  const shared = (word: string) => {
    const term = otherLanguageTerm(word);
    return (
      term === null ||
      otherLanguageFunctionWords.has(normalizeWord(word) ?? '') ||
      (!accented(word) && english.has(term))
    );
  };
  return documents.map((document) => ({
    ...document,
    // Latin runs, inside a word of another script too ("Acceptヘッダー"), and Cyrillic words.
    otherLanguages: document.otherLanguages.replace(/\p{Script=Latin}+|\p{Script=Cyrillic}+/gu, (word) =>
      shared(word) ? ' ' : word,
    ),
  }));
}

/** Two searches' results as one: a code found by both scores their sum and holds both's matches. */
function merged(first: SearchResult[], second: SearchResult[]): SearchResult[] {
  const byId = new Map(first.map((result) => [result.id as number, result]));
  for (const result of second) {
    const earlier = byId.get(result.id as number);
    if (!earlier) byId.set(result.id as number, result);
    else {
      const match = { ...earlier.match };
      for (const [term, fields] of Object.entries(result.match)) match[term] = [...(match[term] ?? []), ...fields];
      byId.set(result.id as number, {
        ...earlier,
        score: earlier.score + result.score,
        terms: [...new Set([...earlier.terms, ...result.terms])],
        queryTerms: [...new Set([...earlier.queryTerms, ...result.queryTerms])],
        match,
      });
    }
  }
  return [...byId.values()].sort((a, b) => b.score - a.score);
}

/** The stems of the registry codes' own words, with how many codes use each. */
function officialStems(codes: readonly StatusCodeRecord[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const record of codes.filter((code) => code.registration !== 'UNOFFICIAL'))
    for (const stem of new Set(
      [
        record.phrase,
        record.description,
        record.commonUsage,
        ...record.synonyms,
        ...record.formerPhrases.map((former) => former.phrase),
      ].flatMap(stemsOf),
    ))
      frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  return frequency;
}

/**
 * The words that name a code's vendor and appear in no official code ("cloudflare", "esri",
 * "nginx"), with the codes each names: a query that names the vendor means the vendor's codes.
 * Words of two letters and a vendor's parenthesised remark ("no authoritative source") are not names.
 */
function vendorNames(codes: readonly StatusCodeRecord[], official: ReadonlyMap<string, number>): Map<string, number[]> {
  const codesByWord = new Map<string, number[]>();
  for (const record of codes) {
    const vendors = [record.vendor ?? '', ...record.otherMeanings.map((meaning) => meaning.vendor)].map((vendor) =>
      vendor.replace(/\([^)]*\)/g, ''),
    );
    for (const stem of new Set(vendors.flatMap(stemsOf)))
      if (stem.length > 2 && !official.has(stem))
        codesByWord.set(stem, [...(codesByWord.get(stem) ?? []), record.code]);
  }
  return codesByWord;
}

/** For each field of a document, its stems mapped back to the first word that produced them. */
function writtenForms(document: SearchDocument): Map<string, Map<string, string>> {
  return new Map(
    searchFields.map((field) => {
      const forms = new Map<string, string>();
      for (const token of tokenize(document[field], field)) {
        const word = normalizeWord(token);
        if (word === null) continue;
        for (const term of indexedStems(word)) if (!forms.has(term)) forms.set(term, word);
      }
      return [field, forms];
    }),
  );
}

/** "404" is one code; "4xx" or "4" a class; "40" or "40x" a run of ten codes. */
function numericRange(query: string): [number, number] | undefined {
  const exact = /^([1-5]\d\d)$/.exec(query);
  if (exact) return [Number(exact[1]), Number(exact[1])];
  const classPattern = /^([1-5])(?:xx)?$/i.exec(query);
  if (classPattern) {
    const statusClass = statusClasses[Number(classPattern[1]) - 1];
    return statusClass && [statusClass.minCode, statusClass.maxCode];
  }
  const decade = /^([1-5]\d)x?$/i.exec(query);
  if (decade) return [Number(decade[1]) * 10, Number(decade[1]) * 10 + 9];
  return undefined;
}

/** A status code as written among other words: "0511" in a log's "W0511" (May 11th) is not 511. */
const codeNumber = /^[1-5]\d\d$/;

/** A class or run written with x ("5xx", "40x") among other words narrows the words' results. */
const rangeToken = /^[1-5](?:xx|\dx)$/i;

function inRanges(code: number, ranges: ReadonlyArray<[number, number]>): boolean {
  return ranges.length === 0 || ranges.some(([min, max]) => code >= min && code <= max);
}

/** A hit whose matches are worked out only when asked for: a page shows a few of many hits. */
class RankedHit implements SearchHit {
  readonly symptoms: readonly SymptomRecord[] = [];
  #matches: ReadonlyMap<string, readonly string[]> | undefined;

  constructor(
    readonly record: StatusCodeRecord,
    readonly score: number,
    private readonly result: SearchResult,
    private readonly explain: (result: SearchResult) => ReadonlyMap<string, readonly string[]>,
  ) {}

  get matches(): ReadonlyMap<string, readonly string[]> {
    return (this.#matches ??= this.explain(this.result));
  }
}

/** A code listed for a number pattern: all such hits score alike and keep code order. */
function numberHit(record: StatusCodeRecord): SearchHit {
  return { record, score: 1, matches: new Map([['number', [String(record.code)]]]), symptoms: [] };
}

function byRelevance(a: SearchHit, b: SearchHit): number {
  return (
    b.score - a.score ||
    Number(a.record.registration === 'UNOFFICIAL') - Number(b.record.registration === 'UNOFFICIAL') ||
    a.record.code - b.record.code
  );
}

/** Builds the ranked full-text index once; the returned function searches it. */
export function createSearch(catalogue: Catalogue, tuning: SearchTuning = searchTuning): SearchCatalogue {
  const {
    fieldBoosts,
    phraseBoost,
    exactNameBoost,
    unofficialWeight,
    vendorNamedWeight,
    situationSentenceWeight,
    situationMinTerms,
    vendorSituationWeight,
    vendorSituationFullTerms,
    rarityExponent,
    symptomBoost,
    symptomRankWeight,
    identifierLift,
    typedApiErrorBoost,
    situationApiErrorBoost,
    otherLanguageStemLength,
    numberInTextBoost,
    typedMaxWords,
    vendorQuestionMaxWords,
    maxQueryTerms,
    maxWordLength,
  } = tuning;
  const matchSymptoms = createSymptomSearch(catalogue.symptoms, tuning);
  const written = catalogue.codes.map(toDocument);
  const englishTerms = indexTermsOf(written, englishAndApiErrorFields);
  const documents = withoutEnglishInOtherLanguages(written, englishTerms);
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    const terms = new Set(
      searchFields.flatMap((field) =>
        tokenize(document[field], field).flatMap((token) => processIndexTerm(token) ?? []),
      ),
    );
    for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  // Worked out once per catalogue word (MiniSearch asks for every term of every matching document);
  // a word the catalogue lacks is as rare as a word in one document.
  const rarest = Math.log(1 + documents.length);
  const rarityOf = (frequency: number) => (Math.log(1 + documents.length / frequency) / rarest) ** rarityExponent;
  const rarities = new Map([...documentFrequency].map(([term, frequency]) => [term, rarityOf(frequency)]));
  const rarity = (term: string) => rarities.get(term) ?? rarityOf(1);
  // By code, in an array: MiniSearch asks for every document of every term it matches.
  const documentWeights: number[] = [];
  for (const record of catalogue.codes)
    documentWeights[record.code] = record.registration === 'PERMANENT' && !record.deprecation ? 1 : unofficialWeight;
  const official = officialStems(catalogue.codes);
  const vendors = vendorNames(catalogue.codes, official);
  // Each code's phrase and former phrases, letters only, as a line names its status by them
  // ("Conflict", .NET's "NotFound"); the registry's code first where a vendor's shares its phrase
  // (AWS's 561 "Unauthorized").
  const phraseKey = (name: string) => name.replace(/[^A-Za-z]/g, '').toLowerCase();
  const codeOfPhrase = new Map<string, number>(
    [...catalogue.codes]
      .sort((a, b) => Number(a.registration !== 'UNOFFICIAL') - Number(b.registration !== 'UNOFFICIAL'))
      .flatMap(({ code, phrase, formerPhrases }) =>
        [phrase, ...formerPhrases.map((former) => former.phrase)].map((name) => [phraseKey(name), code] as const),
      ),
  );
  // The section that defines each code, as a problem details body links it ("RFC 9110 15.5.1").
  const codeOfSection = new Map<string, number>(
    catalogue.codes.flatMap(({ code, specification }) =>
      specification?.section ? [[`${specification.document} ${specification.section}`, code]] : [],
    ),
  );
  // API errors are searched apart, as written (a typed "req" would otherwise complete to the dozens
  // of Request… identifiers of 400), and typed words there only when the codes' fields lack one.
  const englishFields = englishAndApiErrorFields.filter((field) => field !== 'apiErrors');
  const namingFields = englishFields.filter((field) => field !== 'situations');
  /**
   * A word of another language as its names are matched: its first letters only, a crude stem
   * that lets "дубликате" meet "дубликат" and "autenticado" "autenticación"; Japanese and Chinese
   * words whole. Null for a word that frames the question.
   */
  const otherLanguageKey = (term: string | null): string | null => {
    if (term === null || otherLanguageQuestionWords.has(term)) return null;
    return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(term)
      ? term
      : term.slice(0, otherLanguageStemLength);
  };
  // The words of the other languages' names: a query holding none of them is not searched there.
  const otherLanguageTerms = new Set(
    documents.flatMap((document) =>
      tokenize(document.otherLanguages).flatMap((token) => otherLanguageKey(otherLanguageTerm(token)) ?? []),
    ),
  );
  // The words the codes' own fields hold: typed words all among them are the catalogue's, not a vendor's.
  const namedTerms = indexTermsOf(documents, englishFields);
  const index = new MiniSearch<SearchDocument>({
    idField: 'code',
    fields: searchFields,
    tokenize,
    // A name in another language is indexed as a query reads it, one form, so that it meets only
    // the same word: the English forms and stems would let "limitación" meet "limit".
    processTerm: (term, field) =>
      field === 'otherLanguages' ? otherLanguageKey(otherLanguageTerm(term)) : processIndexTerm(term),
    searchOptions: {
      processTerm: processQueryTerm,
      boost: fieldBoosts,
      // The last word may be unfinished while the user types; an earlier one the catalogue does not
      // know may be cut short on purpose ("perm redirect").
      prefix: (term, position, terms) =>
        term.length >= tuning.prefixMinLength && (position === terms.length - 1 || !documentFrequency.has(term)),
      // A word the catalogue knows is meant as written; an unknown one is likely a typo.
      fuzzy: (term) =>
        !documentFrequency.has(term) &&
        term.length >= tuning.fuzzyMinLength &&
        !/\d/.test(term) &&
        (term.length >= tuning.twoEditsMinLength ? 2 : 1),
      boostTerm: rarity,
      combineWith: 'OR',
      boostDocument: (code: number) => documentWeights[code] ?? 1,
    },
  });
  index.addAll(documents.map((document) => ({ ...document, apiErrors: '' })));
  // Its own index: its thousand identifiers in the main one would slow every typed word's prefixes
  // and typo corrections, which never reach them.
  const apiErrorIndex = new MiniSearch<SearchDocument>({
    idField: 'code',
    fields: ['apiErrors'],
    tokenize,
    processTerm: processIndexTerm,
    searchOptions: { boostTerm: rarity, combineWith: 'OR' },
  });
  apiErrorIndex.addAll(documents);
  const sentences = new MiniSearch<{ id: number; code: number; text: string }>({
    fields: ['text'],
    storeFields: ['code'],
    tokenize,
    processTerm: processIndexTerm,
    searchOptions: { processTerm: processQueryTerm, boostTerm: rarity, combineWith: 'OR' },
  });
  sentences.addAll(
    catalogue.codes
      .flatMap((record) => situationsOf(record.code).map((text) => ({ code: record.code, text })))
      .map((sentence, id) => ({ id, ...sentence })),
  );
  const searchVendorSituations = createVendorSituationSearch(
    vendorSituations.filter(({ status }) => catalogue.byCode.has(status)),
    rarity,
  );
  /** Per code, its best sentence among `results`, as a result of the code with the sentence's score times `weight`. */
  function bestOf(results: readonly SearchResult[], weight: number): SearchResult[] {
    const best = new Map<number, SearchResult>();
    for (const result of [...results].sort((a, b) => b.score - a.score)) {
      const code = result['code'] as number;
      if (best.has(code)) continue;
      const match = Object.fromEntries(Object.keys(result.match).map((term) => [term, ['situations']]));
      best.set(code, { ...result, id: code, score: result.score * weight, match });
    }
    return [...best.values()];
  }
  // Each name's distinct words, listed under every one of them, so a query reaches only the names
  // that share a word with it rather than every name of every code it matched.
  const namesByWord = new Map<string, { code: number; name: number; words: number }[]>();
  let nameCount = 0;
  for (const record of catalogue.codes) {
    for (const name of namesOf(record, englishTerms)) {
      const words = new Set(name);
      const entry = { code: record.code, name: nameCount++, words: words.size };
      for (const word of words) namesByWord.set(word, [...(namesByWord.get(word) ?? []), entry]);
    }
  }
  const forms = new Map(documents.map((document) => [document.code, writtenForms(document)]));

  function matchesOf(result: SearchResult): Map<string, string[]> {
    const byField = new Map<string, string[]>();
    for (const [term, fields] of Object.entries(result.match)) {
      for (const field of fields) {
        const word =
          forms
            .get(result.id as number)
            ?.get(field)
            ?.get(term) ?? term;
        const words = byField.get(field) ?? [];
        if (!words.includes(word)) byField.set(field, [...words, word]);
      }
    }
    return byField;
  }

  function listRange(min: number, max: number): SearchHit[] {
    return catalogue.codes.filter((record) => record.code >= min && record.code <= max).map(numberHit);
  }

  /**
   * An unknown word with two neighbouring letters swapped back, when that makes a word the
   * catalogue knows ("lenght" is "length"): MiniSearch's fuzzy matching counts a swap as two edits.
   * Not in the shortest words fuzzy matching reads: one edit reaches the word meant, and a swap
   * would make another ("erly" would be "rely", not "early").
   */
  function untransposed(term: string): string {
    if (documentFrequency.has(term) || term.length <= tuning.fuzzyMinLength || /\d/.test(term)) return term;
    for (let index = 0; index < term.length - 1; index++) {
      const swapped = processQueryTerm(term.slice(0, index) + term[index + 1] + term[index] + term.slice(index + 2));
      if (swapped !== null && documentFrequency.has(swapped)) return swapped;
    }
    return term;
  }

  /**
   * How each code's names weigh on its score for a query of these stems: a name said in full, in
   * any order, multiplies it by phraseBoost when it has several words, by exactNameBoost when it
   * is all the query says. Codes absent weigh 1.
   */
  // How many of each name's words the query holds, by name: counted in one array, reset after each
  // query, rather than in a map built for each (a word like "not" is in hundreds of names).
  const heldWords = new Uint16Array(nameCount);
  function nameBoosts(queryStems: ReadonlySet<string>): Map<number, number> {
    const counted: number[] = [];
    const boosts = new Map<number, number>();
    for (const stem of queryStems) {
      for (const { code, name, words } of namesByWord.get(stem) ?? []) {
        if (heldWords[name] === 0) counted.push(name);
        const held = ++heldWords[name]!;
        if (held < words) continue;
        const boost = words === queryStems.size ? exactNameBoost : words > 1 ? phraseBoost : 1;
        if (boost > (boosts.get(code) ?? 1)) boosts.set(code, boost);
      }
    }
    for (const name of counted) heldWords[name] = 0;
    return boosts;
  }

  return (query) => {
    const trimmed = query.trim();
    const range = numericRange(trimmed);
    if (range) return listRange(range[0], range[1]);

    const words = withoutLogNoise(trimmed).split(/\s+/);
    const ranges = words.flatMap((word) => {
      const wordRange = rangeToken.test(word) ? numericRange(word) : undefined;
      return wordRange ? [wordRange] : [];
    });
    const text = words.filter((word) => !rangeToken.test(word)).join(' ');
    // A number the query sets aside is not its subject: "more accurate than 404", "instead of a 500";
    // nor is a vendor's own error number, which a payload gives apart from its status (Postmark's
    // "ErrorCode":406 comes with 422, Meta's "error_subcode":463 with 400).
    const setAside = new Set(
      [
        ...text.matchAll(
          /\b(?:than|instead of|other than|besides|not)\s+(?:(?:with\s+)?an?\s+|the\s+)?([1-5]\d\d)\b/gi,
        ),
        ...text.matchAll(/"(?:\w*error_?code|\w*subcode|errno)"\s*:\s*"?([1-5]\d\d)\b/gi),
        // Nor a quantity: "over 100 requests per minute", "after 120 seconds", "a 500 MB upload".
        ...text.matchAll(
          /\b([1-5]\d\d)\s*(?:ms|secs?|seconds|mins?|minutes|hours|days|requests|reqs|calls|rps|[kmg]i?b|bytes|chars|characters|items|rows|records|users|times|per)\b/gi,
        ),
      ].map((match) => match[1]!),
    );
    // A word that frames a question in another language says nothing in English either ("qual" is no "qualys").
    const stems = stemsOf(text).filter(
      (stem) => stem.length <= maxWordLength && !otherLanguageQuestionWords.has(stem) && !setAside.has(stem),
    );
    const distinct = [...new Set(stems)].slice(0, maxQueryTerms);
    const typed = distinct.length <= typedMaxWords;
    const terms = typed ? [...new Set(distinct.map(untransposed))] : distinct;
    // And the values a payload gives that name an error: a single word ({"reason":"Unregistered"}) or
    // a fixed message ({"message":"Validation Failed"}).
    const identifiers = [
      ...identifiersOf(text, maxQueryTerms),
      ...tagPathsOf(text, maxQueryTerms),
      ...[...text.matchAll(/"\w+"\s*:\s*"([^"\\]{2,80})"/g)]
        .slice(0, maxQueryTerms)
        .flatMap((match) => valueKeyOf(match[1]!) ?? []),
    ];
    if (terms.length === 0 && ranges.length > 0) {
      return catalogue.codes.filter((record) => inRanges(record.code, ranges)).map(numberHit);
    }
    const matched = matchSymptoms(stems, terms, typed).filter(({ symptom }) => inRanges(symptom.code, ranges));
    const queryStems = new Set(terms);
    // Codes the query names itself: a catalogued number outside every matched message ("HTTP ERROR
    // 431" below Chrome's page for any server error), or a query that is exactly a code's name
    // (nginx's page "The plain HTTP request was sent to HTTPS port" comes with 400, but those words
    // name 497). A symptom of another code is then shown on its code but lifts it no further.
    // A line that says its own status in a status position ("HTTP/1.1 302", `status=503`, an
    // access log's status field) names that code alone, whatever other numbers it holds.
    const own = ownStatus(
      trimmed,
      (section) => codeOfSection.get(section),
      (phrase) => codeOfPhrase.get(phraseKey(phrase)),
    );
    const named = new Set(
      own !== undefined && catalogue.byCode.has(own)
        ? [own]
        : terms
            .filter(
              (term) =>
                codeNumber.test(term) &&
                catalogue.byCode.has(Number(term)) &&
                !matched.some((match) => match.stems.has(term)),
            )
            .map(Number),
    );
    const hits = new Map<number, SearchHit>();
    // The query is stemmed once, here, and handed to MiniSearch as it is.
    const asWritten = typed ? {} : { fuzzy: false, prefix: false };
    // A vendor the query names ("cloudflare timeout") weighs its codes up, not down.
    const vendorNamed = new Set([...queryStems].flatMap((stem) => vendors.get(stem) ?? []));
    const boosts = nameBoosts(queryStems);
    // A vendor's code a question names by its vendor and one of its names in full ("nginx …
    // request header or cookie too large") is what it asks about, not the status its client sees;
    // a pasted page says "cloudflare" and "unknown error" of every error it shows, and a message
    // pasted as printed ("nginx The plain HTTP request was sent to HTTPS port") asks what it is.
    const lowerCased = trimmed.toLowerCase();
    const vendorQuestion =
      distinct.length <= vendorQuestionMaxWords &&
      !matched.some(({ symptom }) => lowerCased.includes(symptom.message.toLowerCase()));
    const boostDocument =
      vendorNamed.size === 0
        ? undefined
        : (code: number) => (vendorNamed.has(code) ? vendorNamedWeight : (documentWeights[code] ?? 1));
    const options = {
      tokenize: () => terms,
      processTerm: (term: string) => term,
      ...(boostDocument ? { boostDocument } : {}),
    };
    // Names in other languages are matched as written only: completed or corrected, an English word
    // would reach its neighbours there ("perm" the Italian "permanente", "limit" "limite").
    const situational = terms.length >= situationMinTerms;
    const sentenceOptions = { tokenize: () => terms, processTerm: (term: string) => term, ...asWritten };
    // Among the products the query names, by its other words: the product's name is in many of its
    // sentences, and would otherwise pick one at random.
    const { vendors: namedVendors, words: vendorWords } = vendorsNamedBy(
      queryStems,
      (stem) => official.get(stem) ?? 0,
      stems,
    );
    const situationTerms = terms.filter((term) => !vendorWords.has(term));
    const english = merged(
      merged(
        index.search(text, { ...options, ...asWritten, fields: situational ? englishFields : namingFields }),
        // Typed words the codes' own fields all hold are the catalogue's, not a vendor's ("invalid
        // token" is 498's phrase, not GitLab's invalid_token); other typed words weigh less there.
        typed && identifiers.length === 0 && terms.every((term) => namedTerms.has(term))
          ? []
          : apiErrorIndex.search(text, {
              ...options,
              boost: {
                apiErrors:
                  identifiers.length > 0 ? fieldBoosts.apiErrors : typed ? typedApiErrorBoost : situationApiErrorBoost,
              },
            }),
      ),
      merged(
        situational ? bestOf(sentences.search(text, sentenceOptions), situationSentenceWeight) : [],
        namedVendors.size === 0
          ? []
          : bestOf(
              searchVendorSituations(namedVendors, text, { ...sentenceOptions, tokenize: () => situationTerms }),
              vendorSituationWeight * Math.min(1, situationTerms.length / vendorSituationFullTerms),
            ),
      ),
    );
    // Only the words English lacks: "modified" is no "modificado".
    // A word written with accents as its language's ("connecté"); a query of plain letters has none.
    const foreign = [
      ...new Set(
        /[^\s -~]/.test(text)
          ? tokenize(text).flatMap((word) => {
              const term = otherLanguageTerm(word);
              return term === null || (!accented(word) && englishTerms.has(term)) ? [] : (otherLanguageKey(term) ?? []);
            })
          : terms.flatMap((term) => (englishTerms.has(term) ? [] : (otherLanguageKey(term) ?? []))),
      ),
    ];
    const results = foreign.some((key) => otherLanguageTerms.has(key))
      ? merged(
          english,
          index.search(text, {
            ...options,
            tokenize: () => foreign,
            fields: ['otherLanguages'],
            prefix: false,
            fuzzy: false,
          }),
        )
      : english;
    for (const result of results) {
      const record = catalogue.byCode.get(result.id as number);
      if (record && inRanges(record.code, ranges)) {
        const boost = boosts.get(record.code) ?? 1;
        if (boost === exactNameBoost || (vendorQuestion && boost === phraseBoost && vendorNamed.has(record.code)))
          named.add(record.code);
        const numbered = terms.length > 1 && queryStems.has(String(record.code)) ? numberInTextBoost : 1;
        hits.set(record.code, new RankedHit(record, result.score * boost * numbered, result, matchesOf));
      }
    }
    // The codes of the symptoms the query holds, each with its symptoms, best first, and the
    // coverage of its best one.
    const pasted = new Map<number, { coverage: number; rank: number; symptoms: SymptomRecord[] }>();
    matched.forEach(({ symptom, coverage }, rank) => {
      const entry = pasted.get(symptom.code);
      if (entry) entry.symptoms.push(symptom);
      else pasted.set(symptom.code, { coverage, rank, symptoms: [symptom] });
    });
    // A pasted symptom puts its code first, unless the query names another: at least the best
    // score, lifted by the symptom's coverage. The code's own words need not appear in the message.
    // Between messages held whole, the one with more and rarer words (first in MiniSearch's order)
    // wins: CloudFront's "could not resolve the origin domain name" over the title of every
    // CloudFront error page, "The request could not be satisfied".
    const best = Math.max(1, ...[...hits.values()].map((hit) => hit.score));
    for (const [code, { coverage, rank, symptoms }] of pasted) {
      const record = catalogue.byCode.get(code);
      const hit = hits.get(code);
      const lifts = named.size === 0 || named.has(code);
      if (!record) continue;
      const lift = (1 + symptomBoost * coverage) * (1 + (matched.length - rank) * symptomRankWeight);
      // Not lifted, the code still shows its symptom, with at least half the best score: next to
      // the code named, rather than wherever its own words put it (Flask-WTF's "The CSRF token has
      // expired." names 419 and comes with 400).
      const score = lifts ? Math.max(hit?.score ?? 0, best) * lift : Math.max(hit?.score ?? 0, best / 2);
      hits.set(code, {
        record,
        score,
        symptoms,
        get matches() {
          return hit?.matches ?? new Map();
        },
      });
    }
    // An API error's identifier held whole (`resource_missing`, `ExpiredToken`) says which status
    // its response had, when its vendors agree or the query names one: that code comes next.
    // Several such codes keep their own order.
    // The vendor may be named only in a URL the noise filter took out: "shopify.dev/api/usage/rate-limits".
    // Typed words hold neither, unless they hold an identifier.
    const bare = typed && identifiers.length === 0;
    const hosts = bare
      ? []
      : [...trimmed.matchAll(/\b[a-z][a-z\d+.-]*:\/\/([^/\s:"'?#]+)/gi)].map((match) => match[1]!);
    // Or in a file path a stack trace holds: "node_modules/@aws-sdk/client-cognito-identity-provider".
    const paths = bare ? [] : [...trimmed.matchAll(/(?:[\w@.-]+\/){2,}[\w@.-]+/g)].map(([path]) => path);
    const context =
      hosts.length + paths.length === 0
        ? queryStems
        : new Set([...queryStems, ...stemsOf([...hosts, ...paths].join(' ').replace(/[./@_-]/g, ' '))]);
    // A payload's "type" is a kind of error that several statuses share (Stripe's
    // invalid_request_error comes with 400 and 404); its "code" says which.
    const types = new Set(
      identifiers.length === 0
        ? []
        : [...trimmed.matchAll(/"type"\s*:\s*"([^"]{1,80})"/g)].flatMap((match) => identifiersOf(match[1]!)),
    );
    // Identifiers a qualified name puts under another vendor's namespace lift nothing.
    const underOthers = new Set(
      identifiers.length === 0
        ? []
        : [...trimmed.matchAll(/[A-Za-z]\w*(?:(?:::|\.|\\)[A-Za-z]\w*)+/g)].flatMap(([qualified]) => {
            const parts = qualified.split(/::|\.|\\/);
            const whole = identifiersOf(parts.pop() ?? '')[0];
            return whole &&
              underAnotherVendor(
                whole,
                parts.map((part) => part.toLowerCase()),
              )
              ? [whole]
              : [];
          }),
    );
    // The query's words as written, case and underscores kept.
    const writtenWords = new Set(identifiers.length === 0 ? [] : trimmed.split(/[^\p{L}\p{N}_]+/u));
    // Nor one the query sets aside: "AccessDenied instead of NoSuchKey" asks about the 403.
    const namesSetAside = new Set(
      identifiers.length === 0
        ? []
        : [...text.matchAll(/\b(?:than|instead of|rather than|not)\s+(?:an?\s+|the\s+)?([A-Za-z][\w.:]*)/gi)].flatMap(
            (match) => identifiersOf(match[1]!),
          ),
    );
    const lifts = identifiers.flatMap((whole) => {
      if (underOthers.has(whole) || namesSetAside.has(whole)) return [];
      const status = statusOfIdentifier(whole, context, writtenWords);
      return status === undefined ? [] : [{ status, named: namesVendorOf(whole, context), type: types.has(whole) }];
    });
    // So does a vendor's fixed message: where the query names the vendor, or pasted whole and long.
    for (const { status, named } of statusesOfMessages(text, context, !typed))
      lifts.push({ status, named, type: false });
    // And a vendor's numbered error, with the vendor named.
    for (const status of statusesOfNumbers(trimmed, context)) lifts.push({ status, named: true, type: false });
    // Those whose vendor the query names, when it names one; a code before a type.
    const someNamed = lifts.some((lift) => lift.named);
    const candidates = lifts.filter((lift) => !someNamed || lift.named);
    const someCode = candidates.some((lift) => !lift.type);
    const identified = new Set(candidates.filter((lift) => !someCode || !lift.type).map((lift) => lift.status));
    const liftedFrom = Math.max(0, ...[...hits.values()].map((hit) => hit.score));
    for (const code of identified) {
      const record = catalogue.byCode.get(code);
      // A number elsewhere in a payload (Meta's "error_subcode":463) does not outweigh it; the
      // line's own status field, below, does.
      if (!record || !inRanges(code, ranges)) continue;
      const hit = hits.get(code);
      hits.set(code, {
        record,
        score: liftedFrom * identifierLift + (hit?.score ?? 0),
        symptoms: hit?.symptoms ?? [],
        get matches() {
          return hit?.matches ?? new Map();
        },
      });
    }
    // The line's own status comes first.
    const owned = own !== undefined ? catalogue.byCode.get(own) : undefined;
    if (owned && inRanges(owned.code, ranges)) {
      const hit = hits.get(owned.code);
      const top = Math.max(0, ...[...hits.values()].map((other) => other.score));
      hits.set(owned.code, {
        record: owned,
        score: top * 2 || 1,
        symptoms: pasted.get(owned.code)?.symptoms ?? [],
        get matches() {
          return hit?.matches ?? new Map([['number', [String(owned.code)]]]);
        },
      });
    }
    return [...hits.values()].sort(byRelevance);
  };
}
