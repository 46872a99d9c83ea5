import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { processIndexTerm, processQueryTerm, tokenize } from './terms.js';
import type { VendorSituation } from './vendor-situations.js';

/** The situations of the products a query names, each a result with its status as `code`. */
export type SearchVendorSituations = (
  vendors: ReadonlySet<string>,
  text: string,
  options: SearchOptions,
) => SearchResult[];

/** BM25's inverse document frequency, as MiniSearch works it out. */
const inverseFrequency = (documents: number, matching: number) =>
  Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));

/** An index term's sentence frequency: how many of the sentences hold it. */
function holding(sentences: readonly ReadonlySet<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const terms of sentences) for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Indexes each product's situations apart, so a query searches only the products it names rather
 * than every product's sentences for each word of a pasted line. A word still weighs what one index
 * of all products would give it, times `rarity` (the catalogue's own weight for it): each product's
 * index scales its inverse document frequency to the one over all sentences.
 */
export function createVendorSituationSearch(
  situations: readonly VendorSituation[],
  rarity: (term: string) => number,
): SearchVendorSituations {
  const termsOf = situations.map(
    ({ situation }) => new Set(tokenize(situation).flatMap((token) => [processIndexTerm(token) ?? []].flat())),
  );
  const everywhere = holding(termsOf);
  const byVendor = new Map<string, (VendorSituation & { id: number })[]>();
  situations.forEach((entry, id) =>
    byVendor.set(entry.vendor, [...(byVendor.get(entry.vendor) ?? []), { ...entry, id }]),
  );
  const indexes = new Map(
    [...byVendor].map(([vendor, own]) => {
      const here = holding(own.map(({ id }) => termsOf[id]!));
      const index = new MiniSearch<{ id: number; code: number; text: string }>({
        fields: ['text'],
        storeFields: ['code'],
        tokenize,
        processTerm: processIndexTerm,
        searchOptions: {
          processTerm: processQueryTerm,
          combineWith: 'OR',
          boostTerm: (term: string) =>
            rarity(term) *
            (inverseFrequency(situations.length, everywhere.get(term) ?? 1) /
              inverseFrequency(own.length, here.get(term) ?? 1)),
        },
      });
      index.addAll(own.map(({ id, status, situation }) => ({ id, code: status, text: situation })));
      return [vendor, index];
    }),
  );
  return (vendors, text, options) => [...vendors].flatMap((vendor) => indexes.get(vendor)?.search(text, options) ?? []);
}
