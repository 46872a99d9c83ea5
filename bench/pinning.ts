/**
 * With two or more CPUs and util-linux's taskset, the load generator (this process, which runs
 * autocannon) keeps CPU 0 and every server under test is started on CPU 1: the bench then measures
 * the server, not the two competing for the same cores. Elsewhere nothing is pinned, and the
 * report says so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const taskset = '/usr/bin/taskset';

/** The CPUs of the load generator and of the server, or null when they are not pinned. */
export const pinning = availableParallelism() >= 2 && existsSync(taskset) ? { load: 0, server: 1 } : null;

/** Pins this process (the load generator) to its CPU; call once, first thing. */
export function pinLoadGenerator(): void {
  if (pinning) execFileSync(taskset, ['-cp', String(pinning.load), String(process.pid)], { stdio: 'ignore' });
}

/** The command and arguments that start `argv` under Node on the server's CPU. */
export function pinnedServer(argv: readonly string[]): [string, string[]] {
  return pinning ? [taskset, ['-c', String(pinning.server), process.execPath, ...argv]] : [process.execPath, [...argv]];
}

/** One line for the report: where the two ran. */
export const pinningNote = pinning
  ? `The server under test ran pinned to CPU ${pinning.server} and the load generator to CPU ${pinning.load} (taskset).`
  : 'Nothing was pinned (one CPU, or no taskset): the server and the load generator shared the cores.';
