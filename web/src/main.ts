import type { SuggestionKind } from '@statusql/sdk';
import * as api from './api.js';
import { createCombobox, shownText, type Suggestion } from './combobox.js';
import { h } from './dom.js';
import { classNames, noFilters, routeOf, urlOf, type Filters, type Route } from './route.js';
import { backLink, codeCard, codeDetails, guideItem, indexRow, tone } from './views.js';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = element<HTMLInputElement>('search-input');
const form = element<HTMLFormElement>('search-form');
const listView = element('list-view');
const listControls = element('list-controls');
const codeView = element('code-view');
/** The site's heading, which a code's view replaces: the code is that page's h1. */
const siteTitle = element('site-title');
const guide = element('guide');
const results = element<HTMLOListElement>('results');
const status = element('status');
/** Shown while a view waits for its answer longer than `loadingDelay`. */
const loading = element('loading');
const chips = [...document.querySelectorAll<HTMLButtonElement>('.chip[data-class]')];
const filterChips = [...document.querySelectorAll<HTMLButtonElement>('.chip[data-filter]')];

const siteName = 'StatusQL';
/** How long typing must pause before a search is sent. */
const typingDelay = 120;
/** How long a view may wait before the page says it is loading: quicker answers show no flicker. */
const loadingDelay = 200;
/** The longest prefix `suggestions` takes. */
const maxPrefixLength = 100;
const hints: Record<SuggestionKind, string> = {
  PHRASE: '',
  SYNONYM: '',
  FORMER_PHRASE: 'former phrase',
  FRAMEWORK_NAME: 'framework name',
};

const home: Extract<Route, { view: 'list' }> = { view: 'list', query: '', className: null, filters: noFilters };
let route: Route = routeOf(location) ?? home;
/** The list the detail view's back link returns to. */
let lastListUrl = '/';
/** Bumped by every render, so an answer that arrives late never overwrites a newer view. */
let renderId = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
/** Bumped by every suggestion request, for the same reason. */
let suggestId = 0;

const combobox = createCombobox(input, element<HTMLUListElement>('suggestions'), {
  // The list keeps the picked text, so Back returns to its results.
  pick: (suggestion) => {
    input.value = suggestion.text;
    route = { ...listOf(route), query: suggestion.text };
    history.replaceState(null, '', urlOf(route));
    navigate({ view: 'code', code: suggestion.code }, { focus: true });
  },
  // Enter on a status code ("404") opens it; on anything else it searches at once.
  submit: () => {
    clearTimeout(typingTimer);
    suggestId++;
    const code = /^\s*([1-5]\d\d)\s*$/.exec(input.value)?.[1];
    if (code) navigate({ view: 'code', code: Number(code) }, { focus: true });
    else void render({ focus: false });
  },
});

/** The list the page shows or last showed: a code's view keeps the list's class and filters only while open. */
const listOf = (current: Route): Extract<Route, { view: 'list' }> =>
  current.view === 'list' ? current : { view: 'list', query: input.value, className: null, filters: noFilters };

function setCounts(counts: ReadonlyMap<string, number>): void {
  let total = 0;
  for (const count of counts.values()) total += count;
  for (const chip of chips) {
    const count = chip.dataset['class'] ? (counts.get(chip.dataset['class']) ?? 0) : total;
    chip.querySelector('.count')!.textContent = String(count);
    chip.classList.toggle('empty', count === 0);
  }
}

function showView(view: Route['view']): void {
  listControls.hidden = listView.hidden = siteTitle.hidden = view !== 'list';
  codeView.hidden = view !== 'code';
  guide.classList.toggle('beside-code', view === 'code');
}

function showStatus(text: string): void {
  if (status.textContent !== text) status.textContent = text;
}

/** A query as the status line and the title quote it: a pasted log line is cut short. */
const quoted = (query: string) => `“${query.length > 60 ? `${query.slice(0, 59).trimEnd()}…` : query}”`;

