import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const sdk = fileURLToPath(new URL('../sdk/', import.meta.url));

/** The SDK's budget in a browser bundle, gzipped: it must stay a small part of a 50 KB page. */
const gzipBudget = 25 * 1024;

/**
 * The smallest app's first load, gzipped: `createClient` and one lookup. Measured with esbuild
 * 0.28: 15,303 bytes with eight operations, of which graphql-request alone (a GraphQLClient doing
 * one GET of a string query) is 13,882, its floor being graphql's parser and printer; the SDK adds
 * its documents' hashes (about 60 bytes each gzipped, near-random hex), error type and client:
 * 15,376 with interpretStatus, the ninth. The query texts are a chunk of their own, loaded only
 * when a server asks for one.
 */
const lookupAppBudget = 15.25 * 1024;

describe('@statusql/sdk as a package', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--workspace', '@statusql/sdk'], { cwd: root, stdio: 'pipe' });
  }, 60_000);

  it('builds ESM JavaScript and declarations into sdk/dist', () => {
    for (const file of ['index.js', 'index.d.ts', 'client.js', 'errors.js', 'generated/graphql.js']) {
      expect(existsSync(`${sdk}dist/${file}`), file).toBe(true);
    }
  });

  it('packs exactly the compiled modules, their declarations, the persisted documents, README, LICENSE and package.json', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: sdk, encoding: 'utf8' }),
    );
    const modules = ['client', 'document-ids', 'errors', 'generated/graphql', 'generated/hashes/graphql', 'index'];
    expect(packed.files.map((file: { path: string }) => file.path).sort()).toEqual(
      [
        'LICENSE',
        'README.md',
        'package.json',
        'dist/generated/persisted-documents.json',
        ...modules.flatMap((module) => [`dist/${module}.js`, `dist/${module}.d.ts`]),
      ].sort(),
    );
  });

  it('loads by require and by import on Node 20.19+, and exports its persisted documents', () => {
    const script = (loader: string) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', loader], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
    const required = `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url + '/');
      const sdk = require('@statusql/sdk'); const documents = require('@statusql/sdk/persisted-documents.json');
      console.log(typeof sdk.createClient, Object.keys(documents).length)`;
    const imported = `const sdk = await import('@statusql/sdk');
      const { default: documents } = await import('@statusql/sdk/persisted-documents.json', { with: { type: 'json' } });
      console.log(typeof sdk.createClient, Object.keys(documents).length)`;
    const manifest = JSON.parse(readFileSync(`${sdk}src/generated/persisted-documents.json`, 'utf8'));
    expect(script(required)).toBe(`function ${Object.keys(manifest).length}`);
    expect(script(imported)).toBe(`function ${Object.keys(manifest).length}`);
  });

  it.each([
    ['a strict Node-only consumer (no DOM lib, skipLibCheck off)', 'node-consumer'],
    [
      "the README's Apollo Client, urql and TanStack Query snippets (bundler resolution, JSX, skipLibCheck off)",
      'snippets',
    ],
  ])(
    'compiles for %s',
    (_, fixture) => {
      const project = fileURLToPath(new URL(`./fixtures/${fixture}/`, import.meta.url));
      const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', project], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(tsc.stdout).toBe('');
      expect(tsc.status).toBe(0);
    },
    60_000,
  );

  /** An app's bundle as a browser build makes it: minified, split into chunks loaded when needed. */
  async function bundle(fixture: string) {
    const result = await build({
      entryPoints: [fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url))],
      absWorkingDir: root,
      bundle: true,
      splitting: true,
      outdir: 'out',
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const [entry, ...chunks] = result.outputFiles;
    return {
      entry: entry!.contents,
      all: [entry!, ...chunks].map((file) => new TextDecoder().decode(file.contents)).join('\n'),
    };
  }

  it('bundles for the browser with no Node-only imports, within its size budget', async () => {
    const { entry, all } = await bundle('browser-dashboard.ts');
    const gzipped = gzipSync(entry).length;
    console.log(`SDK dashboard bundle: ${entry.length} bytes minified, ${gzipped} bytes gzipped`);
    expect(all).not.toMatch(/from\s*["']node:/);
    expect(gzipped).toBeLessThan(gzipBudget);
  });

  it('loads no query text and no syntax tree in the smallest app until a server asks for a text', async () => {
    const { entry, all } = await bundle('browser-lookup.ts');
    const gzipped = gzipSync(entry).length;
    console.log(
      `SDK lookup app, first load: ${entry.length} bytes minified, ${gzipped} bytes gzipped (budget ${lookupAppBudget})`,
    );
    const text = new TextDecoder().decode(entry);
    expect(text).not.toContain('statusCode(code:');
    expect(text).not.toContain('"kind":"Document"');
    expect(all).toContain('statusCode(code:');
    expect(gzipped).toBeLessThan(lookupAppBudget);
  });
});
