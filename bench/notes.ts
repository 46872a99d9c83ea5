import { cpus } from 'node:os';
import { pinningNote } from './pinning.js';
import type { Contender } from './contenders.js';
import type { Row } from './measure.js';
import { disturbedCores, minQuietSeconds } from './quiet.js';
import { benchPublicUrl } from './servers.js';
import { retryBudgetSeconds, runSeconds, settings } from './settings.js';

/** What the notes say of the code under test. */
export interface Provenance {
  commit: string;
  sources: string;
  responseCacheVariablesRead: string[];
  logLevelHonoured: boolean;
}

/** How the run measures, printed under the tables; the first is also printed when the run starts. */
export function methodNotes(provenance: Provenance): string[] {
  const { responseCacheVariablesRead } = provenance;
  return [
    `The load generator is autocannon, ${settings.connections} connections, in the bench process, on this ${cpus().length}-CPU machine. ${pinningNote} Absolute figures are lower than with a separate client machine: compare ratios within one run.`,
    `Each row: ${settings.warmupSeconds} s warm-up (${settings.firstWarmupSeconds} s before a server's first row), then ${settings.seconds} s measured. Latency percentiles over 2xx responses, recorded per response. Errors = non-2xx + socket errors (including timeouts).`,
    `Commit ${provenance.commit.slice(0, 12)}; sources measured (catalogue, schema, server, generated SDK documents, peers, working tree included) hash to ${provenance.sources}.`,
    'Every server runs from a snapshot of the working tree taken at the start, in its own process: StatusQL as `npm start` runs it (`node dist/main.js`, the esbuild bundle), the peers as `node --import tsx <entry>`; RSS is that process with all its threads (for the peers including the tsx loader thread), sampled every 200 ms; peak = VmHWM at the end.',
    `The machine is shared, so CPU is metered second by second: a second in which processes outside the bench used over ${disturbedCores} cores is disturbed. A row's req/s, latencies and cores come from its quiet seconds when it has at least ${minQuietSeconds} (quiet s = quiet/all); otherwise from all of them, marked ⚠ (understating the server) after measuring it once more if the run's time allows (a ${retryBudgetSeconds} s budget, the whole run within ${runSeconds} s). Errors are over the same seconds; latest.json also has each row whole (wholeRow). cores: server / other = CPU used by the server and by processes outside the bench (1.00 = one core throughout).`,
    'req per CPU-s = req/s ÷ server cores: the cost of a request in server CPU, which holds up better than req/s when other work takes CPU from the server (approximate: on loopback the kernel charges some network work to whichever side is running).',
    `Cold start: spawn to first correct answer to the lookup, median of ${settings.coldStartRuns} starts after an unmeasured one.`,
    'GET persisted rows run the SDK documents StatusCode / StatusCodes / Search from sdk/src/generated/persisted-documents.json with the same variables: they select more fields than the POST operations, so they are not compared with the peers.',
    responseCacheVariablesRead.length > 0
      ? `The cache-off server runs with RESPONSE_CACHE_MB=0 and RESPONSE_CACHE_SIZE=0; server/ reads ${responseCacheVariablesRead.join(' and ')}.`
      : 'server/ reads neither RESPONSE_CACHE_MB nor RESPONSE_CACHE_SIZE: the cache-off rows run the same code as the default rows.',
    ...(provenance.logLevelHonoured
      ? []
      : [
          'The log-off server runs with LOG_LEVEL=warn, but server/ does not read it: it runs the same code as the default rows.',
        ]),
  ];
}

/**
 * The settings each server ran with, and what it wrote to stdout and stderr under load: its log, as
 * measured, beside what its settings say it should be.
 */
export function settingsNotes(contenders: readonly Contender[], rows: readonly Row[]): string[] {
  const perServer = contenders.flatMap((contender) => {
    const own = rows.filter((row) => row.server === contender.id);
    if (own.length === 0) return [];
    const bytes = own.reduce((sum, row) => sum + row.outputBytesPerRequest, 0) / own.length;
    const written = bytes < 0.5 ? 'nothing' : `${bytes.toFixed(0)} bytes a request`;
    return [`${contender.label}: ${contender.runsWith}. Under load it wrote ${written} to stdout and stderr.`];
  });
  return [
    `Settings: the bench gives every server a free PORT, HOST=127.0.0.1 and PUBLIC_URL=${benchPublicUrl} (the origin of the links in answers, the same for all), and each runs with these:`,
    ...perServer,
  ];
}
