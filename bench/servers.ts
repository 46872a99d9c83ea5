import { spawn, type ChildProcess } from 'node:child_process';
import { pinnedServer } from './pinning.js';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** A server under test: a TypeScript entry point started with `node --import tsx`. */
export interface ServerSpec {
  id: string;
  label: string;
  entry: string;
  /** Over the bench's environment with PORT, HOST=127.0.0.1 and PUBLIC_URL; an undefined value unsets a variable. */
  env?: Record<string, string | undefined>;
  /** Extra node flags, placed before `--import tsx`. */
  nodeFlags?: string[];
  /** Modules imported after tsx, before the entry (so they may be TypeScript). */
  preloads?: string[];
  /** Run `entry` through the tsx CLI, as `npm run dev` does: a wrapper process and the server under it. */
  viaTsxCli?: boolean;
  /** Run a JavaScript `entry` on plain node, without the tsx loader. */
  plainNode?: boolean;
}

/**
 * Copies the working tree (without node_modules, .git and bench results) to a temporary directory
 * with node_modules linked back, so every server in a run executes the same sources even while
 * someone edits the checkout.
 */
export function snapshotWorkingTree(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'statusql-bench-'));
  const skipped = new Set(['node_modules', '.git']);
  cpSync(root, dir, {
    recursive: true,
    filter: (source) => {
      const relative = source.slice(root.length);
      return (
        !relative.split(sep).some((part) => skipped.has(part)) &&
        !relative.startsWith(join('bench', 'results')) &&
        !relative.endsWith('.cpuprofile')
      );
    },
  });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The PUBLIC_URL every server the bench starts gets, so that absolute links in answers
 * (`liveExampleUrl`) do not depend on the free port each one was given and the peers' answers can
 * equal StatusQL's.
 */
export const benchPublicUrl = 'http://bench.local';

/** A response read in full. */
export interface HttpAnswer {
  status: number;
  text: string;
}

/** One HTTP request, bounded by `timeoutMs`. */
export function send(
  url: string,
  options: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs?: number },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: options.method,
      headers: options.headers,
      timeout: options.timeoutMs ?? 5000,
    });
    req.on('timeout', () => req.destroy(new Error(`Timed out: ${options.method} ${url}`)));
    req.on('error', reject);
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.end(options.body);
  });
}

/** A free TCP port on 127.0.0.1, released before it is returned. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of one process in MB: now (VmRSS) and its peak so far (VmHWM). */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** `pid` and all its descendants, from /proc. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // After the parenthesised command name in /proc/<pid>/stat come the state and the parent id.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we listed it.
    }
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]!) ?? []));
  return tree;
}

/** Memory of several processes, summed (summed VmHWM is an upper bound of their joint peak). */
function memoryOfAll(pids: readonly number[]): { rssMb: number; hwmMb: number } | undefined {
  const memories = pids.flatMap((id) => memoryOf(id) ?? []);
  if (memories.length === 0) return undefined;
  return memories.reduce((sum, memory) => ({ rssMb: sum.rssMb + memory.rssMb, hwmMb: sum.hwmMb + memory.hwmMb }));
}

/** A started server: its URL, how long it took to answer, and its memory as sampled every 200 ms. */
export interface RunningServer {
  spec: ServerSpec;
  pid: number;
  url: string;
  coldStartMs: number;
  idleRssMb: number;
  /** The server's processes: one, or a wrapper and its children. */
  pids: () => readonly number[];
  /** Starts a named phase; `peakRssMb(phase)` is the highest RSS sampled during it. */
  phase(name: string): void;
  peakRssMb(phase?: string): number;
  /** VmHWM: peak resident memory over the server's whole life so far. */
  highWaterMb(): number;
  output(): string;
  /** Bytes written to stdout and stderr so far: what the server logs. */
  outputBytes(): number;
  /** Resolves true once the server has exited, false after `ms`. */
  exit(ms: number): Promise<boolean>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
}

