import { classOf, statusClasses } from './classes.js';
import { matchesFilter, type StatusCodeFilter } from './filter.js';
import type { StatusClassRecord } from './records.js';
import type { SearchCatalogue, SearchHit } from './search.js';

/** How many results of a search fall in one class. */
export interface ClassFacet {
  statusClass: StatusClassRecord;
  count: number;
}

/** A search narrowed by a filter, with a facet per class. */
export interface FacetedResults {
  /** The hits the whole filter lets through, best first. */
  results: SearchHit[];
  /**
   * Per class, the hits every condition but the filter's own `classes` lets through, so that each
   * class chip can show what choosing it would add.
   */
  facets: ClassFacet[];
}

/** Runs `search` for `query` and narrows it by `filter`: what the schema's `search` and the bench peers answer. */
export function facetedSearch(search: SearchCatalogue, query: string, filter: StatusCodeFilter = {}): FacetedResults {
  const hits = search(query).filter((hit) => matchesFilter(hit.record, { ...filter, classes: null }));
  const results = filter.classes ? hits.filter((hit) => matchesFilter(hit.record, { classes: filter.classes })) : hits;
  const facets = statusClasses.map((statusClass) => ({
    statusClass,
    count: hits.filter((hit) => classOf(hit.record.code) === statusClass).length,
  }));
  return { results, facets };
}
