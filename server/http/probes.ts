import type { Answer } from './answer.js';

/** What `/health` and `/ready` say besides their status. */
export interface ProbeIdentity {
  version: string;
  catalogue: string;
}

const json = (status: number, body: Record<string, unknown>): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: Buffer.from(JSON.stringify(body)),
});

/**
 * The answer to a probe path, or null for any other: `GET /health` (liveness: the process answers)
 * and `GET /ready` (readiness: 503 while draining, so balancers stop sending). Answered here by
 * exact path; yoga's own checks match any URL that merely ends in `/health` or `/ready`, such as
 * `/graphql?x=/ready`.
 */
export function probeAnswer(path: string, isReady: () => boolean, identity: ProbeIdentity): Answer | null {
  if (path === '/health') return json(200, { status: 'ok', ...identity, uptimeSeconds: Math.round(process.uptime()) });
  if (path !== '/ready') return null;
  return isReady() ? json(200, { status: 'ready', ...identity }) : json(503, { status: 'draining', ...identity });
}