async function renderList(list: Extract<Route, { view: 'list' }>, id: number): Promise<void> {
  document.title = list.query.trim() ? `${quoted(list.query.trim())}: ${siteName}` : `${siteName}: HTTP status codes`;
  if (document.activeElement !== input) input.value = list.query;
  // The API takes at most 1000 characters (a pasted log line fits); a longer deep link searches for its start.
  const query = list.query.trim().slice(0, 1000);
  // A class typed alone ("5xx") is that class's chip, as much as a click on it.
  const typedClass = classNames.find((name) => name === query.toLowerCase()) ?? null;
  for (const chip of chips)
    chip.setAttribute('aria-pressed', String((chip.dataset['class'] || null) === (list.className ?? typedClass)));
  const { source, deprecated, retryable } = list.filters;
  const pressed: Record<string, boolean> = {
    official: source === 'official',
    vendor: source === 'vendor',
    deprecated,
    retryable,
  };
  for (const chip of filterChips)
    chip.setAttribute('aria-pressed', String(pressed[chip.dataset['filter'] ?? ''] ?? false));
  const kinds = [source, deprecated && 'deprecated', retryable && 'retryable'].filter(Boolean);
  const where = [list.className && ` in ${list.className}`, kinds.length > 0 && `, ${kinds.join(', ')} only`]
    .filter(Boolean)
    .join('');
  results.setAttribute('aria-busy', 'true');
  try {
    if (query) {
      const found = await api.search(query, list.className, list.filters);
      if (id !== renderId) return;
      setCounts(new Map(found.classFacets.map((facet) => [facet.statusClass.range, facet.count])));
      results.classList.remove('index');
      const [top, next] = found.edges;
      // One result clearly ahead (a pasted message, a name said exactly) is the answer; the rest are related.
      const answer = top && (top.symptoms.length > 0 || !next || top.score >= 2 * next.score) ? top : undefined;
      results.replaceChildren(
        ...found.edges.map((edge) => codeCard(edge.node, edge.matches, edge.symptoms, edge === answer)),
      );
      const elsewhere = found.classFacets.reduce((sum, facet) => sum + facet.count, 0) - found.totalCount;
      showStatus(
        found.totalCount
          ? answer && found.totalCount > 1
            ? `${answer.node.title} is the answer to ${quoted(query)}${where}; ${found.totalCount - 1} more ${found.totalCount === 2 ? 'code is' : 'codes are'} related`
            : `${found.totalCount} ${found.totalCount === 1 ? 'code matches' : 'codes match'} ${quoted(query)}${where}`
          : `No code matches ${quoted(query)}${where}${elsewhere ? `; ${elsewhere} in other classes` : ''}. ${kinds.length > 0 ? 'Try other words, or let go of a filter.' : list.className ? 'Try other words, or all classes.' : 'Try a number (404), a class (5xx) or other words.'}`,
      );
    } else {
      // Both lists are one cached request each; the chips count the first by class.
      const [all, codes] = await Promise.all([
        api.listCodes(null, list.filters),
        api.listCodes(list.className, list.filters),
      ]);
      if (id !== renderId) return;
      const counts = new Map<string, number>();
      for (const code of all) counts.set(code.statusClass.range, (counts.get(code.statusClass.range) ?? 0) + 1);
      setCounts(counts);
      // With nothing typed, an index: every code on a row of its own, dense enough to scan.
      results.classList.add('index');
      results.replaceChildren(...codes.map(indexRow));
      const label = list.className
        ? `${list.className} ${all.find((code) => code.statusClass.range === list.className)?.statusClass.label ?? ''} `
        : '';
      showStatus(
        codes.length > 0
          ? `${codes.length} ${label}status codes${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`
          : `No code is ${[list.className, ...kinds].filter(Boolean).join(', ')}. Let go of a filter to see more.`,
      );
    }
  } finally {
    if (id === renderId) results.removeAttribute('aria-busy');
  }
}

