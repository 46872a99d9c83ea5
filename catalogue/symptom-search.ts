import MiniSearch from 'minisearch';
import type { SymptomRecord } from './records.js';
import type { SearchTuning } from './search-tuning.js';
import { processIndexTerm, processQueryTerm, tokenize } from './terms.js';

/** A symptom whose message a query contains, and how much of it. */
export interface SymptomMatch {
  symptom: SymptomRecord;
  /** The share of the message's words found in the query, 0 to 1. */
  coverage: number;
}

/** Query stems in, the symptoms their query contains out, best first. */
export type MatchSymptoms = (terms: readonly string[]) => SymptomMatch[];

/**
 * Indexes the symptoms' messages with MiniSearch and keeps those a query covers: a pasted log
 * line holds the whole message among words of its own, so a symptom counts when most of its
 * message's words are in the query, whatever else the query holds.
 */
export function createSymptomSearch(symptoms: readonly SymptomRecord[], tuning: SearchTuning): MatchSymptoms {
  const { symptomMinCoverage, fuzzyMinLength } = tuning;
  const byId = new Map(symptoms.map((symptom) => [symptom.id, symptom]));
  // Each indexed form of a message word, mapped to the word's query stem: a typo or another form
  // of a word still counts once for the word it matched.
  const stemOfTerm = new Map<string, Map<string, string>>();
  const stemCount = new Map<string, number>();
  for (const symptom of symptoms) {
    const stems = new Map<string, string>();
    for (const token of tokenize(symptom.message)) {
      const stem = processQueryTerm(token);
      if (stem === null) continue;
      for (const term of [processIndexTerm(token) ?? []].flat()) stems.set(term, stem);
    }
    stemOfTerm.set(symptom.id, stems);
    stemCount.set(symptom.id, new Set(stems.values()).size);
  }
  const index = new MiniSearch<SymptomRecord>({
    fields: ['message'],
    tokenize,
    processTerm: processIndexTerm,
    searchOptions: {
      combineWith: 'OR',
      // A log line is pasted whole, so no word is unfinished; a long one may be mistyped.
      fuzzy: (term) => !/\d/.test(term) && term.length >= fuzzyMinLength + 2 && 1,
    },
  });
  index.addAll(symptoms);

  return (terms) => {
    if (terms.length === 0) return [];
    const matches: SymptomMatch[] = [];
    for (const result of index.search(terms.join(' '), { tokenize: () => [...terms], processTerm: (term) => term })) {
      const stems = stemOfTerm.get(result.id as string);
      const symptom = byId.get(result.id as string);
      if (!stems || !symptom) continue;
      const found = new Set(result.terms.flatMap((term) => stems.get(term) ?? []));
      const coverage = found.size / (stemCount.get(symptom.id) ?? 1);
      if (coverage >= symptomMinCoverage) matches.push({ symptom, coverage });
    }
    // The most of a message wins; between equals, the longer message says more.
    return matches.sort(
      (a, b) =>
        b.coverage - a.coverage ||
        (stemCount.get(b.symptom.id) ?? 0) - (stemCount.get(a.symptom.id) ?? 0),
    );
  };
}
