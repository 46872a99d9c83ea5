import type { HeaderRequirement, SearchField, SymptomFieldsFragment } from '@statusql/sdk';

/** A search edge's match: the field and the words of it that matched. */
type SearchMatchFieldsFragment = { field: SearchField; terms: readonly string[] };
import type { CodeDetails, CodeSummary, QuickGuideEntry } from './api.js';
import { copyButton, h, highlight, sectionHeading, type Child } from './dom.js';
import { liveExample } from './live-example.js';
import { classNames, noFilters, urlOf } from './route.js';

/** The CSS class that colours a code by its class: "c4xx". */
export const tone = (code: { statusClass: { range: string } }) => `c${code.statusClass.range}`;

/** "an nginx error log message", "a Chrome browser console message": by sound, so nginx ("engine x") and HAProxy ("aitch") take "an". */
function symptomOrigin(symptom: SymptomFieldsFragment): string {
  const origin = `${symptom.source.name} ${symptom.seenIn}`;
  return `${/^(?:[aeiou]|nginx|haproxy)/i.test(origin) ? 'an' : 'a'} ${origin} message`;
}

/** What a pasted message means and what to check first. */
function symptomNote(symptom: SymptomFieldsFragment, lead: string): HTMLElement {
  return h(
    'div',
    { class: 'symptom' },
    h('p', null, h('strong', null, lead), ' ', h('code', null, symptom.message)),
    h('p', null, symptom.meaning),
    h('p', null, h('strong', null, 'Check first: '), symptom.checkFirst),
  );
}

/** What a search matched in a field the card does not show, named as a reader knows it. */
const hiddenFields: Partial<Record<SearchField, string>> = {
  FORMER_PHRASES: 'former phrase',
  SYNONYMS: 'everyday name',
  VENDORS: 'vendor',
  FRAMEWORK_NAMES: 'framework name',
  HEADERS: 'header',
  SITUATIONS: 'situation',
  API_ERRORS: 'API error',
  OTHER_LANGUAGES: 'name in another language',
};

/** "Matched its everyday name: rate, limit", for the matches a card's own text cannot highlight. */
function whyMatched(matches: readonly SearchMatchFieldsFragment[]): HTMLElement | false {
  const reasons = matches.flatMap((match) => {
    const label = hiddenFields[match.field];
    return label ? [`${label}: ${match.terms.join(', ')}`] : [];
  });
  return reasons.length > 0 && h('p', { class: 'why' }, `Matched its ${reasons.join('; ')}`);
}

/** Beside a code known by another name than its registry phrase ("418 I'm a teapot"): the registry's. */
const registryPhrase = (code: CodeSummary): HTMLElement | false =>
  code.commonName !== code.phrase && h('span', { class: 'tag' }, `registry: ${code.phrase}`);

/** One result card; its heading link covers the card, so the card opens with a click, Enter or a tap. */
export function codeCard(
  code: CodeSummary,
  matches: readonly SearchMatchFieldsFragment[] = [],
  symptoms: readonly SymptomFieldsFragment[] = [],
  answer = false,
): HTMLLIElement {
  const terms = matches.flatMap((match) => match.terms);
  return h(
    'li',
    { class: `card ${tone(code)}${answer ? ' answer' : ''}` },
    answer && h('p', { class: 'answer-label' }, 'The answer'),
    h(
      'h3',
      null,
      h(
        'a',
        { href: urlOf({ view: 'code', code: code.code }) },
        h('span', { class: 'code' }, code.code),
        ' ',
        ...highlight(code.commonName, terms),
      ),
    ),
    h(
      'p',
      { class: 'meta' },
      h('span', { class: 'class-name' }, `${code.statusClass.range} ${code.statusClass.label}`),
      registryPhrase(code),
      code.vendor && h('span', { class: 'tag' }, code.vendor),
      code.deprecation && h('span', { class: 'tag' }, code.deprecation.kind.toLowerCase()),
    ),
    h('p', { class: 'description' }, ...highlight(code.description, terms)),
    code.commonUsage &&
      h('p', { class: 'usage' }, h('strong', null, 'Common usage: '), ...highlight(code.commonUsage, terms)),
    whyMatched(matches),
    // The best match alone: a line may hold every word of a sibling message too.
    symptoms[0] && symptomNote(symptoms[0], `You pasted ${symptomOrigin(symptoms[0])}:`),
  );
}

