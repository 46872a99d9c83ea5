import { stemmer } from 'stemmer';
import { americanSpelling } from './spelling.js';
import { groupStem } from './thesaurus.js';

/**
 * How search reads text: words, the words it ignores, and the forms a word is indexed and
 * queried under. The code index, the symptom index and suggestions all read text this way.
 */

const stopWords = new Set(
  `a an and are as at be by for from has i in is it its my of on or that the this to was when with what which me
  am been being were have had do does did can could should would will you your we our they their them he she his her
  us so than then just there here how why who where don doesn didn isn aren wasn won ll re ve
  youre theyre about because
  status code codes http`.split(/\s+/),
);

/** Porter reads "https" as the plural of "http", a stop word: it is a word of its own. */
const stem = (word: string) => (word === 'https' ? word : stemmer(word));

/** A negation written short says "not", as the catalogue does ("doesn't match" is "does not match"). */
const negations = new Set(
  'dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt aint'.split(' '),
);

/** Identifiers written in camelCase or snake_case ("StatusNotFound", "NOT_FOUND"), or with a number in them ("Status422UnprocessableEntity"). */
const compoundWord = /[a-z][A-Z]|_|[A-Za-z]\d|\d[A-Za-z]/;

/** Han, Hiragana and Katakana: scripts written without spaces between words. */
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const segmenters = {
  ja: new Intl.Segmenter('ja', { granularity: 'word' }),
  zh: new Intl.Segmenter('zh', { granularity: 'word' }),
};

/**
 * The words of a run of Japanese or Chinese, by Intl.Segmenter (Japanese when it holds kana). Its
 * dictionary knows Chinese words ("请求", "过多") and Japanese nouns, but cuts a Japanese verb into
 * single characters ("見", "つ", "か", "り"): consecutive single characters are read as their
 * overlapping pairs ("見つ", "つか", "かり"), the classic way to search such text, so that a query
 * and the index cut the same phrase alike.
 */
function cjkWords(text: string): string[] {
  const words: string[] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length === 1) words.push(run[0]!);
    for (let index = 0; index + 1 < run.length; index++) words.push(run[index]! + run[index + 1]!);
  };
  for (const { segment, isWordLike } of segmenters[kana.test(text) ? 'ja' : 'zh'].segment(text)) {
    if (isWordLike && [...segment].length === 1 && cjk.test(segment)) run.push(segment);
    else {
      endRun();
      if (isWordLike) words.push(segment);
      // A single character before a word is read with it too: "未登录" (not logged in) is more than "登录".
      if (isWordLike && run.length === 1 && cjk.test(segment)) words.push(run[0]! + segment);
      run = [];
    }
  }
  endRun();
  return words;
}

/**
 * Splits text into words; a compound identifier also yields its parts, so "StatusNotFound"
 * finds both the Go constant and the phrase "Not Found". Framework names (one a line) are
 * indexed whole only, "Not Found" as "notfound", so their words do not count twice against the
 * phrase they spell; and without the class or module they belong to ("HttpStatus.", "http."),
 * which every code of a framework shares: it says nothing of the code, and "https" being typed
 * would otherwise complete to it for every code.
 */
export function tokenize(text: string, field?: string): string[] {
  if (field === 'frameworkNames') {
    return text
      .split('\n')
      .map((name) => (name.split(/\.|::/).pop() ?? '').replace(/[^\p{L}\p{N}]+/gu, ''))
      .filter(Boolean);
  }
  // An apostrophe inside a word joins it ("I'm", "I’m" and "Im" are one word), rather than leaving
  // the letters on either side to stand alone.
  const words = text
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => word.replace(/_/g, '').length > 0);
  return words.flatMap((word) => {
    if (cjk.test(word)) return cjkWords(word);
    if (!compoundWord.test(word)) return [word];
    const parts = word
      .replace(
        /([a-z])([A-Z])|([A-Za-z])(\d)|(\d)([A-Za-z])|([A-Z])([A-Z][a-z])/g,
        (_match, ...groups: Array<string | undefined>) => groups.slice(0, 8).filter(Boolean).join(' '),
      )
      .split(/[\s_]+/)
      .filter(Boolean);
    return [...parts, word.replace(/_/g, '')];
  });
}

