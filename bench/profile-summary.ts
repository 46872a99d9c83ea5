import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** One line of a summary: a package, file or function and its share of self time. */
export interface SelfTime {
  name: string;
  ms: number;
  /** Of every sample in the window, idle included. */
  percentOfAll: number;
  /** Of the samples where the thread was not idle. */
  percentOfBusy: number;
}

/** Self time aggregated four ways, over the samples between `from` and `to` (µs, monotonic clock). */
export interface ProfileSummary {
  windowMs: number;
  busyMs: number;
  byPackage: SelfTime[];
  /** As `byPackage`, but time in node core and V8 builtins goes to the package that called them. */
  byCallingPackage: SelfTime[];
  byFile: SelfTime[];
  byFunction: SelfTime[];
}

const meta = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Where a frame's code lives: an npm package, a node core area, a project directory, or a V8 pseudo-frame. */
function locate(frame: CallFrame, projectRoot: string): { pkg: string; file: string } {
  if (meta.has(frame.functionName) && frame.url === '') return { pkg: frame.functionName, file: frame.functionName };
  if (frame.url === '') return { pkg: '(V8 builtins / native)', file: '(V8 builtins / native)' };
  if (frame.url.startsWith('node:')) {
    const path = frame.url.slice('node:'.length).replace(/^internal\//, '');
    const area = path
      .split('/')[0]!
      .replace(/^_/, '')
      .replace(/^(http|stream)_.*$/, '$1')
      .replace(/^streams$/, 'stream');
    return { pkg: `node:${area}`, file: frame.url };
  }
  const path = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  const marker = '/node_modules/';
  const at = path.lastIndexOf(marker);
  if (at >= 0) {
    const rest = path.slice(at + marker.length);
    const parts = rest.split('/');
    const pkg = rest.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    return { pkg, file: rest };
  }
  const relative = path.startsWith(projectRoot) ? path.slice(projectRoot.length).replace(/^\//, '') : path;
  return { pkg: `statusql ${relative.includes('/') ? `${relative.split('/')[0]}/` : relative}`, file: relative };
}

function ranked(totals: Map<string, number>, allMs: number, busyMs: number, limit: number): SelfTime[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, ms]) => ({
      name,
      ms,
      percentOfAll: (100 * ms) / allMs,
      percentOfBusy: name === '(idle)' ? Number.NaN : (100 * ms) / busyMs,
    }));
}

/**
 * Reads a `.cpuprofile` and sums self time by package, file and function. `projectRoot` turns
 * absolute paths into repository paths; `from`/`to` restrict it to the load, not start-up.
 */
export function summarizeProfile(
  file: string,
  projectRoot: string,
  options: { from?: number; to?: number; limit?: number } = {},
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfUs = new Map<number, number>();
  let time = profile.startTime;
  let windowUs = 0;
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if ((options.from !== undefined && time < options.from) || (options.to !== undefined && time > options.to)) return;
    // A sample's delta is the time since the previous one: charge it to this sample's frame.
    selfUs.set(nodeId, (selfUs.get(nodeId) ?? 0) + delta);
    windowUs += delta;
  });

  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const callerCache = new Map<number, string | null>();
  // The nearest frame up the stack that is not node core or a V8 builtin; null when there is none.
  const callingPackage = (nodeId: number): string | null => {
    const cached = callerCache.get(nodeId);
    if (cached !== undefined) return cached;
    const frame = frames.get(nodeId)!;
    const { pkg } = locate(frame, projectRoot);
    const parent = parents.get(nodeId);
    let caller: string | null = pkg;
    if (pkg.startsWith('node:') || pkg === '(V8 builtins / native)')
      caller = parent === undefined ? null : callingPackage(parent);
    else if (frame.functionName === '(root)') caller = null;
    callerCache.set(nodeId, caller);
    return caller;
  };

  const byPackage = new Map<string, number>();
  const byCallingPackage = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idleUs = 0;
  for (const [nodeId, us] of selfUs) {
    const frame = frames.get(nodeId)!;
    const { pkg, file: where } = locate(frame, projectRoot);
    if (pkg === '(idle)') idleUs += us;
    const ms = us / 1000;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const caller = callingPackage(nodeId) ?? pkg;
    byCallingPackage.set(caller, (byCallingPackage.get(caller) ?? 0) + ms);
    byFile.set(where, (byFile.get(where) ?? 0) + ms);
    const functionName = frame.functionName || '(anonymous)';
    const name = meta.has(pkg)
      ? pkg
      : frame.url === ''
        ? `${functionName} (V8 builtin / native)`
        : `${functionName} ${where}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const allMs = windowUs / 1000;
  const busyMs = (windowUs - idleUs) / 1000;
  const limit = options.limit ?? 15;
  return {
    windowMs: allMs,
    busyMs,
    byPackage: ranked(byPackage, allMs, busyMs, limit),
    byCallingPackage: ranked(byCallingPackage, allMs, busyMs, limit),
    byFile: ranked(byFile, allMs, busyMs, limit),
    byFunction: ranked(byFunction, allMs, busyMs, limit),
  };
}

/** The summary as four markdown tables. */
export function summaryMarkdown(summary: ProfileSummary): string {
  const table = (title: string, entries: SelfTime[]) => [
    `| ${title} | self ms | % of busy | % of all |`,
    '| --- | ---: | ---: | ---: |',
    ...entries.map(
      (entry) =>
        `| ${entry.name} | ${entry.ms.toFixed(0)} | ${Number.isNaN(entry.percentOfBusy) ? '–' : entry.percentOfBusy.toFixed(1)} | ${entry.percentOfAll.toFixed(1)} |`,
    ),
  ];
  return [
    `Window ${(summary.windowMs / 1000).toFixed(1)} s, busy ${(summary.busyMs / 1000).toFixed(1)} s (${((100 * summary.busyMs) / summary.windowMs).toFixed(0)}% of the main thread).`,
    '',
    ...table('package / area', summary.byPackage),
    '',
    ...table('package, node core and builtins charged to their caller', summary.byCallingPackage),
    '',
    ...table('file', summary.byFile),
    '',
    ...table('function', summary.byFunction),
  ].join('\n');
}

// `npx tsx bench/profile-summary.ts <file.cpuprofile> [projectRoot]` summarizes any profile, whole.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, projectRoot = process.cwd()] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [projectRoot]');
    process.exit(1);
  }
  console.log(summaryMarkdown(summarizeProfile(file, projectRoot)));
}
