import type { FastifyInstance } from 'fastify';

/** What `/health` and `/ready` say besides their status. */
export interface ProbeIdentity {
  version: string;
  catalogue: string;
}

/**
 * `GET /health` (liveness: the process answers) and `GET /ready` (readiness: 503 while draining or
 * while the event loop is under pressure, so balancers send elsewhere). Yoga's own checks are off:
 * they match any URL that merely ends in `/health`.
 */
export function probeRoutes(app: FastifyInstance, identity: ProbeIdentity, isReady: () => boolean): void {
  const config = { label: 'probe' } as const;
  app.get('/health', { config }, (_request, reply) =>
    reply.send({ status: 'ok', ...identity, uptimeSeconds: Math.round(process.uptime()) }),
  );
  app.get('/ready', { config }, (_request, reply) =>
    isReady()
      ? reply.send({ status: 'ready', ...identity })
      : reply
          .code(503)
          .header('retry-after', '5')
          .send({ status: 'draining', ...identity }),
  );
}
