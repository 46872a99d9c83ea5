import MiniSearch from 'minisearch';
import type { Catalogue } from './catalogue.js';
import type { StatusCodeRecord } from './records.js';
import { tokenize } from './terms.js';
import { americanSpelling } from './spelling.js';

/** Where a suggestion's text comes from. */
export const suggestionKinds = ['PHRASE', 'FORMER_PHRASE', 'SYNONYM', 'FRAMEWORK_NAME'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** One completion of what the user is typing, and the code it leads to. */
export interface SuggestionRecord {
  /** What to show, and to search for when picked: "404 Not Found", "rate limit", "http.StatusNotFound". */
  text: string;
  kind: SuggestionKind;
  record: StatusCodeRecord;
}

/**
 * Completions for a prefix: codes in the order of their best match, each once, with its most
 * canonical and shortest matching text; at most `limit` in all.
 */
export type SuggestCatalogue = (prefix: string, limit: number) => SuggestionRecord[];

interface SuggestionDocument {
  id: number;
  text: string;
  kind: SuggestionKind;
  code: number;
}

/** A code's own phrase is the likeliest completion; a framework constant the least. */
const kindWeights: Record<SuggestionKind, number> = {
  PHRASE: 2,
  FORMER_PHRASE: 1.2,
  SYNONYM: 1,
  FRAMEWORK_NAME: 0.6,
};

const unofficialWeight = 0.7;

function entriesOf(record: StatusCodeRecord): Array<Omit<SuggestionDocument, 'id'>> {
  const entries: Array<Omit<SuggestionDocument, 'id'>> = [
    { text: `${record.code} ${record.phrase}`, kind: 'PHRASE', code: record.code },
    ...record.formerPhrases.map((former) => ({
      text: former.phrase,
      kind: 'FORMER_PHRASE' as const,
      code: record.code,
    })),
    ...record.synonyms.map((synonym) => ({ text: synonym, kind: 'SYNONYM' as const, code: record.code })),
    ...record.frameworkNames.map((entry) => ({ text: entry.name, kind: 'FRAMEWORK_NAME' as const, code: record.code })),
  ];
  const seen = new Set([record.phrase.toLowerCase()]);
  return entries.filter((entry) => {
    const key = entry.text.toLowerCase();
    if (entry.kind !== 'PHRASE' && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether a term of the typed text matches as a prefix: the word being typed (the last `typing`
 * terms: all the parts of "StatusNotF") always; a word before it when it has three letters or
 * more ("gate timeout"). A shorter word before it is taken whole: as a prefix, each of a run of
 * one-letter words ("a b c …") matched most of the index, 5 ms a suggestion.
 */
export function completes(term: string, index: number, terms: readonly string[], typing: number): boolean {
  return index >= terms.length - typing || term.length >= 3;
}

/**
 * The words typed, each once, the last (the one being typed) kept last: all must match anyway, and
 * a repeated word only made the search slower ("a a a …").
 */
export function withoutRepeats(typed: string): string {
  const words = typed.split(/\s+/);
  const last = words.at(-1)!;
  return [...new Set(words.slice(0, -1).filter((word) => word !== last)), last].join(' ');
}

/** Lower case and American spelling, nothing dropped: in a prefix every letter counts. */
function processTerm(term: string): string {
  return americanSpelling(term.toLowerCase());
}

/**
 * Builds the autocomplete index once, over every code's status line ("404 Not Found"), former
 * phrases, synonyms and framework constants; the returned function completes a prefix.
 */
export function createSuggest(catalogue: Catalogue): SuggestCatalogue {
  const documents: SuggestionDocument[] = catalogue.codes.flatMap(entriesOf).map((entry, id) => ({ id, ...entry }));
  const index = new MiniSearch<SuggestionDocument>({
    fields: ['text'],
    tokenize: (text) => tokenize(text),
    processTerm,
    searchOptions: {
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
      // While typing, a completed word is as good as a whole one.
      weights: { prefix: 0.9, fuzzy: 0.5 },
      combineWith: 'AND',
      boostDocument: (id: number) => {
        const document = documents[id];
        if (!document) return 0;
        const official = catalogue.byCode.get(document.code)?.registration !== 'UNOFFICIAL';
        return kindWeights[document.kind] * (official ? 1 : unofficialWeight);
      },
    },
  });
  index.addAll(documents);

  function byCodeNumber(prefix: string, limit: number): SuggestionRecord[] {
    return catalogue.codes
      .filter((record) => String(record.code).startsWith(prefix))
      .slice(0, limit)
      .map((record) => ({ text: `${record.code} ${record.phrase}`, kind: 'PHRASE', record }));
  }

  /** Of one code's matching entries, the most canonical kind, then the shortest completion. */
  function preferred(a: SuggestionDocument, b: SuggestionDocument): SuggestionDocument {
    const byKind = suggestionKinds.indexOf(a.kind) - suggestionKinds.indexOf(b.kind);
    return byKind < 0 || (byKind === 0 && a.text.length <= b.text.length) ? a : b;
  }

  return (typedPrefix, limit) => {
    const typed = typedPrefix.trim();
    if (/^\d{1,3}$/.test(typed)) return byCodeNumber(typed, limit);
    // Codes in the order of their best match; Map keeps insertion order.
    const best = new Map<number, SuggestionDocument>();
    const query = withoutRepeats(typed);
    const typing = tokenize(query.slice(query.lastIndexOf(' ') + 1)).length;
    const prefix = (term: string, index: number, terms: readonly string[]) => completes(term, index, terms, typing);
    for (const result of index.search(query, { prefix })) {
      const document = documents[result.id as number];
      if (!document) continue;
      const current = best.get(document.code);
      best.set(document.code, current ? preferred(current, document) : document);
    }
    return [...best.values()].slice(0, limit).flatMap((document) => {
      const record = catalogue.byCode.get(document.code);
      return record ? [{ text: document.text, kind: document.kind, record }] : [];
    });
  };
}
