import { z } from 'zod';
import { catalogue } from '../catalogue/catalogue.js';
import { createSuggest, suggestionKinds, type SuggestionKind, type SuggestionRecord } from '../catalogue/suggest.js';
import { suggestWork } from '../catalogue/work.js';
import { builder } from './builder.js';
import { bytesOf, cost, enumBytes, fixed } from './cost.js';
import { StatusCode } from './status-code.js';
import { textArgument } from './text-argument.js';

/** Longest prefix `suggest` accepts, in characters. */
export const maxPrefixLength = 100;

/** Most suggestions one call returns, and how many when `first` is omitted. */
export const maxSuggestions = 20;
export const defaultSuggestions = 8;

const suggestCatalogue = createSuggest(catalogue);

const kindDescriptions: Record<SuggestionKind, string> = {
  PHRASE: 'The code and its reason phrase, as on a status line: "404 Not Found".',
  FORMER_PHRASE: 'A reason phrase the code had in an earlier specification: "Request Entity Too Large".',
  SYNONYM: 'An everyday phrasing of the code: "rate limit".',
  FRAMEWORK_NAME: 'What a framework calls the code: "http.StatusNotFound".',
};

const SuggestionKindEnum = builder.enumType('SuggestionKind', {
  description: "Where a suggestion's text comes from.",
  values: Object.fromEntries(suggestionKinds.map((kind) => [kind, { description: kindDescriptions[kind] }])) as Record<
    SuggestionKind,
    { description: string }
  >,
});

/** Every text a suggestion can show: each code's status line, former phrases, synonyms and framework names. */
const suggestionTexts = catalogue.codes.flatMap((record) => [
  `${record.code} ${record.phrase}`,
  ...record.formerPhrases.map((former) => former.phrase),
  ...record.synonyms,
  ...record.frameworkNames.map((entry) => entry.name),
]);

const Suggestion = builder.objectRef<SuggestionRecord>('Suggestion').implement({
  description: 'A completion of what the user is typing, and the code it leads to.',
  fields: (t) => ({
    text: t.exposeString('text', {
      description: 'What to show in the list and, when picked, to search for.',
      extensions: cost({ bytes: bytesOf(suggestionTexts) }),
    }),
    kind: t.field({
      type: SuggestionKindEnum,
      description: "Whether the text is the code's phrase, a former phrase, a synonym or a framework name.",
      resolve: (suggestion) => suggestion.kind,
      extensions: cost({ bytes: enumBytes(suggestionKinds) }),
    }),
    statusCode: t.field({
      type: StatusCode,
      description: 'The code the text names.',
      resolve: (suggestion) => suggestion.record,
      extensions: cost({}),
    }),
  }),
});

builder.queryField('suggestions', (t) =>
  t.field({
    type: [Suggestion],
    nullable: true,
    description:
      'Autocomplete for a search box: completions of a partly typed word, phrase, number or framework name, best first and at most one per code. Tolerates typos and British spellings; digits complete code numbers in order ("40" gives 400, 401, ...).',
    args: {
      prefix: t.arg.string({
        required: true,
        description: `What the user has typed so far, 1 to ${maxPrefixLength} characters.`,
        validate: textArgument('prefix', maxPrefixLength),
      }),
      first: t.arg.int({
        defaultValue: defaultSuggestions,
        description: `How many suggestions at most, 1 to ${maxSuggestions} (${defaultSuggestions} when omitted).`,
        validate: z
          .int(`first must be a whole number`)
          .min(1, `first must be between 1 and ${maxSuggestions}`)
          .max(maxSuggestions, `first must be between 1 and ${maxSuggestions}`)
          .nullish(),
      }),
    },
    resolve: (_root, args) => suggestCatalogue(args.prefix, args.first ?? defaultSuggestions),
    // At most `first`, each a code of its own.
    extensions: cost({ length: fixed(maxSuggestions), owned: true, work: suggestWork }),
  }),
);
