import situationsJson from './situations.json' with { type: 'json' };

/**
 * Situations in API design, one sentence each, where a code is the answer ("Sign-up uses an email
 * address that is already registered"), written for StatusQL in our own words: a question told at
 * length meets its code through them rather than through an incidental word of a description.
 */
const situationsByCode: ReadonlyMap<number, readonly string[]> = new Map(
  situationsJson.map(({ code, situations }) => [code, situations]),
);

/** The situations of a code; none for most vendor codes. */
export const situationsOf = (code: number): readonly string[] => situationsByCode.get(code) ?? [];

/** Every code that has situations. */
export const codesWithSituations = (): readonly number[] => [...situationsByCode.keys()];