/** Fills the suggestion list with completions of what is typed. */
async function suggestFor(text: string): Promise<void> {
  const id = ++suggestId;
  const prefix = text.trim();
  if (!prefix || prefix.length > maxPrefixLength) return combobox.show([]);
  try {
    const completions = await api.suggestions(prefix);
    if (id !== suggestId) return;
    // A text offered twice ("Unauthorized": 401's phrase and a vendor's 561) says where each comes from.
    const shown = ({ text, statusCode }: (typeof completions)[number]) =>
      shownText({ code: statusCode.code, text }).toLowerCase();
    const offered = (completion: (typeof completions)[number]) =>
      completions.filter((other) => shown(other) === shown(completion)).length;
    combobox.show(
      completions.map((completion): Suggestion => ({
        code: completion.statusCode.code,
        text: completion.text,
        hint:
          offered(completion) > 1
            ? [
                hints[completion.kind] || (completion.kind === 'PHRASE' ? 'phrase' : 'everyday name'),
                completion.statusCode.vendor,
              ]
                .filter(Boolean)
                .join(', ')
            : hints[completion.kind],
        tone: tone(completion.statusCode),
      })),
    );
  } catch {
    if (id === suggestId) combobox.show([]);
  }
}

async function renderCode(code: number, id: number, focus: boolean): Promise<void> {
  const details = await api.statusCode(code);
  if (id !== renderId) return;
  if (!details) {
    const { explanation, treatAs } = await api.interpretStatus(code);
    if (id !== renderId) return;
    document.title = `${code}: ${siteName}`;
    codeView.replaceChildren(
      backLink(lastListUrl),
      h('h1', { id: 'code-title', tabindex: -1 }, `${code} is not an assigned status code`),
      h('p', null, explanation),
      h(
        'p',
        null,
        ...(treatAs
          ? ['Treat it as ', h('a', { href: urlOf({ view: 'code', code: treatAs.code }) }, treatAs.title), '. ']
          : []),
        h('a', { href: urlOf({ ...home, query: String(code).slice(0, 2) + 'x' }) }, `See the codes near ${code}`),
        '.',
      ),
    );
  } else {
    // The whole list is one cached request, shared with the index.
    const codes = await api.listCodes(null);
    if (id !== renderId) return;
    const at = codes.findIndex((entry) => entry.code === code);
    document.title = `${details.code} ${details.commonName}: ${siteName}`;
    codeView.replaceChildren(...codeDetails(details, lastListUrl, { before: codes[at - 1], after: codes[at + 1] }));
  }
  showView('code');
  if (focus) element('code-title').focus({ preventScroll: true });
}

/**
 * Shows the current route; `focus` moves focus to a newly opened code's heading, and `returnTo` back
 * to the link of the code the list was left for.
 */
async function render({
  focus,
  scrollY,
  returnTo,
}: {
  focus: boolean;
  scrollY?: number;
  returnTo?: number;
}): Promise<void> {
  const id = ++renderId;
  const slow = setTimeout(() => (loading.hidden = false), loadingDelay);
  try {
    if (route.view === 'code') {
      await renderCode(route.code, id, focus);
      // A link to a section (`/429#headers`) opens at it.
      const section = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (id === renderId && section) section.scrollIntoView();
      else if (id === renderId) window.scrollTo(0, 0);
    } else {
      lastListUrl = urlOf(route);
      showView('list');
      await renderList(route, id);
      if (id === renderId && scrollY !== undefined) window.scrollTo(0, scrollY);
      // Unless the reader has gone on to type meanwhile.
      if (id === renderId && returnTo !== undefined && document.activeElement !== input)
        results.querySelector<HTMLElement>(`a[href="/${returnTo}"]`)?.focus({ preventScroll: true });
    }
  } catch (error) {
    if (id !== renderId) return;
    const message = error instanceof Error ? error.message : String(error);
    // What failed, in place of what was shown before (never stale results), with a way to try again.
    const retry = h('button', { type: 'button', class: 'retry' }, 'Retry');
    retry.addEventListener('click', () => void render({ focus: true }));
    if (route.view === 'code') {
      codeView.replaceChildren(
        backLink(lastListUrl),
        h('p', { class: 'note', role: 'alert' }, `Could not load ${route.code}: ${message}`),
        retry,
      );
      showView('code');
    } else {
      const failed = route.query.trim() ? 'Could not search' : 'Could not load the status codes';
      results.classList.remove('index');
      results.replaceChildren(h('li', { class: 'failed' }, h('p', { role: 'alert' }, `${failed}: ${message}`), retry));
      // The counts were the last answer's: none is known now.
      for (const chip of chips) chip.querySelector('.count')!.textContent = '';
      showStatus(`${failed}.`);
    }
  } finally {
    clearTimeout(slow);
    if (id === renderId) loading.hidden = true;
  }
}

