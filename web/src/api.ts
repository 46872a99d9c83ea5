import {
  RegistrationStatus,
  StatusClassKind,
  createClient,
  type StatusCodeFilter,
  type InterpretStatusQuery,
  type QuickGuideQuery,
  type SearchQuery,
  type StatusCodeFieldsFragment,
  type StatusCodeQuery,
  type SuggestionsQuery,
} from '@statusql/sdk';
import { noFilters, type ClassName, type Filters } from './route.js';

/** The page's only way to the API: the SDK, with its defaults (GET requests carrying document ids). */
const statusql = createClient({ url: '/graphql' });

const kinds: Record<ClassName, StatusClassKind> = {
  '1xx': StatusClassKind.Informational,
  '2xx': StatusClassKind.Success,
  '3xx': StatusClassKind.Redirection,
  '4xx': StatusClassKind.ClientError,
  '5xx': StatusClassKind.ServerError,
};

export type CodeSummary = StatusCodeFieldsFragment;
// A root field is null only beside an error, and the SDK throws on any error, hence the `!`s below.
export type CodeDetails = NonNullable<StatusCodeQuery['statusCode']>;
export type SearchResults = NonNullable<SearchQuery['search']>;
export type QuickGuideEntry = QuickGuideQuery['quickGuide'][number];
export type Completion = NonNullable<SuggestionsQuery['suggestions']>[number];
export type Interpretation = NonNullable<InterpretStatusQuery['interpretStatus']>;

const answers = new Map<string, Promise<unknown>>();

/** Answers are cached for the page's lifetime (the catalogue does not change while it is open); failures are not. */
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let answer = answers.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = load();
    answers.set(key, answer);
    answer.catch(() => answers.delete(key));
  }
  return answer;
}

/** The API's filter for a class and the chips' filters; undefined for none. */
function filterOf(className: ClassName | null, filters: Filters): StatusCodeFilter | undefined {
  const filter: StatusCodeFilter = {
    ...(className && { classes: [kinds[className]] }),
    ...(filters.source && {
      registrations:
        filters.source === 'official'
          ? [RegistrationStatus.Permanent, RegistrationStatus.Temporary]
          : [RegistrationStatus.Unofficial],
    }),
    ...(filters.deprecated && { deprecated: true }),
    ...(filters.retryable && { retryable: true }),
  };
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** Ranked search results (one page holds the whole catalogue), with per-class facets. */
export function search(query: string, className: ClassName | null, filters: Filters): Promise<SearchResults> {
  const filter = filterOf(className, filters);
  return cached(`search:${JSON.stringify(filter)}:${query}`, () =>
    statusql.search({ query, filter, first: 100 }).then((data) => data.search!),
  );
}

/** Every catalogued code, or those of one class or the chips' filters, by number. */
export function listCodes(className: ClassName | null, filters: Filters = noFilters): Promise<CodeSummary[]> {
  const filter = filterOf(className, filters);
  return cached(`list:${JSON.stringify(filter)}`, async () => {
    const codes: CodeSummary[] = [];
    for await (const code of statusql.allStatusCodes({ filter })) codes.push(code);
    return codes;
  });
}

/** The everyday codes: 200 for success, 429 for rate limit, … */
export function quickGuide(): Promise<QuickGuideEntry[]> {
  return cached('guide', () => statusql.quickGuide().then((data) => data.quickGuide));
}

/** How to read a status the catalogue does not hold (`/299`): its class's x00, by RFC 9110 §15. */
export function interpretStatus(code: number): Promise<Interpretation> {
  return cached(`interpret:${code}`, () => statusql.interpretStatus({ code }).then((data) => data.interpretStatus!));
}

/** One code with everything the detail view shows; null when nothing is catalogued at that number. */
export function statusCode(code: number): Promise<CodeDetails | null> {
  return cached(`code:${code}`, () => statusql.statusCode({ code }).then((data) => data.statusCode));
}

/** Completions of what the user is typing, best first, each leading to one code. */
export function suggestions(prefix: string): Promise<Completion[]> {
  return cached(`suggestions:${prefix}`, () =>
    statusql.suggestions({ prefix, first: 8 }).then((data) => data.suggestions ?? []),
  );
}