/**
 * The compound identifiers of a text, and its words in capitals, each whole and as spelled,
 * whatever its case and underscores: "resourcemissing" for `resource_missing`, "notfound" for `Octokit::NotFound`; not
 * their parts, so `DiscordAPIError` is not Anthropic's `api_error`, and not stemmed, so GitHub's
 * `missing_field` is not Plaid's `MISSING_FIELDS`. A word in capitals beside another is a phrase
 * shouted ("WORKER TIMEOUT"), not a code. The first `limit` only: a pasted page costs no more than
 * a line.
 */
export function identifiersOf(text: string, limit = Infinity): string[] {
  return text
    .replace(/\b[A-Z]{2,}(?: +[A-Z]{2,}\b)+/g, (phrase) => phrase.toLowerCase())
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => (compoundWord.test(word) || /^[A-Z]{6,}$/.test(word)) && !cjk.test(word))
    .slice(0, limit)
    .map((word) => word.replace(/_/g, '').toLowerCase());
}

/**
 * Accents off Latin letters ("página" is "pagina", as many type it) and ё as е; marks on other
 * scripts stay (Japanese が is not か).
 */
const folded = (word: string) =>
  /[^ -~]/.test(word)
    ? word
        .replace(/ё/g, 'е')
        .normalize('NFD')
        .replace(/(?<=\p{Script=Latin})\p{M}+/gu, '')
        .normalize('NFC')
    : word;

/** A token as the index spells it: lower case, American spelling; null for a stop word or a lone letter or digit ("HTTP/1.1" says nothing by its ones). */
export function normalizeWord(token: string): string | null {
  const lower = folded(token.toLowerCase());
  if (negations.has(lower)) return 'not';
  if (stopWords.has(lower) || /^[\p{L}\p{N}]$/u.test(lower)) return null;
  return americanSpelling(lower);
}

/**
 * Index side: the word as written (so a prefix typed mid-word still matches, and matches read
 * naturally), its stem (so "throttled" meets "throttling") and the stem of its thesaurus group
 * (so "blocked" meets "banned").
 */
export function processIndexTerm(token: string): string | string[] | null {
  const word = normalizeWord(token);
  if (word === null) return null;
  return [...new Set([word, ...indexedStems(word)])];
}

/** Query side: the group stem only; prefix and fuzzy matching reach the written forms. */
export function processQueryTerm(token: string): string | null {
  const word = normalizeWord(token);
  return word === null ? null : groupStem(stem(word));
}

/** Whether a word is Latin written with accents: another language's, whatever English word it folds to. */
export const accented = (token: string) => /^\p{Script=Latin}+$/u.test(token) && /[^a-z]/i.test(token);

/**
 * A word as another language's names read it: a Latin word written with accents is that
 * language's, and is not stemmed as English would ("connecté", logged in, is no "connect");
 * any other word as a query reads it.
 */
export function otherLanguageTerm(token: string): string | null {
  return accented(token) ? normalizeWord(token) : processQueryTerm(token);
}

/** A text as query stems, in order. */
export function stemsOf(text: string): string[] {
  return tokenize(text).flatMap((token) => processQueryTerm(token) ?? []);
}

/** "authorized" as the British write it: a mistyped British word ("unathorised") is one edit from it, two from the American. */
const britishForm = (word: string) => word.replace(/iz(e|ed|es|ing|ation|ations)$/, 'is$1');

/** The stems of a normalized word, which the index maps back to the word as written: its stem, its group's, and its British -ise form's. */
export function indexedStems(word: string): string[] {
  const british = britishForm(word);
  return [stem(word), groupStem(stem(word)), ...(british === word ? [] : [stem(british)])];
}
