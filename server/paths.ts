import { fileURLToPath } from 'node:url';

/**
 * The project's folder. This file sits one level below it both as source (server/) and bundled
 * (dist/), so every path the server reads is resolved from here and nowhere else.
 */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
