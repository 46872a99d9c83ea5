import { resolveArrayConnection } from '@pothos/plugin-relay';
import { catalogue } from '../catalogue/catalogue.js';
import { facetedSearch, type ClassFacet } from '../catalogue/faceted-search.js';
import { createSearch } from '../catalogue/search.js';
import { builder } from './builder.js';
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

const SearchMatch = builder.objectRef<FieldMatch>('SearchMatch').implement({
  description: 'Which query terms matched in which field of a code, for highlighting.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description:
        'The field of the code that matched: number, phrase, formerPhrases, synonyms, frameworkNames, vendors, headers, description or commonUsage.',
    }),
    terms: t.exposeStringList('terms', {
      description:
        'The words of that field that matched, lower-cased and in American spelling; they may be another form of the query word ("throttling" for "throttled"), a typo\'s correction or a word of the same meaning ("blocked" for "banned").',
    }),
  }),
});

const SearchFacet = builder.objectRef<ClassFacet>('SearchFacet').implement({
  description: 'How many results fall in one class.',
  fields: (t) => ({
    class: t.field({ type: StatusClass, description: 'The class.', resolve: (facet) => facet.statusClass }),
    count: t.exposeInt('count', { description: 'Results in that class.' }),
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
        }),
        facets: tc.field({
          type: [SearchFacet],
          description:
            "Result counts per class, ignoring the filter's own `classes` so every chip shows what it would add.",
          resolve: (connection) => connection.facets,
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
        }),
        matches: te.field({
          type: [SearchMatch],
          description: 'The fields and terms that matched.',
          resolve: (edge) => [...edge.hit.matches].map(([field, terms]) => ({ field, terms })),
        }),
        symptoms: te.field({
          type: [Symptom],
          description: `The symptoms of this code whose message the query holds, best first, at most ${maxEdgeSymptoms}: the query was a pasted log line, browser error or error page. Empty otherwise; StatusCode.symptoms has them all.`,
          resolve: (edge) => edge.hit.symptoms.slice(0, maxEdgeSymptoms),
        }),
      }),
    },
  ),
}));
