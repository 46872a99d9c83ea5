/** The five class names the page accepts in `?class=`. */
export const classNames = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
export type ClassName = (typeof classNames)[number];

/** The other filters the API offers, as the page's chips and URL hold them: `?source=vendor&retryable`. */
export interface Filters {
  /** Official (IANA registry) codes only, or vendors' only. */
  source: 'official' | 'vendor' | null;
  /** Only codes with a deprecation: deprecated, obsolete, reserved or retired. */
  deprecated: boolean;
  /** Only codes after which the same request may succeed later. */
  retryable: boolean;
}

export const noFilters: Filters = { source: null, deprecated: false, retryable: false };

/** What the URL says the page shows: a filtered list (`/?q=rate%20limit&class=4xx`) or one code (`/404`). */
export type Route =
  { view: 'list'; query: string; className: ClassName | null; filters: Filters } | { view: 'code'; code: number };

const codePath = /^\/([1-5]\d\d)$/;

function isClassName(value: string | null): value is ClassName {
  return (classNames as readonly (string | null)[]).includes(value);
}

/** Reads the route from a path and query string; null for paths the page does not own (`/graphql`). */
export function routeOf(location: { pathname: string; search: string }): Route | null {
  const code = codePath.exec(location.pathname);
  if (code) return { view: 'code', code: Number(code[1]) };
  if (location.pathname !== '/') return null;
  const params = new URLSearchParams(location.search);
  const className = params.get('class')?.toLowerCase() ?? null;
  const source = params.get('source');
  return {
    view: 'list',
    query: params.get('q') ?? '',
    className: isClassName(className) ? className : null,
    filters: {
      source: source === 'official' || source === 'vendor' ? source : null,
      deprecated: params.has('deprecated'),
      retryable: params.has('retryable'),
    },
  };
}

/** The URL of a route: `/`, `/?q=rate%20limit&class=4xx&source=official&retryable` or `/404`. */
export function urlOf(route: Route): string {
  if (route.view === 'code') return `/${route.code}`;
  const params: string[] = [];
  if (route.query.trim()) params.push(`q=${encodeURIComponent(route.query)}`);
  if (route.className) params.push(`class=${route.className}`);
  if (route.filters.source) params.push(`source=${route.filters.source}`);
  if (route.filters.deprecated) params.push('deprecated');
  if (route.filters.retryable) params.push('retryable');
  return params.length ? `/?${params.join('&')}` : '/';
}
