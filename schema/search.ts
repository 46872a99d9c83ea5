import { resolveArrayConnection } from '@pothos/plugin-relay';
import { catalogue } from '../catalogue/catalogue.js';
import { statusClasses } from '../catalogue/classes.js';
import { facetedSearch, type ClassFacet } from '../catalogue/faceted-search.js';
import { createSearch, searchableTexts } from '../catalogue/search.js';
import { processIndexTerm, tokenize } from '../catalogue/terms.js';
import { searchWork } from '../catalogue/work.js';
import { builder } from './builder.js';
import { bytesOf, cost, fixed, lengthsOf } from './cost.js';
import { maxPageSize, pageArgs } from './pagination.js';
import { StatusClass } from './status-class.js';
import { StatusCode } from './status-code.js';
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
  field: string;
  terms: readonly string[];
}

/**
 * Per code, every match search can report: each field with all the words it is indexed under. A
 * match names a subset of them, so these bound its terms.
 */
const possibleMatches: FieldMatch[][] = catalogue.codes.map((record) =>
  Object.entries(searchableTexts(record))
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
    field: t.exposeString('field', {
      description:
        'The field of the code that matched: number, phrase, formerPhrases, synonyms, frameworkNames, vendors, headers, description, commonUsage, situations (situations in API design where it is the answer), apiErrors (error codes and exceptions of APIs and libraries whose responses carry it) or otherLanguages (its names in German, Spanish, French, Portuguese, Italian, Japanese, Chinese or Russian).',
      extensions: cost({ bytes: bytesOf(possibleFieldMatches.map((match) => match.field)) }),
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

const SearchFacet = builder.objectRef<ClassFacet>('SearchFacet').implement({
  description: 'How many results fall in one class.',
  fields: (t) => ({
    class: t.field({
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

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: StatusCode,
      description:
        'Ranked search by what people mean: words and everyday phrasings ("rate limit", "token expired", "file too big"); error messages pasted whole, log line and all (an nginx error, a browser error), which put the code of that symptom first; tolerant of typos, word forms and British spellings; a number ("404"), a class ("4xx", "5XX", "4") or a run of ten ("40x", "40"), listed in code order; a class among words narrows them ("5xx timeout"); framework names ("StatusNotFound", ":not_found"). Best match first; each edge says what matched.',
      args: {
        query: t.arg.string({
          required: true,
          description: `What to look for, 1 to ${maxQueryLength} characters.`,
          validate: textArgument('query', maxQueryLength),
        }),
        filter: t.arg({ type: StatusCodeFilterInput, description: 'Narrows the results; all when omitted.' }),
      },
      validate: pageArgs,
      extensions: cost({ owned: true, work: searchWork }),
      resolve: (_root, args) => {
        const { results, facets } = facetedSearch(searchCatalogue, args.query, args.filter ?? {});
        const page = resolveArrayConnection({ args, defaultSize: maxPageSize, maxSize: maxPageSize }, results);
        return {
          ...page,
          edges: page.edges.map((edge) => edge && { cursor: edge.cursor, node: edge.node.record, hit: edge.node }),
          totalCount: results.length,
          facets,
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
        facets: tc.field({
          type: [SearchFacet],
          description:
            "Result counts per class, ignoring the filter's own `classes` so every chip shows what it would add.",
          resolve: (connection) => connection.facets,
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
          resolve: (edge) => [...edge.hit.matches].map(([field, terms]) => ({ field, terms })),
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
