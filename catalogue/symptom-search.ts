import MiniSearch from 'minisearch';
import { withoutLogNoise } from './log-noise.js';
import type { SymptomRecord } from './records.js';
import type { SearchTuning } from './search-tuning.js';
import { processIndexTerm, processQueryTerm, stemsOf, tokenize } from './terms.js';

/** A symptom whose message a query holds, and how much of it. */
export interface SymptomMatch {
  symptom: SymptomRecord;
  /** The share of the message's words found in the query, 0 to 1. */
  coverage: number;
  /** The message's stems. */
  stems: ReadonlySet<string>;
}

/**
 * A query in, as its words in order, as its distinct search terms and whether it was typed (a
 * few words, perhaps mistyped) rather than pasted; the symptoms it holds out, best first.
 */
export type MatchSymptoms = (sequence: readonly string[], terms: readonly string[], typed: boolean) => SymptomMatch[];

/** Stems in order, as one string with a space on each side, for finding one run inside another. */
const run = (stems: readonly string[]) => ` ${stems.join(' ')} `;

/** An error's own name in a message: letters with digits or joined by underscores ("AH01630", "H12", "ERR_TOO_MANY_REDIRECTS"). */
const errorName = /^(?=.{3,})(?:[A-Za-z]+\d[\dA-Za-z]*|[A-Z]+(?:_[A-Z]+)+)$/;

/** The query stems of the error names in a message: the whole names, not their parts. */
function errorNamesOf(message: string): string[] {
  return message
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => errorName.test(word))
    .flatMap((word) =>
      tokenize(word)
        .slice(-1)
        .flatMap((whole) => processQueryTerm(whole) ?? []),
    );
}

/**
 * Indexes the symptoms' messages with MiniSearch and keeps those a query covers: a pasted log
 * line holds the whole message among words of its own, so a symptom counts when most of its
 * message's words are in the query, whatever else the query holds; a message of a few words must
 * be there word for word, since an nginx line's own "upstream" and "request", with a Cloudflare
 * page's "timeout", spell Envoy's "upstream request timeout" out of order. Messages are read
 * through the same noise filter as queries, so both lose the same parts.
 */
