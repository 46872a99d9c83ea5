import { catalogue } from '../catalogue/catalogue.js';
import { statusClasses } from '../catalogue/classes.js';
import { facetedSearch, type ClassFacet } from '../catalogue/faceted-search.js';
import { createSearch, searchableTexts, type SearchHit } from '../catalogue/search.js';
import type { SearchField } from '../catalogue/search-tuning.js';
import { processIndexTerm, tokenize } from '../catalogue/terms.js';
import { searchWork } from '../catalogue/work.js';
import { builder } from './builder.js';
import { bytesOf, cost, enumBytes, fixed, lengthsOf } from './cost.js';
import { byRank, pageArgs, pageOf, pageWork, type Ordering } from './pagination.js';
import { StatusClass } from './status-class.js';
import { sortedCodes, StatusCode } from './status-code.js';
import { StatusCodeFilterInput } from './status-code-filter.js';
import { Symptom } from './symptom.js';

/**
 * The most symptoms a search edge carries: a pasted line holds one message, seldom two, and the
 * page shows the first. A bound of the schema's own, so a search's cost does not grow with the
 * catalogue's symptoms (StatusCode.symptoms has them all).
 */
export const maxEdgeSymptoms = 3;
import { textArgument } from './text-argument.js';

/** Longest query `search` accepts, in characters. */
export const maxQueryLength = 1000;

const searchCatalogue = createSearch(catalogue);

interface FieldMatch {
  field: SearchField;
  terms: readonly string[];
}

/** Each field search reads, as the enum value a match names it by, and what it holds. */
const searchFields: Record<SearchField, [value: string, description: string]> = {
  number: ['NUMBER', 'The three-digit number.'],
  phrase: ['PHRASE', 'The reason phrase.'],
  formerPhrases: ['FORMER_PHRASES', 'Reason phrases of earlier specifications.'],
  synonyms: ['SYNONYMS', 'Everyday phrasings.'],
  vendors: ['VENDORS', 'The vendor of an unofficial code, and other vendors meaning the same number.'],
  frameworkNames: ['FRAMEWORK_NAMES', 'What frameworks and standard libraries call it.'],
  headers: ['HEADERS', 'Response headers that go with it.'],
  description: ['DESCRIPTION', 'What it means.'],
  commonUsage: ['COMMON_USAGE', 'Its common usage.'],
  situations: ['SITUATIONS', 'Situations in API design where it is the answer.'],
  apiErrors: ['API_ERRORS', 'Error codes and exceptions of APIs and libraries whose responses carry it.'],
  otherLanguages: [
    'OTHER_LANGUAGES',
    'Its names in German, Spanish, French, Portuguese, Italian, Japanese, Chinese or Russian.',
  ],
};

const SearchFieldEnum = builder.enumType('SearchField', {
  description: 'A field of a status code that search reads. More may be added: handle a value you do not know.',
  values: Object.fromEntries(Object.values(searchFields).map(([value, description]) => [value, { description }])),
});

/**
 * Per code, every match search can report: each field with all the words it is indexed under. A
 * match names a subset of them, so these bound its terms.
 */
const possibleMatches: FieldMatch[][] = catalogue.codes.map((record) =>
  (Object.entries(searchableTexts(record)) as [SearchField, string][])
    .map(([field, text]) => ({
      field,
      terms: [...new Set(tokenize(text, field).flatMap((token) => processIndexTerm(token) ?? []))],
    }))
    .filter((match) => match.terms.length > 0),
);
const possibleFieldMatches = possibleMatches.flat();

const SearchMatch = builder.objectRef<FieldMatch>('SearchMatch').implement({
  description: 'Which query terms matched in which field of a code, for highlighting.',
  fields: (t) => ({
    field: t.field({
      type: SearchFieldEnum,
      description: 'The field of the code that matched.',
      resolve: (match) => searchFields[match.field][0],
      extensions: cost({ bytes: enumBytes(Object.values(searchFields).map(([value]) => value)) }),
    }),
    terms: t.exposeStringList('terms', {
      description:
        'The words of that field that matched, lower-cased and in American spelling; they may be another form of the query word ("throttling" for "throttled"), a typo\'s correction or a word of the same meaning ("blocked" for "banned").',
      extensions: cost({
        length: lengthsOf(possibleFieldMatches.map((match) => match.terms)),
        bytes: bytesOf(possibleFieldMatches.flatMap((match) => match.terms)),
        owned: true,
      }),
    }),
  }),
});

const StatusClassFacet = builder.objectRef<ClassFacet>('StatusClassFacet').implement({
  description: 'How many results fall in one class.',
  fields: (t) => ({
    statusClass: t.field({
      type: StatusClass,
      description: 'The class.',
      resolve: (facet) => facet.statusClass,
      extensions: cost({}),
    }),
    count: t.exposeInt('count', {
      description: 'Results in that class.',
      // At most the codes of the class.
      extensions: cost({ bytes: bytesOf(statusClasses.map((c) => catalogue.byClass.get(c.kind)?.length ?? 0)) }),
    }),
  }),
});

