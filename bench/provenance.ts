import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './servers.js';

/** The checkout's HEAD commit, read from .git without running git; `unknown` outside a checkout. */
export function commit(): string {
  try {
    const head = readFileSync(`${root}.git/HEAD`, 'utf8').trim();
    return head.startsWith('ref: ') ? readFileSync(`${root}.git/${head.slice(5)}`, 'utf8').trim() : head;
  } catch {
    return 'unknown';
  }
}

/** A fingerprint of the code under test, so two runs can be checked to have measured the same sources. */
export function sourceHash(dir: string): string {
  const hash = createHash('sha256');
  for (const folder of ['catalogue', 'schema', 'server', 'sdk/src/generated', 'bench/peers']) {
    const files = readdirSync(join(dir, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file.slice(dir.length)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Which of `variables` the snapshot's server/ mentions (a text search); the bench sets them either way. */
export function variablesRead(dir: string, variables: readonly string[]): string[] {
  const sources = readdirSync(`${dir}/server`, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(`${dir}/server/${file}`, 'utf8'));
  return variables.filter((variable) => sources.some((source) => new RegExp(`\\b${variable}\\b`).test(source)));
}
