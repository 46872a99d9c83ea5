import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './errors.js';

/** `RATE_LIMIT`: requests a client may send per window, e.g. `600/minute`. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/**
 * @fastify/rate-limit, when RATE_LIMIT is set: each client (its address, or X-Forwarded-For's when
 * TRUST_PROXY says so) may send `max` requests a window. Every answer says where the client stands
 * in the fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers-07: RateLimit-Limit,
 * -Remaining, -Reset and RateLimit-Policy); the one over the limit is a 429 with Retry-After, as a
 * status-code API teaches it. The probes are never limited: a balancer must always reach them.
 */
export async function registerRateLimit(app: FastifyInstance, { max, windowSeconds }: RateLimit): Promise<void> {
  const policy = `${max};w=${windowSeconds}`;
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('ratelimit-policy', policy);
    done();
  });
  await app.register(rateLimit, {
    max,
    timeWindow: windowSeconds * 1000,
    enableDraftSpec: true,
    allowList: (request) => request.routeOptions.config.label === 'probe',
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(
        429,
        'TOO_MANY_REQUESTS',
        `Too Many Requests: at most ${context.max} requests in ${windowSeconds} s from one client; try again in ${context.after}.`,
      ),
  });
}