/** One row of the index: the code and its phrase, and a tag for a vendor's or a retired code. */
export function indexRow(code: CodeSummary): HTMLLIElement {
  return h(
    'li',
    { class: `row ${tone(code)}` },
    h(
      'a',
      { href: urlOf({ view: 'code', code: code.code }) },
      h('span', { class: 'code' }, code.code),
      ' ',
      code.commonName,
    ),
    registryPhrase(code),
    code.vendor && h('span', { class: 'tag', title: `Unofficial: ${code.vendor}` }, code.vendor),
    code.deprecation && h('span', { class: 'tag' }, code.deprecation.kind.toLowerCase()),
  );
}

/** A quick guide entry: "429 for rate limit". */
export function guideItem(entry: QuickGuideEntry): HTMLLIElement {
  const { statusCode } = entry;
  return h(
    'li',
    null,
    h(
      'a',
      { href: urlOf({ view: 'code', code: statusCode.code }), title: statusCode.title },
      h('span', { class: `code ${tone(statusCode)}` }, statusCode.code),
      ` for ${entry.situation}`,
    ),
  );
}

const requirementLabels: Record<HeaderRequirement, string> = {
  MUST: 'Required',
  SHOULD: 'Recommended',
  MAY: 'Optional',
  DEFINITION: 'Defines the code',
  CONVENTION: 'Convention',
};

function registrationOf(code: CodeDetails): string {
  if (code.registration.status === 'PERMANENT') return 'IANA registry';
  if (code.registration.status === 'TEMPORARY') {
    return code.registration.expiresOn
      ? `IANA registry, temporary until ${code.registration.expiresOn}`
      : 'IANA registry, temporary';
  }
  return code.vendor ? `Unofficial: ${code.vendor}` : 'Unofficial';
}

function fact(term: string, ...details: Child[]): HTMLElement[] {
  return [h('dt', null, term), h('dd', null, ...details)];
}

/** A section of a code's page, its heading an anchor: "#headers" is its id. */
function section(title: string, id: string, ...content: Child[]): HTMLElement {
  return h('section', null, sectionHeading(title, id), ...content);
}

/** The link from a code back to the list it was opened from. */
export function backLink(href: string): HTMLElement {
  return h('p', { class: 'back' }, h('a', { href }, href === '/' ? '← All status codes' : '← Back to results'));
}

/** The GraphQL query a code's page shows and GraphiQL opens on. */
const queryFor = (code: number) =>
  `{\n  statusCode(code: ${code}) {\n    title\n    description\n    retryAdvice\n    headers { name requirement note }\n  }\n}\n`;

/** The same through the SDK, as a TypeScript client would ask for it. */
const sdkSnippetFor = (code: number) =>
  [
    "import { createClient } from '@statusql/sdk';",
    '',
    `const statusql = createClient({ url: '${location.origin}/graphql' });`,
    `const { statusCode } = await statusql.statusCode({ code: ${code} });`,
    'console.log(statusCode?.title, statusCode?.retryAdvice);',
    '',
  ].join('\n');

/** A block of code to copy: its text, and a button that copies it. */
function copyable(text: string, label: string): HTMLElement {
  return h(
    'div',
    { class: 'copyable' },
    h('pre', { tabindex: 0, 'aria-label': label }, h('code', null, text)),
    copyButton(text, 'copy', `Copy ${label}`),
  );
}

/** A code asked for from code: the query (and GraphiQL open on it) and the SDK call. */
function fromCode(code: number): HTMLElement {
  const query = queryFor(code);
  return section(
    'Use it from code',
    'from-code',
    h('p', null, 'The GraphQL query this page runs, cut down:'),
    copyable(query, 'the GraphQL query'),
    h(
      'p',
      { class: 'graphiql' },
      h('a', { href: `/graphql?query=${encodeURIComponent(query)}` }, `Open ${code} in GraphiQL`),
    ),
    h('p', null, 'The same with the typed SDK (', h('code', null, 'npm install @statusql/sdk'), '):'),
    copyable(sdkSnippetFor(code), 'the SDK snippet'),
  );
}

/** The detail view of one code: meaning, usage, specification, headers, caching, retries and look-alikes. */
/** The codes before and after one in the catalogue, as links: "← 428 Precondition Required". */
function neighbours(before: CodeSummary | undefined, after: CodeSummary | undefined): HTMLElement {
  const link = (code: CodeSummary | undefined, rel: 'prev' | 'next') =>
    code &&
    h(
      'a',
      { href: urlOf({ view: 'code', code: code.code }), rel },
      rel === 'prev' ? `← ${code.code} ${code.commonName}` : `${code.code} ${code.commonName} →`,
    );
  return h(
    'nav',
    { class: 'neighbours', 'aria-label': 'Neighbouring codes' },
    link(before, 'prev'),
    link(after, 'next'),
  );
}

