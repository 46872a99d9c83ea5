/** The five class names the page accepts in `?class=`. */
export const classNames = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
export type ClassName = (typeof classNames)[number];

/** What the URL says the page shows: a filtered list (`/?q=rate%20limit&class=4xx`) or one code (`/404`). */
export type Route = { view: 'list'; query: string; className: ClassName | null } | { view: 'code'; code: number };

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
  return { view: 'list', query: params.get('q') ?? '', className: isClassName(className) ? className : null };
}

/** The URL of a route: `/`, `/?q=rate%20limit&class=4xx` or `/404`. */
export function urlOf(route: Route): string {
  if (route.view === 'code') return `/${route.code}`;
  const params: string[] = [];
  if (route.query.trim()) params.push(`q=${encodeURIComponent(route.query)}`);
  if (route.className) params.push(`class=${route.className}`);
  return params.length ? `/?${params.join('&')}` : '/';
}