/** Goes to a route as a new history entry, remembering where the list was scrolled. */
function navigate(next: Route, { focus }: { focus: boolean }): void {
  clearTimeout(typingTimer);
  suggestId++;
  combobox.close();
  history.replaceState({ scrollY: window.scrollY }, '', location.href);
  route = next;
  if (urlOf(route) === location.pathname + location.search) history.replaceState(null, '', urlOf(route));
  else history.pushState(null, '', urlOf(route));
  void render({ focus });
}

input.addEventListener('input', () => {
  const next: Route = { ...listOf(route), query: input.value };
  if (route.view === 'code') history.pushState(null, '', urlOf(next));
  else history.replaceState(null, '', urlOf(next));
  route = next;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    void render({ focus: false });
    void suggestFor(input.value);
  }, typingDelay);
});

form.addEventListener('submit', (event) => event.preventDefault());

// "/" goes to the search box from anywhere but a field, as on GitHub and MDN.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]')) return;
  event.preventDefault();
  input.focus();
  input.select();
});

for (const chip of chips) {
  chip.addEventListener('click', () => {
    const className = classNames.find((name) => name === chip.dataset['class']) ?? null;
    const list = listOf(route);
    navigate({ ...list, className: className === list.className ? null : className }, { focus: false });
  });
}

/** A filter chip pressed again lets go; Official and Vendor exclude each other. */
const toggled = (filters: Filters, chip: string): Filters => {
  if (chip === 'official' || chip === 'vendor') return { ...filters, source: filters.source === chip ? null : chip };
  if (chip === 'deprecated') return { ...filters, deprecated: !filters.deprecated };
  return { ...filters, retryable: !filters.retryable };
};

for (const chip of filterChips) {
  chip.addEventListener('click', () => {
    const list = listOf(route);
    navigate({ ...list, filters: toggled(list.filters, chip.dataset['filter'] ?? '') }, { focus: false });
  });
}

// Links to the page's own views change the view in place; everything else (GraphiQL, specifications) loads normally.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const link = (event.target as Element).closest('a');
  if (!link || link.origin !== location.origin || link.target) return;
  // A section's anchor on this page: the browser scrolls to it.
  if (link.hash && link.pathname === location.pathname && link.search === location.search) return;
  const next = routeOf(link);
  if (!next) return;
  event.preventDefault();
  navigate(next, { focus: next.view === 'code' });
});

window.addEventListener('popstate', (event) => {
  const left = route;
  route = routeOf(location) ?? home;
  // Only the section changed (`#headers`): the view stays as it is.
  if (urlOf(route) === urlOf(left)) return;
  if (route.view === 'list') input.value = route.query;
  void render({
    focus: route.view === 'code',
    scrollY: (event.state as { scrollY?: number } | null)?.scrollY,
    // Back from a code returns focus to its card, where the reader left the list.
    returnTo: left.view === 'code' && route.view === 'list' ? left.code : undefined,
  });
});

void api.quickGuide().then(
  (guide) => element('guide-list').replaceChildren(...guide.map(guideItem)),
  () => element('guide-list').replaceChildren(h('li', null, 'The quick guide could not be loaded.')),
);
void render({ focus: false });
