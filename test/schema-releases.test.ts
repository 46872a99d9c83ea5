import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentViolations, manifestViolations, readReleases, schemaViolations } from '../schema/evolution.js';
import { printedSchema } from '../schema/print.js';
import { loadTrustedDocuments } from '../server/yoga/use-trusted-documents.js';
import { startServer, type TestServer } from './helpers.js';

// The policy itself is tested on fixtures (schema-evolution.test.ts); these hold the repository to it.
const releases = readReleases(new URL('../schema/releases/', import.meta.url));
const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');
const persisted = new URL('../sdk/persisted/', import.meta.url);
const releasedManifests = readdirSync(persisted)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    version: file.replace(/\.json$/, ''),
    documents: JSON.parse(readFileSync(new URL(file, persisted), 'utf8')) as Record<string, string>,
  }));
const version = (path: string) =>
  (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string }).version;
const today = new Date().toISOString().slice(0, 10);

describe('the schema against its releases (docs/evolution.md)', () => {
  it('breaks nothing released, and names every dangerous change in the changelog', async () => {
    expect(await schemaViolations({ releases, current: printedSchema(), changelog, today })).toEqual([]);
  });

  it('keeps each release and its SDK documents, and the package versions at the latest release', () => {
    const latest = releases.at(-1)!.version;
    expect(releases.map((release) => release.version)).toEqual(releasedManifests.map((manifest) => manifest.version));
    expect([version('../package.json'), version('../sdk/package.json')]).toEqual([latest, latest]);
    expect(changelog).toContain(`## ${latest} (${releases.at(-1)!.date})`);
  });

  it.each(releasedManifests)('still validates every document SDK $version sends', ({ documents }) => {
    expect(Object.keys(documents).length).toBeGreaterThan(0);
    expect(documentViolations({ schemaSdl: printedSchema(), documents })).toEqual([]);
  });

  it('trusts every released document, unchanged, beside this build’s', () => {
    const current = Object.fromEntries(loadTrustedDocuments());
    expect(manifestViolations({ released: releasedManifests.map((manifest) => manifest.documents), current })).toEqual(
      [],
    );
  });
});

describe('a dashboard pinned to a released SDK, with TRUSTED_DOCUMENTS=only', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ TRUSTED_DOCUMENTS: 'only' });
  });
  afterAll(async () => {
    await server.close();
  });

  const released = releasedManifests.flatMap(({ version, documents }) =>
    Object.keys(documents).map((hash) => [version, hash] as const),
  );
  // Every variable any SDK operation requires, so each runs to an answer.
  const variables = { code: 404, query: 'rate limit', kind: 'CLIENT_ERROR', prefix: 'rate' };

  it.each(released)('runs SDK %s’s %s by its hash alone', async (_version, documentId) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeTruthy();
  });
});
