import cluster, { type Worker } from 'node:cluster';
import { createRegisteredQueries, type QueryStore } from './yoga/use-automatic-persisted-queries.js';

/** A registration as it travels between the processes of one machine, through the primary. */
interface Registration {
  statusql: 'persisted-query';
  key: string;
  query: string;
}

/** A worker's word that it listens, so the primary sends it what was registered before it started. */
const listening = { statusql: 'persisted-queries-listening' } as const;

const isRegistration = (message: unknown): message is Registration => {
  const { statusql, key, query } = (message ?? {}) as Partial<Registration>;
  return statusql === 'persisted-query' && typeof key === 'string' && typeof query === 'string';
};

/**
 * In a cluster worker, its store of automatically persisted queries kept in step with every other
 * worker's: what it registers goes to the primary, which passes it on, and what the others register
 * arrives here. A client whose hash-only request reaches another worker than its registration did
 * is answered all the same. Outside a cluster, the store as it is.
 */
export function sharedAcrossWorkers(store: QueryStore): QueryStore {
  if (!cluster.isWorker || !process.send) return store;
  const send = process.send.bind(process);
  process.on('message', (message) => {
    if (isRegistration(message)) store.set(message.key, message.query);
  });
  send(listening);
  return {
    get: (key) => store.get(key),
    set(key, query) {
      store.set(key, query);
      send({ statusql: 'persisted-query', key, query } satisfies Registration);
    },
  };
}

/**
 * The primary's side: each registration a worker reports is passed on to every other worker, and
 * kept (bounded as a worker's store is) for a worker that starts later, which gets all of it once
 * it listens.
 */
export function relayRegistrations(maxBytes: number): void {
  const held = createRegisteredQueries(maxBytes);
  const replay = (worker: Worker) => {
    // Least recently used first, so the worker's store ends in the same order.
    for (const [key, query] of held.rentries()) worker.send({ statusql: 'persisted-query', key, query });
  };
  cluster.on('message', (from, message: unknown) => {
    if ((message as typeof listening | undefined)?.statusql === listening.statusql) return replay(from);
    if (!isRegistration(message)) return;
    held.set(message.key, message.query);
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from) worker.send(message);
  });
}
