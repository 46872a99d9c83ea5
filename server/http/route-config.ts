import type { FastifyCorsOptions } from '@fastify/cors';

/** What a route declares of itself in its `config`, read by the hooks that apply to every answer. */
export type RouteLabel = 'graphql' | 'page' | 'probe' | 'status';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's label in the metrics; a request no route took is `other`. */
    label?: RouteLabel;
    /** Cache-Control of the route's answers unless the handler sets one; `no-store` when omitted. */
    cacheControl?: string;
    /** A POST's body is read (the GraphQL endpoint); any other body is left unread and the connection closed. */
    readsBody?: boolean;
    /** @fastify/cors reads a route's own options here (its types do not say so). */
    cors?: false | FastifyCorsOptions;
  }
}