export function codeDetails(
  code: CodeDetails,
  backHref: string,
  around: { before?: CodeSummary; after?: CodeSummary } = {},
): Node[] {
  const parts: Child[] = [
    backLink(backHref),
    h(
      'header',
      { class: `code-header ${tone(code)}` },
      h('h1', { id: 'code-title', tabindex: -1 }, h('span', { class: 'code' }, code.code), ' ', code.commonName),
      h(
        'p',
        { class: 'meta' },
        h(
          'a',
          {
            class: 'class-name',
            href: urlOf({
              view: 'list',
              query: '',
              className: classNames.find((name) => name === code.statusClass.range) ?? null,
              filters: noFilters,
            }),
          },
          `${code.statusClass.range} ${code.statusClass.label}`,
        ),
        h('span', { class: 'tag' }, registrationOf(code)),
        registryPhrase(code),
        code.deprecation && h('span', { class: 'tag' }, code.deprecation.kind.toLowerCase()),
      ),
    ),
    h('p', { class: 'lead' }, code.description),
    code.commonUsage && h('p', { class: 'usage' }, h('strong', null, 'Common usage: '), code.commonUsage),
    code.deprecation && h('p', { class: 'note' }, h('strong', null, 'Avoid: '), code.deprecation.reason),
    h(
      'dl',
      { class: 'facts' },
      ...fact(
        'Specification',
        code.specification
          ? h('a', { href: code.specification.url, rel: 'external' }, code.specification.citation)
          : 'None: a vendor’s own code',
      ),
      ...fact(
        'Cacheable by default',
        code.cacheableByDefault
          ? 'Yes: caches may store it without explicit freshness'
          : 'No: only with explicit freshness (Cache-Control, Expires)',
      ),
      ...fact('Response body', code.bodyAllowed ? 'Allowed' : 'Not allowed'),
      ...fact(
        'Retry',
        h('strong', null, code.retryable ? 'May succeed later. ' : 'Not without a change. '),
        code.retryAdvice,
      ),
    ),
    code.confusedWith.length > 0 &&
      section(
        'Often confused with',
        'confused-with',
        h(
          'ul',
          { class: 'confused' },
          ...code.confusedWith.map((entry) =>
            h(
              'li',
              null,
              h(
                'a',
                { href: urlOf({ view: 'code', code: entry.statusCode.code }) },
                `${entry.statusCode.code} ${entry.statusCode.phrase}`,
              ),
              h('p', null, entry.difference),
            ),
          ),
        ),
      ),
    code.headers.length > 0 &&
      section(
        'Headers',
        'headers',
        h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            null,
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, 'Header'),
                h('th', { scope: 'col' }, 'Requirement'),
                h('th', { scope: 'col' }, 'Note'),
              ),
            ),
            h(
              'tbody',
              null,
              ...code.headers.map((header) =>
                h(
                  'tr',
                  null,
                  h('th', { scope: 'row' }, h('code', null, header.name)),
                  h('td', null, requirementLabels[header.requirement]),
                  h('td', null, header.note),
                ),
              ),
            ),
          ),
        ),
      ),
    section(
      'Example',
      'example',
      h(
        'pre',
        { class: 'exchange', tabindex: 0, 'aria-label': `An HTTP exchange answered with ${code.code}` },
        h('code', null, code.exampleExchange),
      ),
    ),
    liveExample(
      new URL(code.liveExampleUrl).pathname,
      code.code,
      code.headers.map((header) => header.name),
    ),
    code.frameworkNames.length > 0 &&
      section(
        'In your framework',
        'frameworks',
        h(
          'dl',
          { class: 'frameworks' },
          ...code.frameworkNames.flatMap((entry) => [
            h('dt', null, entry.framework.name),
            h('dd', null, h('code', null, entry.name), entry.since && ` (since ${entry.since})`),
          ]),
        ),
      ),
    code.symptoms.edges.length > 0 &&
      section(
        'Error messages that come with it',
        'error-messages',
        ...code.symptoms.edges.map(({ node: symptom }) =>
          symptomNote(symptom, `${symptom.source.name}, ${symptom.seenIn}:`),
        ),
      ),
    code.formerPhrases.length > 0 &&
      section(
        'Former reason phrases',
        'former-phrases',
        h('ul', null, ...code.formerPhrases.map((former) => h('li', null, `“${former.phrase}” (${former.source})`))),
      ),
    code.otherMeanings.length > 0 &&
      section(
        'Other meanings of this number',
        'other-meanings',
        h(
          'ul',
          null,
          ...code.otherMeanings.map((meaning) =>
            h('li', null, h('strong', null, `${meaning.vendor}: ${meaning.phrase}. `), meaning.description),
          ),
        ),
      ),
    fromCode(code.code),
    neighbours(around.before, around.after),
  ];
  return parts.filter((part): part is Node => part instanceof Node);
}
