import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const sdk = fileURLToPath(new URL('../sdk/', import.meta.url));

/** The SDK's budget in a browser bundle, gzipped: it must stay a small part of a 50 KB page. */
const gzipBudget = 25 * 1024;

describe('@statusql/sdk as a package', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--workspace', '@statusql/sdk'], { cwd: root, stdio: 'pipe' });
  }, 60_000);

  it('builds ESM JavaScript and declarations into sdk/dist', () => {
    for (const file of ['index.js', 'index.d.ts', 'client.js', 'errors.js', 'generated/graphql.js']) {
      expect(existsSync(`${sdk}dist/${file}`), file).toBe(true);
    }
  });

  it('packs only dist, README and package.json', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: sdk, encoding: 'utf8' }));
    const files: string[] = packed.files.map((file: { path: string }) => file.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
    expect(files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md'].includes(file))).toEqual([]);
  });

  it('bundles for the browser with no Node-only imports, within its size budget', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./fixtures/browser-dashboard.ts', import.meta.url))],
      absWorkingDir: root,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const bundle = result.outputFiles[0]!.contents;
    const gzipped = gzipSync(bundle).length;
    console.log(`SDK browser bundle: ${bundle.length} bytes minified, ${gzipped} bytes gzipped`);
    expect(new TextDecoder().decode(bundle)).not.toMatch(/from\s*["']node:/);
    expect(gzipped).toBeLessThan(gzipBudget);
  });
});
