import { availableParallelism } from 'node:os';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A pino log level, or `silent`. */
export type LogLevel = (typeof logLevels)[number];

/** An unset or empty variable takes the default: `PORT=` must not mean port 0. */
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

const wholeNumber = (min: number, max: number) => {
  const error = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(unsetWhenEmpty, wholeNumber(min, max).default(fallback));

const boolean = (fallback: boolean) =>
  z.preprocess(
    unsetWhenEmpty,
    z
      .enum(['true', 'false', '1', '0'], { error: 'expected true, false, 1 or 0' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
  );

const corsOrigin = z.preprocess(
  unsetWhenEmpty,
  z
    .string()
    .trim()
    .default('*')
    .transform((value, context): '*' | string[] => {
      if (value === '*') return '*';
      const origins = value.split(',').map((origin) => origin.trim());
      for (const origin of origins) {
        if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
          context.addIssue({
            code: 'custom',
            message: `"${origin}" is not an origin like https://example.com (no path, no trailing slash)`,
          });
          return z.NEVER;
        }
      }
      return origins;
    }),
);

const workersError = { error: 'expected a whole number from 1 to 256, or auto' };
const workers = z.preprocess(
  unsetWhenEmpty,
  z
    .union(
      [z.literal('auto'), z.coerce.number(workersError).int(workersError).min(1, workersError).max(256, workersError)],
      workersError,
    )
    .default(1)
    .transform((value) => (value === 'auto' ? availableParallelism() : value)),
);

/** fastify's `trustProxy`: false, true, a number of hops, or the proxies' addresses (comma-separated). */
const trustProxy = z.preprocess(
  unsetWhenEmpty,
  z
    .string()
    .trim()
    .default('false')
    .transform((value): boolean | number | string[] => {
      if (value === 'true' || value === 'false') return value === 'true';
      if (/^\d{1,2}$/.test(value)) return Number(value);
      return value.split(',').map((address) => address.trim());
    }),
);

const windows = { second: 1, minute: 60, hour: 3600 } as const;
const rateLimitError = 'expected requests per window, such as 600/minute (second, minute or hour)';
/** `600/minute`: at most 600 requests a minute from one client. */
const rateLimit = z.preprocess(
  unsetWhenEmpty,
  z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,8}\/(?:second|minute|hour)$/, { error: rateLimitError })
    .transform((value) => {
      const [max, window] = value.split('/') as [string, keyof typeof windows];
      return { max: Number(max), windowSeconds: windows[window] };
    })
    .optional(),
);

const environment = z.object({
  PORT: integer(0, 65535, 4000),
  HOST: z.preprocess(unsetWhenEmpty, z.string().trim().min(1).optional()),
  PUBLIC_URL: z.preprocess(
    unsetWhenEmpty,
    z
      .url({ protocol: /^https?$/, error: 'expected an http or https URL' })
      .max(200, 'expected at most 200 characters')
      .optional(),
  ),
  METRICS_PORT: z.preprocess(unsetWhenEmpty, wholeNumber(0, 65535).optional()),
  METRICS_HOST: z.preprocess(unsetWhenEmpty, z.string().trim().min(1).default('127.0.0.1')),
  WORKERS: workers,
  LOG_LEVEL: z.preprocess(unsetWhenEmpty, z.enum(logLevels).default('info')),
  SHUTDOWN_TIMEOUT_MS: integer(0, 600_000, 10_000),
  CORS_ORIGIN: corsOrigin,
  TRUST_PROXY: trustProxy,
  RATE_LIMIT: rateLimit,
  INTROSPECTION: boolean(true),
  TRUSTED_DOCUMENTS: z.preprocess(unsetWhenEmpty, z.enum(['allow', 'only']).default('allow')),
  CACHE_MAX_AGE: integer(0, 31_536_000, 3600),
  RESPONSE_CACHE_MB: integer(0, 65_536, 32),
  PERSISTED_QUERIES_KB: integer(0, 1_048_576, 4096),
  MAX_BODY_BYTES: integer(1024, 100_000_000, 102_400),
  BATCH_LIMIT: integer(0, 1000, 10),
  MAX_DEPTH: integer(1, 1000, 8),
  MAX_ALIASES: integer(0, 10_000, 15),
  MAX_DIRECTIVES: integer(0, 10_000, 10),
  MAX_TOKENS: integer(1, 1_000_000, 1000),
  MAX_COST: integer(1, 100_000_000, 25_000),
  MAX_WORK_MS: integer(1, 60_000, 50),
  MAX_ANSWER_BYTES: integer(1024, 1_000_000_000, 1_048_576),
  MAX_SLEEP_MS: integer(0, 60_000, 10_000),
  MAX_SLEEPING: integer(0, 10_000, 100),
});

