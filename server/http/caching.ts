import vary from 'vary';
import { entityTag, type Answer } from './answer.js';

/** How answers of the GraphQL endpoint may be cached. */
export interface CachingOptions {
  /** `Cache-Control` of a successful GET (`public, max-age=CACHE_MAX_AGE`). */
  cacheControl: string;
  /** The release, the start of every ETag. */
  release: string;
}

/**
 * The caching headers of a GraphQL endpoint's answer. A successful GET (a result without errors,
 * or GraphiQL's page) is public for `max-age` with a strong ETag; anything else is `no-store`.
 * Every answer varies by Accept, which picks GraphiQL or JSON, and the JSON media type.
 */
export function withCachingHeaders(
  answer: Answer,
  method: string,
  succeeded: boolean,
  options: CachingOptions,
): Answer {
  const headers: Record<string, string> = {
    ...answer.headers,
    vary: vary.append(answer.headers['vary'] ?? '', 'Accept'),
  };
  if (succeeded && method === 'GET') {
    headers['cache-control'] = options.cacheControl;
    headers['etag'] = entityTag(options.release, answer);
  } else {
    headers['cache-control'] = 'no-store';
  }
  return { ...answer, headers };
}
