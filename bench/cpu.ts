import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every mainstream architecture.
const ticksPerSecond = 100;

function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // Not irq and softirq: on loopback those are mostly the bench's own traffic.
  const [user = 0, nice = 0, system = 0, , , , , steal = 0] = fields;
  return (user + nice + system + steal) / ticksPerSecond;
}

function processSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** Where the machine's CPU went during a measurement, in cores (1.0 = one core busy throughout). */
export interface CpuShare {
  serverCores: number;
  loadGeneratorCores: number;
  /** Everything else on the machine: other people's builds and tests disturb a run. */
  otherCores: number;
}

/** Starts counting; the returned function stops and reports the shares since the start. */
export function cpuMeter(serverPids: () => readonly number[]): () => CpuShare {
  const sumServer = () => serverPids().reduce((sum, pid) => sum + processSeconds(pid), 0);
  const start = {
    wall: performance.now(),
    machine: machineBusySeconds(),
    server: sumServer(),
    self: process.cpuUsage(),
  };
  return () => {
    const wall = (performance.now() - start.wall) / 1000;
    const self = process.cpuUsage(start.self);
    const server = sumServer() - start.server;
    const selfSeconds = (self.user + self.system) / 1e6;
    const other = machineBusySeconds() - start.machine - server - selfSeconds;
    return {
      serverCores: server / wall,
      loadGeneratorCores: selfSeconds / wall,
      otherCores: Math.max(0, other / wall),
    };
  };
}
