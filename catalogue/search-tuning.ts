/** The fields of a code that search reads, each with its own weight. */
export type SearchField =
  | 'number'
  | 'phrase'
  | 'formerPhrases'
  | 'synonyms'
  | 'vendors'
  | 'frameworkNames'
  | 'headers'
  | 'description'
  | 'commonUsage'
  | 'otherLanguages'
  | 'situations'
  | 'apiErrors';

/** Every weight and threshold of the ranking, in one place; `createSearch` takes it. */
export interface SearchTuning {
  /** Field weights: the words people use for a code matter more than its prose. */
  fieldBoosts: Readonly<Record<SearchField, number>>;
  /**
   * How much a name of several words said in full in the query, in any order ("successful
   * request" says "request succeeded"), outweighs the same words spread over unrelated names.
   */
  phraseBoost: number;
  /** How much a query that is exactly one of a code's names ("Found", "crash", "HttpStatus.FOUND") outweighs the rest. */
  exactNameBoost: number;
  /**
   * Official codes win ties against vendor codes that reuse their words, and current ones against
   * deprecated (305 Use Proxy) and temporary ones: such a code's score is multiplied by this.
   */
  unofficialWeight: number;
  /**
   * Each situation is also searched as a sentence of its own, and a code's best sentence adds its
   * score times this: a question told at length meets the one situation it tells, where the
   * situations run together in one field would weigh its words against all six.
   */
  situationSentenceWeight: number;
  /**
   * Situations are read only for a query of at least this many words: they answer questions told
   * at length, and their everyday words would otherwise outweigh a short query's names
   * ("requete incorrecte" finding 421). Fewer sentences to search is faster, too.
   */
  situationMinTerms: number;
  /**
   * A product's own situation the query names the product of ("nginx limit_req rejects excess
   * requests") scores its sentence's score times this, when the query has
   * `vendorSituationFullTerms` words besides the product's name.
   */
  vendorSituationWeight: number;
  /**
   * With fewer words, the weight shrinks in proportion: a few typed words beside a product's name
   * ("bad gateway nginx", "django HttpResponseNotAllowed") are a name to look up, not a situation.
   */
  vendorSituationFullTerms: number;
  /** A code whose vendor the query names ("esri token", "cloudflare timeout") has its score multiplied by this instead. */
  vendorNamedWeight: number;
  /**
   * How strongly a query word's weight follows its rarity across the whole catalogue. MiniSearch
   * multiplies a score by the number of query words matched; without this, three everyday words
   * ("user sent wrong ...") outweigh the one that says what the query is about ("password").
   */
  rarityExponent: number;
  /** Words at least this long that the catalogue does not know are matched fuzzily, with one edit. */
  fuzzyMinLength: number;
  /** From this length on, a fuzzy word may be two edits away. */
  twoEditsMinLength: number;
  /** Words at least this long may be completed as a prefix (the last one, or one the catalogue does not know). */
  prefixMinLength: number;
  /**
   * The share of a symptom's message words a pasted line must hold for the symptom to count:
   * below 1 so a long message with a word cut off still counts, high enough that a line about
   * something else is not taken for it. A typed question holds a message only word for word:
   * "huge cookies and request headers too big" holds all five words of nginx's "Request Header Or
   * Cookie Too Large", and asks for 431.
   */
  symptomMinCoverage: number;
  /** Words of a typed query at least this long may match a symptom's word with one edit: a message's words are mostly long, and short ones would meet too many. */
  symptomFuzzyMinLength: number;
  /** A symptom counts by coverage only when this many of its words are found; a shorter message must be there word for word. */
  symptomMinWords: number;
  /**
   * How far a pasted symptom lifts its code: the code scores at least the best score of the
   * search, multiplied by one plus this times the share of the symptom's message in the query, so
   * it comes first.
   */
  symptomBoost: number;
  /** Breaks ties between codes lifted by messages held alike: each place higher in the symptom index's order multiplies by one plus this. */
  symptomRankWeight: number;
  /** The API errors' field weight for typed words with no identifier among them (fieldBoosts.apiErrors otherwise). */
  typedApiErrorBoost: number;
  /**
   * And for words told at length with no identifier among them, a situation rather than a payload:
   * the field's thousands of vendors' meanings hold every everyday word ("retry later" of many 429s).
   */
  situationApiErrorBoost: number;
  /** A word of another language is matched by this many first letters, a crude stem. */
  otherLanguageStemLength: number;
  /**
   * How far an API error's identifier held whole lifts its status: the code scores this times the
   * best score of the search, plus its own, so it comes first and several keep their order.
   */
  identifierLift: number;
  /**
   * How much a catalogued number among other words ("HTTPError: 429 Client Error", a log line's
   * "504 UT") lifts its code: the line's other words each match some code, the number names one.
   */
  numberInTextBoost: number;
  /**
   * A query of more distinct words than this was pasted, not typed: it is matched as written, with
   * no typo correction or prefixes, which were most of a long query's time and find nothing a
   * pasted line needs.
   */
  typedMaxWords: number;
  /**
   * A query of at most this many distinct words that names a vendor and, in full, a name of one of
   * its codes asks about that code ("nginx code for request header or cookie too large": 494),
   * rather than the status its client sees (400, which the matched symptom points to). A longer
   * one is a pasted page, which names its vendor and "unknown error" whatever error it shows.
   */
  vendorQuestionMaxWords: number;
  /** A query's distinct words beyond this many are ignored: a pasted page costs no more than a line. */
  maxQueryTerms: number;
  /** Longer words are ignored: no name is that long, and fuzzy matching costs grow with length. */
  maxWordLength: number;
}

/** The tuning StatusQL serves with, measured by `npm run eval:search`. */
export const searchTuning: SearchTuning = {
  fieldBoosts: {
    number: 10,
    phrase: 4,
    synonyms: 4,
    formerPhrases: 3,
    frameworkNames: 1.5,
    vendors: 1.5,
    headers: 1.5,
    description: 1,
    commonUsage: 0.8,
    otherLanguages: 4,
    situations: 1,
    apiErrors: 2,
  },
  phraseBoost: 2,
  exactNameBoost: 4,
  situationSentenceWeight: 2,
  situationMinTerms: 4,
  vendorSituationWeight: 16,
  vendorSituationFullTerms: 8,
  unofficialWeight: 0.7,
  vendorNamedWeight: 1.5,
  rarityExponent: 2,
  fuzzyMinLength: 4,
  twoEditsMinLength: 8,
  prefixMinLength: 3,
  symptomMinCoverage: 0.85,
  symptomMinWords: 4,
  symptomFuzzyMinLength: 6,
  symptomBoost: 1,
  symptomRankWeight: 0.001,
  identifierLift: 1.5,
  otherLanguageStemLength: 6,
  typedApiErrorBoost: 2,
  situationApiErrorBoost: 0.5,
  numberInTextBoost: 5,
  typedMaxWords: 8,
  vendorQuestionMaxWords: 12,
  maxQueryTerms: 32,
  maxWordLength: 40,
};
