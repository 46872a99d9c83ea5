import type { Plugin } from 'graphql-yoga';
import { release } from './release.js';

/** What /health and /ready answer. */
export interface HealthOptions {
  /** False while the process drains after SIGTERM: /ready answers 503 so balancers stop sending. */
  isReady: () => boolean;
}

function json(fetchAPI: { Response: typeof Response }, status: number, body: Record<string, unknown>): Response {
  return new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** `GET /health` (liveness: the process answers) and `GET /ready` (readiness: it takes traffic), as JSON. */
export function useHealth({ isReady }: HealthOptions): Plugin {
  const identity = { version: release.version, catalogue: release.catalogue };
  const live = (fetchAPI: { Response: typeof Response }) =>
    json(fetchAPI, 200, { status: 'ok', ...identity, uptimeSeconds: Math.round(process.uptime()) });
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname === '/ready') {
        const ready = isReady();
        endResponse(json(fetchAPI, ready ? 200 : 503, { status: ready ? 'ready' : 'draining', ...identity }));
      } else if (url.pathname === '/health') {
        endResponse(live(fetchAPI));
      }
    },
    // Yoga's own health check runs ahead of user plugins and answers some /health requests with an
    // empty 200 before onRequest above sees them; give that answer the same JSON body.
    onResponse({ request, setResponse, fetchAPI }) {
      if (new URL(request.url).pathname === '/health') setResponse(live(fetchAPI));
    },
  };
}
