import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.js';

describe('loadConfig', () => {
  it('has a default for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: undefined,
      metricsPort: undefined,
      metricsHost: '127.0.0.1',
      workers: 1,
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
      trustProxy: false,
      publicUrl: undefined,
      corsOrigin: '*',
      introspection: true,
      trustedDocuments: 'allow',
      cacheMaxAge: 3600,
      responseCacheMegabytes: 32,
      persistedQueryKilobytes: 4096,
      limits: {
        bodyBytes: 102_400,
        batch: 10,
        depth: 8,
        aliases: 15,
        directives: 10,
        tokens: 1000,
        cost: 25_000,
        workMs: 50,
        answerBytes: 1_048_576,
        sleepMs: 10_000,
        sleeping: 100,
      },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      METRICS_PORT: '9464',
      METRICS_HOST: '0.0.0.0',
      WORKERS: '4',
      LOG_LEVEL: 'warn',
      SHUTDOWN_TIMEOUT_MS: '2500',
      CORS_ORIGIN: 'https://a.example, http://localhost:3000',
      INTROSPECTION: 'false',
      TRUSTED_DOCUMENTS: 'only',
      CACHE_MAX_AGE: '0',
      RESPONSE_CACHE_MB: '0',
      PERSISTED_QUERIES_KB: '64',
      MAX_BODY_BYTES: '2048',
      BATCH_LIMIT: '0',
      MAX_DEPTH: '5',
      MAX_ALIASES: '0',
      MAX_DIRECTIVES: '3',
      MAX_TOKENS: '500',
      MAX_COST: '1000',
      MAX_WORK_MS: '20',
      MAX_ANSWER_BYTES: '65536',
      MAX_SLEEP_MS: '2000',
      MAX_SLEEPING: '0',
      TRUST_PROXY: '2',
      PUBLIC_URL: 'https://status.example.com',
    });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      metricsPort: 9464,
      metricsHost: '0.0.0.0',
      workers: 4,
      logLevel: 'warn',
      shutdownTimeoutMs: 2500,
      trustProxy: 2,
      publicUrl: 'https://status.example.com',
      corsOrigin: ['https://a.example', 'http://localhost:3000'],
      introspection: false,
      trustedDocuments: 'only',
      cacheMaxAge: 0,
      responseCacheMegabytes: 0,
      persistedQueryKilobytes: 64,
      limits: {
        bodyBytes: 2048,
        batch: 0,
        depth: 5,
        aliases: 0,
        directives: 3,
        tokens: 500,
        cost: 1000,
        workMs: 20,
        answerBytes: 65_536,
        sleepMs: 2000,
        sleeping: 0,
      },
    });
  });

  it('treats an empty variable as unset', () => {
    expect(
      loadConfig({ PORT: '', METRICS_PORT: '', METRICS_HOST: '', WORKERS: '', INTROSPECTION: '', CORS_ORIGIN: '' }),
    ).toEqual(loadConfig({}));
  });

  it.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['false', false],
  ])('reads INTROSPECTION=%s as %s', (value, expected) => {
    expect(loadConfig({ INTROSPECTION: value }).introspection).toBe(expected);
  });

  it('reads METRICS_PORT=0 as a free port, not as metrics off', () => {
    expect(loadConfig({ METRICS_PORT: '0' }).metricsPort).toBe(0);
  });

  it('reads WORKERS=auto as the available parallelism', () => {
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(availableParallelism());
  });

  it.each([
    ['PORT', '70000', 'expected a whole number from 0 to 65535'],
    ['PORT', 'http', 'expected a whole number from 0 to 65535'],
    ['METRICS_PORT', '65536', 'expected a whole number from 0 to 65535'],
    ['METRICS_PORT', 'on', 'expected a whole number from 0 to 65535'],
    ['WORKERS', '0', 'expected a whole number from 1 to 256, or auto'],
    ['WORKERS', 'many', 'expected a whole number from 1 to 256, or auto'],
    ['LOG_LEVEL', 'verbose', 'Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"'],
    ['SHUTDOWN_TIMEOUT_MS', '-1', 'expected a whole number from 0 to 600000'],
    [
      'CORS_ORIGIN',
      'https://a.example/',
      '"https://a.example/" is not an origin like https://example.com (no path, no trailing slash)',
    ],
    ['CORS_ORIGIN', 'a.example', '"a.example" is not an origin like https://example.com (no path, no trailing slash)'],
    ['INTROSPECTION', 'yes', 'expected true, false, 1 or 0'],
    ['TRUSTED_DOCUMENTS', 'on', 'Invalid option: expected one of "allow"|"only"'],
    ['CACHE_MAX_AGE', '1h', 'expected a whole number from 0 to 31536000'],
    ['RESPONSE_CACHE_MB', '1.5', 'expected a whole number from 0 to 65536'],
    ['MAX_BODY_BYTES', '10', 'expected a whole number from 1024 to 100000000'],
    ['BATCH_LIMIT', '-1', 'expected a whole number from 0 to 1000'],
    ['MAX_DEPTH', '0', 'expected a whole number from 1 to 1000'],
    ['MAX_ALIASES', 'none', 'expected a whole number from 0 to 10000'],
    ['MAX_DIRECTIVES', '1e9', 'expected a whole number from 0 to 10000'],
    ['MAX_TOKENS', '0', 'expected a whole number from 1 to 1000000'],
    ['MAX_COST', '0', 'expected a whole number from 1 to 100000000'],
    ['MAX_WORK_MS', '0', 'expected a whole number from 1 to 60000'],
    ['MAX_ANSWER_BYTES', '100', 'expected a whole number from 1024 to 1000000000'],
    ['MAX_SLEEP_MS', '60001', 'expected a whole number from 0 to 60000'],
    ['MAX_SLEEPING', '-1', 'expected a whole number from 0 to 10000'],
    ['PUBLIC_URL', 'status.example.com', 'expected an http or https URL'],
    ['PUBLIC_URL', 'ftp://status.example.com', 'expected an http or https URL'],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      new Error(`Invalid configuration. ${name}=${JSON.stringify(value)}: ${message}`),
    );
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', MAX_DEPTH: 'y' })).toThrow(
      new Error(
        'Invalid configuration. PORT="x": expected a whole number from 0 to 65535; MAX_DEPTH="y": expected a whole number from 1 to 1000',
      ),
    );
  });
});
