import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page's sources and its build (web/dist, written by `npm run build:web`, which `npm ci` runs). */
export const webDirectory = fileURLToPath(new URL('../web/', import.meta.url));
export const webDist = join(webDirectory, 'dist');

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** Fails with what to run when web/dist is missing or older than the page's sources. */
export function assertWebBuilt(): void {
  let built: number;
  try {
    built = statSync(join(webDist, 'index.html')).mtimeMs;
  } catch {
    throw new Error('web/dist is missing: run `npm run build:web` (npm ci runs it).');
  }
  const sources = ['index.html', 'graphiql.html', 'src', 'public', 'vite.config.ts'].map((entry) =>
    newestChange(join(webDirectory, entry)),
  );
  if (Math.max(...sources) > built) throw new Error('web/dist is older than web/: run `npm run build:web`.');
}
