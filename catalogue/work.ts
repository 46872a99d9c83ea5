/**
 * What one search or suggestion takes at most, in microseconds, by the length of what it is given:
 * the upper envelope of bench/field-costs.ts's timings over words, typos, pasted lines, repeated
 * words and runs of one-letter words, on the 2-core reference machine (docs/cost.md). The cost
 * limit adds these to the work of the values an answer holds.
 */
const searchMicroseconds = { perCall: 1500, perCharacter: 1.2 };
const suggestMicroseconds = { perCall: 600, perCharacter: 2 };

const lengthOf = (text: unknown) => (typeof text === 'string' ? text.length : 0);

/** `search(query:)`: ranking the catalogue for the query, before any edge is resolved. */
export const searchWork = (args: Readonly<Record<string, unknown>>): number =>
  searchMicroseconds.perCall + searchMicroseconds.perCharacter * lengthOf(args['query']);

/** `suggest(prefix:)`: completing the prefix. */
export const suggestWork = (args: Readonly<Record<string, unknown>>): number =>
  suggestMicroseconds.perCall + suggestMicroseconds.perCharacter * lengthOf(args['prefix']);
