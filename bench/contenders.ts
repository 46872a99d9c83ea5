import { npmStartNodeFlags, type ServerSpec } from './servers.js';
import { statusqlEntry } from './settings.js';

/** A server the bench measures, with the settings it runs with in words, for the notes (PORT and HOST are the bench's). */
export interface Contender extends ServerSpec {
  runsWith: string;
  /** Also measured over GET with the SDK's persisted documents (StatusQL only: peers have no such documents). */
  persistedRows?: boolean;
  /** Answers only the three operations, from JSON built at start-up: not sent verify.ts's coverage queries. */
  precomputed?: boolean;
}

export const statusql = 'statusql';
export const statusqlLogOff = 'statusql-log-off';
export const statusqlCacheOff = 'statusql-cache-off';
/** The StatusQL rows, each compared with every peer; the first is the one users run. */
export const statusqlIds = [statusql, statusqlLogOff, statusqlCacheOff] as const;
export const peerIds = ['yoga', 'mercurius-jit', 'mercurius-jit-log', 'bare-http'] as const;

/**
 * The variables the StatusQL rows differ in, unset (spawn drops an undefined variable), so that the
 * shell's own settings cannot turn the default row into something users do not run.
 */
const defaults = {
  LOG_LEVEL: undefined,
  WORKERS: undefined,
  RESPONSE_CACHE_MB: undefined,
  RESPONSE_CACHE_SIZE: undefined,
};

// As `npm start` runs it: the server bundle that `npm run build:server` writes, on plain node.
const npmStart = { entry: statusqlEntry, plainNode: true, nodeFlags: npmStartNodeFlags() };

/** In the order they run: StatusQL first, as its answers are the reference the others must equal. */
export const contenders: readonly Contender[] = [
  {
    id: statusql,
    label: 'StatusQL (defaults)',
    ...npmStart,
    env: defaults,
    persistedRows: true,
    runsWith: `\`node ${[...npmStart.nodeFlags, statusqlEntry].join(' ')}\`, as \`npm start\` runs it, with no other StatusQL variable set but PUBLIC_URL (the bench's one value for every server, for the links in answers), so at its defaults: LOG_LEVEL=info (one JSON access-log line per request on stdout, a pipe the bench reads), WORKERS=1, RESPONSE_CACHE_MB=32`,
  },
  {
    id: statusqlLogOff,
    label: 'StatusQL, access log off (LOG_LEVEL=warn)',
    ...npmStart,
    env: { ...defaults, LOG_LEVEL: 'warn' },
    runsWith: 'the same with LOG_LEVEL=warn: no access log, its one difference from the defaults',
  },
  {
    id: statusqlCacheOff,
    label: 'StatusQL, answer cache off',
    ...npmStart,
    // RESPONSE_CACHE_MB=0 turns the answer cache off; builds before it read RESPONSE_CACHE_SIZE.
    env: { ...defaults, RESPONSE_CACHE_MB: '0', RESPONSE_CACHE_SIZE: '0' },
    persistedRows: true,
    runsWith:
      'the defaults (access log on) with RESPONSE_CACHE_MB=0 and RESPONSE_CACHE_SIZE=0 (read by builds before the serving redesign): the uncached path',
  },
  {
    id: 'yoga',
    label: 'graphql-yoga (stock, SDL)',
    entry: 'bench/peers/yoga-server.ts',
    // DEBUG=1 would raise yoga's default logger to debug, which writes lines for every request.
    env: { DEBUG: undefined },
    runsWith:
      "its defaults: createYoga's own logger, at level info on the console, writes nothing for a request that succeeds",
  },
  {
    id: 'mercurius-jit',
    label: 'fastify + mercurius (JIT)',
    entry: 'bench/peers/mercurius-server.ts',
    env: { FASTIFY_LOGGER: undefined },
    runsWith:
      "its defaults: fastify's `logger: false` (the peer states it), so no request log, and mercurius logs through fastify's logger",
  },
  {
    // The log for log comparison: StatusQL's defaults log every request, fastify's do not.
    id: 'mercurius-jit-log',
    label: 'fastify + mercurius (JIT), request log on',
    entry: 'bench/peers/mercurius-server.ts',
    env: { FASTIFY_LOGGER: '1' },
    runsWith:
      "fastify's `logger: true` (FASTIFY_LOGGER=1 in the peer): pino at info on stdout, two lines a request (`incoming request`, `request completed`), written synchronously",
  },
  {
    id: 'bare-http',
    label: 'bare node:http (precomputed)',
    entry: 'bench/peers/bare-server.ts',
    precomputed: true,
    runsWith: 'nothing to set: it logs nothing',
  },
];

/** `npm run dev`'s way: the tsx CLI starts the server from source as a second node process. Measured idle only. */
export const fromSourceViaTsxCli: Contender = {
  id: 'statusql-tsx-cli',
  label: 'StatusQL from source via the tsx CLI (npm run dev: wrapper + server, idle)',
  entry: 'server/main.ts',
  viaTsxCli: true,
  env: defaults,
  runsWith: 'the tsx CLI on server/main.ts with the defaults, idle',
};