/** The bounds on a request; each is checked before anything executes. */
export interface Limits {
  /** `MAX_BODY_BYTES`: the largest request body; a larger one gets 413. */
  bodyBytes: number;
  /** `BATCH_LIMIT`: operations per batched POST; 0 turns batching off. */
  batch: number;
  /** `MAX_DEPTH`: how deeply selections may nest (fragments do not add depth). */
  depth: number;
  /** `MAX_ALIASES`: aliases per operation. */
  aliases: number;
  /** `MAX_DIRECTIVES`: directives per operation. */
  directives: number;
  /** `MAX_TOKENS`: lexical tokens per document, counted while parsing. */
  tokens: number;
  /** `MAX_COST`: field values the response could hold with every list at its largest. */
  cost: number;
  /** `MAX_WORK_MS`: the server time an operation may take by the cost model (docs/cost.md), in milliseconds. */
  workMs: number;
  /** `MAX_ANSWER_BYTES`: the bytes an answer could hold by the cost model. */
  answerBytes: number;
  /** `MAX_SLEEP_MS`: the longest `?sleep=` a live example (`/status/{code}`) takes; a longer one gets 400. */
  sleepMs: number;
  /** `MAX_SLEEPING`: live examples sleeping at once in this process; the next one to ask gets 503. */
  sleeping: number;
}

/** Settings read from the environment, validated once at start-up. */
export interface Config {
  /** `PORT`: TCP port; 0 picks a free one. */
  port: number;
  /** `HOST`: interface to listen on; all interfaces when unset. */
  host: string | undefined;
  /** `METRICS_PORT`: TCP port of the Prometheus metrics, apart from the public one; metrics are off when unset. */
  metricsPort: number | undefined;
  /** `METRICS_HOST`: interface the metrics port listens on; loopback unless set. */
  metricsHost: string;
  /** `WORKERS`: processes serving the port (node:cluster when above 1). */
  workers: number;
  /** `LOG_LEVEL`: the lowest level written to stdout as JSON lines. */
  logLevel: LogLevel;
  /** `SHUTDOWN_TIMEOUT_MS`: how long in-flight requests may take to finish after SIGTERM. */
  shutdownTimeoutMs: number;
  /** `TRUST_PROXY`: whose X-Forwarded-For to believe for a client's address (fastify's `trustProxy`); nobody's unless set. */
  trustProxy: boolean | number | string[];
  /** `PUBLIC_URL`: the origin clients reach this server at, for the absolute links answers carry; when unset, `http://localhost:` and the port it listens on. */
  publicUrl: string | undefined;
  /** `RATE_LIMIT`: requests one client may send per window (`600/minute`); unlimited when unset. */
  rateLimit: { max: number; windowSeconds: number } | undefined;
  /** `CORS_ORIGIN`: `*`, or the origins allowed to read responses in a browser. */
  corsOrigin: '*' | readonly string[];
  /** `INTROSPECTION`: schema introspection and GraphiQL; when off, error messages make no suggestions either. */
  introspection: boolean;
  /** `TRUSTED_DOCUMENTS`: `allow` runs the SDK's documents by id as well as query text; `only` refuses query text. */
  trustedDocuments: 'allow' | 'only';
  /** `CACHE_MAX_AGE`: seconds browsers, CDNs and proxies may reuse a successful GET response. */
  cacheMaxAge: number;
  /** `RESPONSE_CACHE_MB`: megabytes of whole answers kept in memory for repeated requests; 0 turns the cache off. */
  responseCacheMegabytes: number;
  /** `PERSISTED_QUERIES_KB`: kilobytes of query texts registered by automatic persisted queries; 0 turns registration off. */
  persistedQueryKilobytes: number;
  limits: Limits;
}

/** Reads and validates the settings; throws one readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name])}: ${issue.message}`;
    });
    throw new Error(`Invalid configuration. ${problems.join('; ')}`);
  }
  const settings = parsed.data;
  return {
    port: settings.PORT,
    host: settings.HOST,
    metricsPort: settings.METRICS_PORT,
    metricsHost: settings.METRICS_HOST,
    workers: settings.WORKERS,
    logLevel: settings.LOG_LEVEL,
    shutdownTimeoutMs: settings.SHUTDOWN_TIMEOUT_MS,
    corsOrigin: settings.CORS_ORIGIN,
    trustProxy: settings.TRUST_PROXY,
    publicUrl: settings.PUBLIC_URL && new URL(settings.PUBLIC_URL).origin,
    rateLimit: settings.RATE_LIMIT,
    introspection: settings.INTROSPECTION,
    trustedDocuments: settings.TRUSTED_DOCUMENTS,
    cacheMaxAge: settings.CACHE_MAX_AGE,
    responseCacheMegabytes: settings.RESPONSE_CACHE_MB,
    persistedQueryKilobytes: settings.PERSISTED_QUERIES_KB,
    limits: {
      bodyBytes: settings.MAX_BODY_BYTES,
      batch: settings.BATCH_LIMIT,
      depth: settings.MAX_DEPTH,
      aliases: settings.MAX_ALIASES,
      directives: settings.MAX_DIRECTIVES,
      tokens: settings.MAX_TOKENS,
      cost: settings.MAX_COST,
      workMs: settings.MAX_WORK_MS,
      answerBytes: settings.MAX_ANSWER_BYTES,
      sleepMs: settings.MAX_SLEEP_MS,
      sleeping: settings.MAX_SLEEPING,
    },
  };
}
