import MiniSearch, { type SearchResult } from 'minisearch';
import type { Catalogue } from './catalogue.js';
import { statusClasses } from './classes.js';
import type { StatusCodeRecord } from './records.js';

/** One ranked answer to a search, best first. */
export interface SearchHit {
  record: StatusCodeRecord;
  score: number;
  /** Field name to the query terms (as indexed) that matched in it. */
  matches: ReadonlyMap<string, readonly string[]>;
}

/** A search over the whole catalogue: a query in, ranked hits out. */
export type SearchCatalogue = (query: string) => SearchHit[];

interface SearchDocument {
  code: number;
  number: string;
  phrase: string;
  formerPhrases: string;
  synonyms: string;
  vendors: string;
  frameworkNames: string;
  headers: string;
  description: string;
  commonUsage: string;
}

/** Field weights: the words people use for a code matter more than its prose. */
const fieldBoosts: Record<Exclude<keyof SearchDocument, 'code'>, number> = {
  number: 10,
  phrase: 5,
  formerPhrases: 3,
  synonyms: 3,
  frameworkNames: 2,
  vendors: 1.5,
  headers: 1.5,
  description: 1.2,
  commonUsage: 1,
};

const stopWords = new Set(
  'a an and are as at be by for from has i in is it its my of on or that the this to was when with what which me'.split(' '),
);

/** Identifiers written in camelCase or snake_case ("StatusNotFound", "NOT_FOUND"). */
const compoundWord = /[a-z][A-Z]|_/;

/**
 * Splits text into words; a compound identifier also yields its parts, so "StatusNotFound"
 * finds both the Go constant and the phrase "Not Found". Framework names are indexed whole only,
 * so their words do not count twice against the phrase they spell.
 */
function tokenize(text: string, field?: string): string[] {
  const words = text.split(/[^\p{L}\p{N}_]+/u).filter((word) => word.replace(/_/g, '').length > 0);
  if (field === 'frameworkNames') return words.map((word) => word.replace(/_/g, ''));
  return words.flatMap((word) => {
    if (!compoundWord.test(word)) return [word];
    const parts = word.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s_]+/).filter(Boolean);
    return [...parts, word.replace(/_/g, '')];
  });
}

function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return stopWords.has(lower) ? null : lower;
}

/** Query words in index form, joined by single spaces, for phrase comparison. */
function normalize(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((token) => token.toLowerCase())
    .join(' ');
}

/** The multi-word names of a code: phrase, former phrases and synonyms. */
function namesOf(record: StatusCodeRecord): string[] {
  return [record.phrase, ...record.formerPhrases.map((former) => former.phrase), ...record.synonyms]
    .map(normalize)
    .filter((name) => name.includes(' '));
}

/** How much a whole name said in the query outweighs the same words scattered. */
const phraseBoost = 2;

function toDocument(record: StatusCodeRecord): SearchDocument {
  return {
    code: record.code,
    number: String(record.code),
    phrase: record.phrase,
    formerPhrases: record.formerPhrases.map((former) => former.phrase).join(' '),
    synonyms: record.synonyms.join(' '),
    vendors: [record.vendor ?? '', ...record.otherMeanings.flatMap((meaning) => [meaning.vendor, meaning.phrase])].join(' '),
    frameworkNames: record.frameworkNames.map((entry) => entry.name).join(' '),
    headers: record.headers.map((header) => header.name).join(' '),
    description: record.description,
    commonUsage: record.commonUsage,
  };
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

function matchesByField(result: SearchResult): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const [term, fields] of Object.entries(result.match)) {
    for (const field of fields) byField.set(field, [...(byField.get(field) ?? []), term]);
  }
  return byField;
}

/** Builds the ranked full-text index once; the returned function searches it. */
export function createSearch(catalogue: Catalogue): SearchCatalogue {
  const index = new MiniSearch<SearchDocument>({
    idField: 'code',
    fields: Object.keys(fieldBoosts),
    tokenize,
    processTerm,
    searchOptions: {
      boost: fieldBoosts,
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'OR',
      // Official codes win ties against vendor codes that reuse their words.
      boostDocument: (code: number) => (catalogue.byCode.get(code)?.registration === 'UNOFFICIAL' ? 0.8 : 1),
    },
  });
  index.addAll(catalogue.codes.map(toDocument));
  const names = new Map(catalogue.codes.map((record) => [record.code, namesOf(record)]));

  return (query) => {
    const trimmed = query.trim();
    const range = numericRange(trimmed);
    if (range) {
      const [min, max] = range;
      return catalogue.codes
        .filter((record) => record.code >= min && record.code <= max)
        .map((record) => ({ record, score: 1, matches: new Map([['number', [trimmed.toLowerCase()]]]) }));
    }
    const phrase = ` ${normalize(trimmed)} `;
    return index
      .search(trimmed)
      .flatMap((result) => {
        const record = catalogue.byCode.get(result.id as number);
        if (!record) return [];
        const saysName = names.get(record.code)?.some((name) => phrase.includes(` ${name} `));
        return [{ record, score: saysName ? result.score * phraseBoost : result.score, matches: matchesByField(result) }];
      })
      .sort((a, b) => b.score - a.score);
  };
}
