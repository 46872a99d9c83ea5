import otherLanguagesJson from './other-languages.json' with { type: 'json' };

/** The languages besides English that search reads: a query in any of them needs no setting. */
export const otherLanguages = ['de', 'es', 'fr', 'pt', 'it', 'ja', 'zh', 'ru'] as const;
export type OtherLanguage = (typeof otherLanguages)[number];

/** What developers writing one language call a code: its reason phrase, and the words of its situation. */
export interface NamesInLanguage {
  phrase: string;
  terms: readonly string[];
}

/**
 * The registry codes' names in eight other languages (catalogue/other-languages.json), written for
 * StatusQL by an AI helper session from the codes' numbers and English phrases alone, not by a
 * translation service; a fluent human reader has yet to review them (docs/search.md).
 */
export const namesInOtherLanguages: ReadonlyMap<number, Readonly<Record<OtherLanguage, NamesInLanguage>>> = new Map(
  otherLanguagesJson.map(({ code, ...languages }) => [code, languages]),
);

/** A code's names in every other language, each phrase and term on its own. */
export function otherLanguageNames(code: number): string[] {
  const languages = namesInOtherLanguages.get(code);
  return languages
    ? otherLanguages.flatMap((language) => [languages[language].phrase, ...languages[language].terms])
    : [];
}
