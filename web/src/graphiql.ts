import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * GraphiQL, bundled with the page and served from this origin (its files under /assets/ are cached
 * for good), so it opens behind a firewall or offline. The server writes its options (the
 * endpoint, the default query) into the page as JSON: see server/yoga/graphiql-page.ts.
 */
interface GraphiQLOptions {
  endpoint: string;
  defaultQuery?: string;
}

const options = JSON.parse(document.getElementById('graphiql-options')?.textContent ?? '{}') as GraphiQLOptions;
const fetcher = createGraphiQLFetcher({ url: options.endpoint });

/**
 * GraphiQL's URL state, as its own examples keep it: `?query=`, `&variables=` and
 * `&operationName=` open in the editor (the page's "Open in GraphiQL" links and the live
 * examples' `graphql` link use them), and what is typed is written back, so a link shares it.
 */
const url = new URL(location.href);
const fromUrl = (name: string) => url.searchParams.get(name) ?? undefined;
const remember = (name: string) => (value: string) => {
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  history.replaceState(null, '', url);
};

createRoot(document.getElementById('graphiql')!).render(
  createElement(
    GraphiQL,
    {
      fetcher,
      defaultQuery: options.defaultQuery,
      query: fromUrl('query'),
      variables: fromUrl('variables'),
      operationName: fromUrl('operationName'),
      onEditQuery: remember('query'),
      onEditVariables: remember('variables'),
      onEditOperationName: remember('operationName'),
      isHeadersEditorEnabled: true,
    },
    createElement(GraphiQL.Logo, null, createElement('a', { href: '/', className: 'back-to-page' }, 'StatusQL')),
  ),
);
