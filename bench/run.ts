/**
 * `npm run bench`: StatusQL as users run it, and beside it the same with its access log off, with
 * its answer cache off, and three peers at their own defaults, one after another on this machine.
 * Prints the markdown report and writes bench/results/latest.json. Method: bench/README.md.
 * `npm run bench -- --verify` only checks every server's answers against StatusQL's (seconds, no load).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { coldStarts, summarize, type ServerSummary } from './cold-start.js';
import {
  contenders,
  fromSourceViaTsxCli,
  peerIds,
  statusql,
  statusqlIds,
  statusqlLogOff,
  type Contender,
} from './contenders.js';
import { measureRow, type Row } from './measure.js';
import { methodNotes, settingsNotes } from './notes.js';
import { operations } from './operations.js';
import { commit, sourceHash, variablesRead } from './provenance.js';
import { Schedule, waitForQuiet } from './quiet.js';
import { accessLogCost, fixed, markdown, ratiosOf } from './report.js';
import { root, snapshotWorkingTree, startServer } from './servers.js';
import { only, quick, settings, verifyOnly } from './settings.js';
import { pinLoadGenerator, pinning } from './pinning.js';
import { AnswerCheck, coverage, probe } from './verify.js';
import { runGuarded } from './watchdog.js';

/** Starts one server, checks its answers, measures its rows and stops it. */
async function measureServer(spec: Contender, cwd: string, check: AnswerCheck, schedule: Schedule) {
  console.error(`\n${spec.label}`);
  const coldStartsMs = await coldStarts(spec, cwd);
  const server = await startServer(spec, cwd, probe);
  schedule.serversLeft--;
  const rows: Row[] = [];
  let skipped: string | undefined;
  try {
    console.error(
      `  cold start ${coldStartsMs.map((ms) => fixed(ms)).join(', ')} ms; idle RSS ${fixed(server.idleRssMb)} MB`,
    );
    await check.verify(server, 'before load');
    for (const operation of operations)
      rows.push(await measureRow(server, operation, 'POST', operation === operations[0], schedule));
    if (spec.persistedRows) {
      const problem = await check.verifyPersisted(server).then(
        () => undefined,
        (error: Error) => error.message,
      );
      if (problem) {
        schedule.rowsLeft -= operations.length;
        skipped = `${spec.label}: GET persisted rows skipped: ${problem}`;
        console.error(`  GET persisted skipped: ${problem}`);
      } else {
        for (const operation of operations)
          rows.push(await measureRow(server, operation, 'GET persisted', false, schedule));
      }
    }
    await check.verify(server, 'after load');
    // After the rows, so that these unmeasured queries warm no cache and no JIT before them.
    if (!spec.precomputed) await check.verifyCoverage(server);
    return { rows, summary: summarize(spec, server, coldStartsMs), skipped };
  } finally {
    await server.stop();
  }
}

/** Cold start and idle memory only, for a way of running StatusQL that is not measured under load. */
async function measureIdle(spec: Contender, cwd: string): Promise<ServerSummary> {
  console.error(`\n${spec.label}: cold start and memory, no load`);
  const coldStartsMs = await coldStarts(spec, cwd);
  const server = await startServer(spec, cwd, probe);
  try {
    return summarize(spec, server, coldStartsMs);
  } finally {
    await server.stop();
  }
}

/** `--verify`: each selected server started once, its answers checked against StatusQL's; nothing measured. */
async function verifyAll(cwd: string): Promise<void> {
  const check = new AnswerCheck();
  for (const spec of contenders.filter((spec) => !only || only.includes(spec.id) || spec.id === statusql)) {
    const server = await startServer(spec, cwd, probe);
    try {
      await check.verify(server, 'verify only');
      if (!spec.precomputed) await check.verifyCoverage(server);
      if (spec.persistedRows) await check.verifyPersisted(server);
      const checked = `${operations.length} operations${spec.precomputed ? '' : ` + ${coverage.length} coverage queries`}${spec.persistedRows ? ` + ${operations.length} GET persisted` : ''}`;
      console.error(`${spec.label}: ${checked}: ${spec.id === statusql ? 'the reference' : "equal to StatusQL's"}`);
    } finally {
      await server.stop();
    }
  }
}

async function measureAll(cwd: string): Promise<void> {
  pinLoadGenerator();
  const began = performance.now();
  const provenance = {
    commit: commit(),
    sources: sourceHash(cwd),
    responseCacheVariablesRead: variablesRead(cwd, ['RESPONSE_CACHE_MB', 'RESPONSE_CACHE_SIZE']),
    logLevelHonoured: variablesRead(cwd, ['LOG_LEVEL']).length > 0,
  };
  const notes = methodNotes(provenance);
  console.error(
    `StatusQL peer benchmark: ${settings.connections} connections, ${settings.firstWarmupSeconds}/${settings.warmupSeconds} s warm-up + ${settings.seconds} s per row; about ${quick ? '1½' : '6'} minutes`,
  );
  console.error(`Note: ${notes[0]}`);

  const selected = contenders.filter((spec) => !only || only.includes(spec.id) || spec.id === statusql);
  const schedule = new Schedule();
  schedule.serversLeft = selected.length;
  schedule.rowsLeft = selected.reduce((sum, spec) => sum + operations.length * (spec.persistedRows ? 2 : 1), 0);
  if (!(await waitForQuiet(() => [], quick ? 0 : 15, 2000))) {
    notes.push('Other processes were using the machine when the run started (it waited 15 s for them).');
    console.error('  the machine is busy with other work: figures will be disturbed (see the cores column)');
  }

  const check = new AnswerCheck();
  const rows: Row[] = [];
  const summaries: ServerSummary[] = [];
  const skipped: string[] = [];
  for (const spec of selected) {
    const measured = await measureServer(spec, cwd, check, schedule);
    rows.push(...measured.rows);
    summaries.push(measured.summary);
    if (measured.skipped) skipped.push(measured.skipped);
  }
  summaries.push(await measureIdle(fromSourceViaTsxCli, cwd));
  notes.push(...settingsNotes(selected, rows), ...skipped);

  const ratios = ratiosOf(rows, statusqlIds, peerIds);
  const logCost = accessLogCost(rows, statusql, statusqlLogOff);
  const table = markdown({
    rows,
    summaries,
    subjects: statusqlIds,
    peers: peerIds,
    ratios,
    logCost,
    reference: statusql,
    notes,
  });
  const report = {
    generatedAt: new Date().toISOString(),
    commit: provenance.commit,
    sources: provenance.sources,
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      platform: process.platform,
      pinning,
    },
    settings,
    responseCacheVariablesRead: provenance.responseCacheVariablesRead,
    logLevelHonoured: provenance.logLevelHonoured,
    operations: operations.map(({ id, query, persisted }) => ({ id, query, persisted })),
    servers: summaries,
    rows,
    ratios,
    accessLogCost: logCost,
    notes,
    table,
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\n${table}\n\nWritten: bench/results/latest.json (${((performance.now() - began) / 1000).toFixed(0)} s)`,
  );
}

runGuarded(async () => {
  const snapshot = snapshotWorkingTree();
  try {
    execFileSync('npm', ['run', 'build:server'], { cwd: snapshot.dir, stdio: 'inherit' });
    await (verifyOnly ? verifyAll : measureAll)(snapshot.dir);
  } finally {
    snapshot.remove();
  }
});
