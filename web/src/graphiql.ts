import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * GraphiQL, bundled with the page and served from this origin (its files under /assets/ are cached
 * for good), so it opens behind a firewall or offline. The server writes yoga's GraphiQL options
 * (the endpoint, the default query) into the page as JSON: see server/yoga/graphiql-page.ts.
 */
interface GraphiQLOptions {
  endpoint: string;
  defaultQuery?: string;
}

const options = JSON.parse(document.getElementById('graphiql-options')?.textContent ?? '{}') as GraphiQLOptions;
const fetcher = createGraphiQLFetcher({ url: options.endpoint });

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, { fetcher, defaultQuery: options.defaultQuery, isHeadersEditorEnabled: true }),
);