const SearchSortKeyEnum = builder.enumType('SearchSortKey', {
  description: 'What search results are sorted by; `reverse: true` turns the order round.',
  values: {
    RELEVANCE: { description: 'Best match first; a number, class or run of ten lists its codes by number.' },
    CODE: { description: 'By number, lowest first.' },
    PHRASE: { description: 'By reason phrase, A to Z, then by number.' },
  },
});

/** The hits as the sort key and `reverse` order them, with how their cursors compare. */
function sortedHits(results: readonly SearchHit[], sortKey: 'RELEVANCE' | 'CODE' | 'PHRASE', reverse: boolean) {
  const items = results.map((hit) => ({ code: hit.record.code, phrase: hit.record.phrase, hit }));
  if (sortKey !== 'RELEVANCE') return sortedCodes(items, sortKey, reverse);
  const sorted = reverse ? items.reverse() : items;
  return { sorted, ordering: byRank(sorted) as Ordering<(typeof items)[number], unknown> };
}

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: StatusCode,
      nullable: true,
      description:
        'Ranked search by what people mean: words and everyday phrasings ("rate limit", "token expired", "file too big"); error messages pasted whole, log line and all (an nginx error, a browser error), which put the code of that symptom first; tolerant of typos, word forms and British spellings; a number ("404"), a class ("4xx", "5XX", "4") or a run of ten ("40x", "40"), listed in code order; a class among words narrows them ("5xx timeout"); framework names ("StatusNotFound", ":not_found"). Best match first; each edge says what matched.',
      args: {
        query: t.arg.string({
          required: true,
          description: `What to look for, 1 to ${maxQueryLength} characters.`,
          validate: textArgument('query', maxQueryLength),
        }),
        filter: t.arg({ type: StatusCodeFilterInput, description: 'Narrows the results; all when omitted.' }),
        sortKey: t.arg({
          type: SearchSortKeyEnum,
          required: true,
          defaultValue: 'RELEVANCE',
          description: 'What the results are sorted by.',
        }),
        reverse: t.arg.boolean({ required: true, defaultValue: false, description: 'Whether to reverse the order.' }),
      },
      validate: pageArgs,
      extensions: cost({ owned: true, work: (args) => searchWork(args) + pageWork() }),
      resolve: (_root, args) => {
        const { results, facets } = facetedSearch(searchCatalogue, args.query, args.filter ?? {});
        const { sorted, ordering } = sortedHits(results, args.sortKey, args.reverse);
        const page = pageOf(args, sorted, ordering);
        return {
          ...page,
          edges: page.edges.map(
            (edge) => edge && { cursor: edge.cursor, node: edge.node.hit.record, hit: edge.node.hit },
          ),
          classFacets: facets,
        };
      },
    },
    {
      name: 'StatusCodeSearchConnection',
      description: 'A page of search results, best first.',
      fields: (tc) => ({
        totalCount: tc.int({
          description: 'How many codes match, across all pages.',
          resolve: (connection) => connection.totalCount,
          // At most every code.
          extensions: cost({ bytes: bytesOf([catalogue.codes.length]) }),
        }),
        classFacets: tc.field({
          type: [StatusClassFacet],
          description:
            "Result counts per class, ignoring the filter's own `classes` so every chip shows what it would add.",
          resolve: (connection) => connection.classFacets,
          extensions: cost({ length: lengthsOf([statusClasses]), owned: true }),
        }),
      }),
    },
    {
      name: 'StatusCodeSearchEdge',
      description: 'A search result with its relevance.',
      fields: (te) => ({
        score: te.float({
          description: 'Relevance; higher is better. Comparable only within one search.',
          resolve: (edge) => edge.hit.score,
          extensions: cost({ bytes: fixed(24) }),
        }),
        matches: te.field({
          type: [SearchMatch],
          description: 'The fields and terms that matched.',
          resolve: (edge) => [...edge.hit.matches].map(([field, terms]) => ({ field: field as SearchField, terms })),
          extensions: cost({ length: lengthsOf(possibleMatches), owned: true }),
        }),
        symptoms: te.field({
          type: [Symptom],
          description: `The symptoms of this code whose message the query holds, best first, at most ${maxEdgeSymptoms}: the query was a pasted log line, browser error or error page. Empty otherwise; StatusCode.symptoms has them all.`,
          resolve: (edge) => edge.hit.symptoms.slice(0, maxEdgeSymptoms),
          // A code's own symptoms, the edges being distinct codes.
          extensions: cost({
            length: lengthsOf(catalogue.codes.map((record) => record.symptoms.slice(0, maxEdgeSymptoms))),
            owned: true,
          }),
        }),
      }),
    },
  ),
}));