/** Kills every server this process started (each is its own process group); for error paths and signals. */
export function killAll(): void {
  for (const child of running) signalGroup(child, 'SIGKILL');
  running.clear();
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Spawns a server in `cwd` and waits until `probe` succeeds against it; the time from spawn to that
 * first good answer is its cold start. Throws (and kills it) if it exits or takes over `timeoutMs`.
 */
export async function startServer(
  spec: ServerSpec,
  cwd: string,
  probe: (url: string) => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  let log = '';
  let outputBytes = 0;
  const argv = spec.viaTsxCli
    ? [join(cwd, 'node_modules/tsx/dist/cli.mjs'), spec.entry]
    : spec.plainNode
      ? [...(spec.nodeFlags ?? []), spec.entry]
      : [
          ...(spec.nodeFlags ?? []),
          '--import',
          'tsx',
          ...(spec.preloads ?? []).flatMap((module) => ['--import', module]),
          spec.entry,
        ];
  const started = performance.now();
  const [command, args] = pinnedServer(argv);
  const child = spawn(command, args, {
    cwd,
    // Its own process group, so stopping it also stops anything it started (the tsx CLI's child).
    detached: true,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: benchPublicUrl, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const keep = (chunk: Buffer) => {
    outputBytes += chunk.length;
    // Only the tail is kept: an access log under load brings megabytes a second into the load generator's process.
    log = (log + chunk.subarray(-8000).toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', () => running.delete(child));

  const stop = async () => {
    if (exited(child)) return;
    signalGroup(child, 'SIGTERM');
    if (!(await waitForExit(child, 5000))) {
      signalGroup(child, 'SIGKILL');
      await waitForExit(child, 5000);
    }
    running.delete(child);
  };

  try {
    let coldStartMs = Number.NaN;
    while (Number.isNaN(coldStartMs)) {
      if (exited(child))
        throw new Error(`${spec.label} exited (${child.exitCode ?? child.signalCode}) before answering:\n${log}`);
      if (performance.now() - started > timeoutMs)
        throw new Error(`${spec.label} did not answer within ${timeoutMs} ms:\n${log}`);
      if (await probe(url).catch(() => false)) coldStartMs = performance.now() - started;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const pid = child.pid!;
    let tree = processTree(pid);
    let samples = 0;
    const peaks = new Map<string, number>();
    let current = 'startup';
    let highWater = 0;
    const sample = () => {
      // Listing /proc is the costly part; the tree only changes if the server forks.
      if (++samples % 10 === 0) tree = processTree(pid);
      const memory = memoryOfAll(tree);
      if (!memory) return;
      peaks.set(current, Math.max(peaks.get(current) ?? 0, memory.rssMb));
      highWater = Math.max(highWater, memory.hwmMb);
    };
    sample();
    const idleRssMb = memoryOfAll(tree)?.rssMb ?? Number.NaN;
    const sampler = setInterval(sample, 200);

    return {
      spec,
      pid,
      url,
      coldStartMs,
      idleRssMb,
      pids: () => tree,
      phase: (name) => {
        sample();
        current = name;
      },
      peakRssMb: (phase) => (phase === undefined ? Math.max(0, ...peaks.values()) : (peaks.get(phase) ?? Number.NaN)),
      highWaterMb: () => {
        sample();
        return highWater;
      },
      output: () => log,
      outputBytes: () => outputBytes,
      exit: (ms) => waitForExit(child, ms),
      stop: async () => {
        sample();
        clearInterval(sampler);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The Node flags `npm start` runs the server with (`node <flags> dist/main.js` in package.json). */
export function npmStartNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...words] = scripts.start.split(/\s+/);
  if (command !== 'node' || words.at(-1) !== 'dist/main.js')
    throw new Error(`npm start is not "node … dist/main.js": ${scripts.start}`);
  return words.slice(0, -1);
}
