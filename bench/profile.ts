import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestHeaders, runLoad, summarizeTrace } from './load.js';
import { operations, postBody } from './operations.js';
import { summarizeProfile, summaryMarkdown } from './profile-summary.js';
import { killAll, root, send, snapshotWorkingTree, startServer } from './servers.js';

const profileDir = process.env['PROFILE_DIR'] ?? '/tmp/prof';
const cacheOff = process.argv.includes('--cache-off');
const warmupSeconds = 3;
const seconds = 10;
const lookup = operations[0]!;

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Profiles StatusQL's main thread (`node --cpu-prof`) under the lookup load, then sums self time
 * by package, file and function over the measured seconds only (not start-up or warm-up).
 */
async function main(): Promise<void> {
  const snapshot = snapshotWorkingTree();
  try {
    mkdirSync(profileDir, { recursive: true });
    const before = new Set(readdirSync(profileDir));
    const server = await startServer(
      {
        id: 'statusql-profiled',
        label: 'StatusQL (profiled)',
        entry: 'server/main.ts',
        nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
        preloads: ['./bench/exit-on-signal.ts'],
        env: { LOG_LEVEL: 'warn', WORKERS: '1', ...(cacheOff ? { RESPONSE_CACHE_MB: '0' } : {}) },
      },
      snapshot.dir,
      async (url) =>
        (await send(url, { method: 'POST', headers: requestHeaders, body: postBody(lookup), timeoutMs: 2000 }))
          .status === 200,
    );
    let from = 0;
    let to = 0;
    let requestsPerSecond = 0;
    try {
      const target = { url: server.url, method: 'POST' as const, body: postBody(lookup), connections: 50 };
      await runLoad({ ...target, seconds: warmupSeconds });
      from = monotonicUs();
      const result = summarizeTrace(await runLoad({ ...target, seconds }));
      to = monotonicUs();
      requestsPerSecond = result.requestsPerSecond;
      console.error(`lookup under --cpu-prof: ${Math.round(result.requestsPerSecond)} req/s, errors ${result.errors}`);
      // A normal exit (see exit-on-signal.ts) is what makes node write the profile.
      process.kill(server.pid, 'SIGUSR2');
      await server.exit(10_000);
    } finally {
      await server.stop();
    }
    // The main thread's profile; worker threads (tsx's loader) write their own, with a thread id other than 0.
    const written = readdirSync(profileDir).filter(
      (name) => !before.has(name) && name.endsWith('.cpuprofile') && name.includes(`.${server.pid}.0.`),
    );
    if (written.length !== 1)
      throw new Error(`Expected one new main-thread profile in ${profileDir}, found: ${written.join(', ') || 'none'}`);
    const file = join(profileDir, written[0]!);
    const summary = summarizeProfile(file, snapshot.dir, { from, to });
    const table = summaryMarkdown(summary);
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    const output = `bench/results/profile-latest${cacheOff ? '-cache-off' : ''}.json`;
    writeFileSync(
      join(root, output),
      `${JSON.stringify({ generatedAt: new Date().toISOString(), profile: file, operation: lookup.query, cacheOff, requestsPerSecond, ...summary }, null, 2)}\n`,
    );
    console.log(`Profile: ${file}\n\n${table}\n\nWritten: ${output}`);
  } finally {
    snapshot.remove();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  killAll();
  process.exitCode = 1;
});
