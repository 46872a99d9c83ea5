import { defineConfig } from 'vite';

/** The page's build (`npm run build:web` writes web/dist, which the server serves at `/`). */
export default defineConfig({
  // `npx vite web` serves the page with hot reload; the API comes from `npm run dev` on port 4000.
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { assetsInlineLimit: 0 },
});