export function createSymptomSearch(symptoms: readonly SymptomRecord[], tuning: SearchTuning): MatchSymptoms {
  const { symptomMinCoverage, symptomMinWords, symptomFuzzyMinLength } = tuning;
  const byId = new Map(symptoms.map((symptom) => [symptom.id, symptom]));
  const messages = new Map(symptoms.map((symptom) => [symptom.id, withoutLogNoise(symptom.message)]));
  // Each indexed form of a message word, mapped to the word's query stem: a typo or another form
  // of a word still counts once for the word it matched.
  const stemOfTerm = new Map<string, Map<string, string>>();
  const runs = new Map<string, string>();
  const stemSets = new Map<string, ReadonlySet<string>>();
  const errorNames = new Map(symptoms.map((symptom) => [symptom.id, errorNamesOf(symptom.message)]));
  for (const symptom of symptoms) {
    const stems = new Map<string, string>();
    const message = messages.get(symptom.id)!;
    for (const token of tokenize(message)) {
      const stem = processQueryTerm(token);
      if (stem === null) continue;
      for (const term of [processIndexTerm(token) ?? []].flat()) stems.set(term, stem);
    }
    stemOfTerm.set(symptom.id, stems);
    stemSets.set(symptom.id, new Set(stems.values()));
    runs.set(symptom.id, run(stemsOf(message)));
  }
  const index = new MiniSearch<SymptomRecord>({
    fields: ['message'],
    extractField: (symptom, field) => (field === 'id' ? symptom.id : messages.get(symptom.id)!),
    tokenize,
    processTerm: processIndexTerm,
    searchOptions: {
      combineWith: 'OR',
      // A log line is pasted whole, so no word is unfinished; a long one may be mistyped.
      fuzzy: (term) => !/\d/.test(term) && term.length >= symptomFuzzyMinLength && 1,
    },
  });
  index.addAll(symptoms);
  // Typed words hold a message only whole, by its error's name or quoting part of it: those are
  // found by lookup, without scoring every message that shares a common word ("not", "found").
  const byRun = new Map<string, string[]>();
  const byErrorName = new Map<string, string[]>();
  const byStem = new Map<string, Set<string>>();
  for (const symptom of symptoms) {
    byRun.set(runs.get(symptom.id)!, [...(byRun.get(runs.get(symptom.id)!) ?? []), symptom.id]);
    for (const name of errorNames.get(symptom.id)!)
      byErrorName.set(name, [...(byErrorName.get(name) ?? []), symptom.id]);
    for (const stem of stemSets.get(symptom.id)!) byStem.set(stem, (byStem.get(stem) ?? new Set()).add(symptom.id));
  }
  /** The messages typed words may hold: whole, named, or quoted. */
  function typedCandidates(sequence: readonly string[], terms: readonly string[]): Set<string> {
    const found = new Set<string>();
    for (let start = 0; start < sequence.length; start += 1)
      for (let end = start + 1; end <= sequence.length; end += 1)
        for (const id of byRun.get(run(sequence.slice(start, end))) ?? []) found.add(id);
    for (const term of terms) for (const id of byErrorName.get(term) ?? []) found.add(id);
    if (sequence.length >= 3) {
      const holders = terms.map((term) => byStem.get(term) ?? new Set<string>()).sort((a, b) => a.size - b.size);
      for (const id of holders[0] ?? []) if (holders.every((holder) => holder.has(id))) found.add(id);
    }
    return found;
  }

  return (sequence, terms, typed) => {
    if (terms.length === 0) return [];
    const query = run(sequence);
    const termSet = new Set(terms);
    const matches: SymptomMatch[] = [];
    // A mistyped word counts only towards coverage, which needs symptomMinWords words; a shorter
    // query holds a symptom only word for word, so it is looked up as written, at a fraction of the cost.
    const asWritten = typed && terms.length >= symptomMinWords ? {} : { fuzzy: false };
    // Whether the query holds a message whole, names its error ("H12", "AH01630": however little else
    // is pasted), or, typed, three words or more of it in a run ("too many redirects").
    const held = (id: string) =>
      query.includes(runs.get(id)!) ||
      errorNames.get(id)!.some((name) => termSet.has(name)) ||
      (typed && sequence.length >= 3 && runs.get(id)!.includes(query));
    // One candidate or none needs no ranking; several keep MiniSearch's order.
    const candidates = typed ? typedCandidates(sequence, terms) : undefined;
    if (candidates !== undefined && candidates.size <= 1) {
      return [...candidates].filter(held).map((id) => {
        const stems = stemSets.get(id)!;
        return {
          symptom: byId.get(id)!,
          coverage: [...stems].filter((stem) => termSet.has(stem)).length / stems.size,
          stems,
        };
      });
    }
    for (const result of index.search(terms.join(' '), {
      tokenize: () => [...terms],
      processTerm: (term) => term,
      ...asWritten,
    })) {
      const stems = stemOfTerm.get(result.id as string);
      const symptom = byId.get(result.id as string);
      if (!stems || !symptom) continue;
      const whole = held(symptom.id);
      // Each word found is one of the result's terms: too few of them cannot make enough coverage.
      if (!whole && result.terms.length < symptomMinWords) continue;
      const found = new Set(result.terms.flatMap((term) => stems.get(term) ?? []));
      const coverage = found.size / (stemSets.get(symptom.id)?.size ?? 1);
      // Three words or fewer are found in many a question ("requested range not satisfiable"
      // holds CloudFront's "request could not be satisfied"): such a message counts only verbatim.
      // Nor does a typed question hold a message by its words in any order: "huge cookies and the
      // request headers too big" asks for 431, not for nginx's 400 page.
      const enough = !typed && found.size >= symptomMinWords && coverage >= symptomMinCoverage;
      if (whole || enough) matches.push({ symptom, coverage, stems: stemSets.get(symptom.id)! });
    }
    // MiniSearch's order: the message with more of the query's words, and rarer ones, first ("upstream
    // timed out (110: Connection timed out) while reading response header from upstream" also
    // holds every word of the same error "while connecting to upstream").
    return matches;
  };
}
