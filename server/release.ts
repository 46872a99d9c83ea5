import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.js';

const read = (path: string) => readFileSync(join(projectRoot, path));

const { version } = JSON.parse(read('package.json').toString('utf8')) as { version: string };
const catalogueHash = createHash('sha256')
  .update(read('catalogue/status-codes.json'))
  .update(read('catalogue/code-guides.json'))
  .digest('hex')
  .slice(0, 12);

/**
 * What this build serves: the package version and a hash of the catalogue's two data files.
 * `id` (e.g. `0.1.0+3f2a9c1b7d4e`) starts every ETag, so a release invalidates every cache.
 */
export const release = { version, catalogue: catalogueHash, id: `${version}+${catalogueHash}` } as const;
