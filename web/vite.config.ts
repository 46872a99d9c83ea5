import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/**
 * The page's build (`npm run build:web` writes web/dist, which the server serves at `/`), and
 * GraphiQL's, whose HTML the server fills in and serves at /graphql.
 */
export default defineConfig({
  // `npx vite web` serves the page with hot reload; the API comes from `npm run dev` on port 4000.
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: {
    assetsInlineLimit: 0,
    // GraphiQL is one 920 kB script (300 kB gzipped), loaded once and cached for good.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      input: { index: page('index.html'), graphiql: page('graphiql.html') },
      // GraphiQL's React dependencies mark modules "use client", which means nothing in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
