import { indexedStems, normalizeWord, processQueryTerm } from './terms.js';

/**
 * The words of a vendor's name that name it, as query stems: whole words only ("SparkPost", not
 * its "post"), and none a thesaurus group reads as another word (its "Backend" is every log
 * line's "upstream").
 */
export const namingWordsOf = (name: string): string[] =>
  name.split(/[^\p{L}\p{N}]+/u).flatMap((word) => {
    const normalized = normalizeWord(word);
    const term = processQueryTerm(word);
    return normalized !== null && term !== null && indexedStems(normalized)[0] === term ? [term] : [];
  });

/** A vendor's family, the first word of its name, whole and lower case: "stripe" of "Stripe Ruby library". */
export const familyOf = (vendor: string): string =>
  (vendor.split(/[\s(]/)[0] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
