// Ends the test run's summary with the suites skipped for a missing program, how many tests that is,
// and how to run them (test/system-programs.ts decides what is skipped).
import { basename } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { installAdvice, skippedPrograms, systemPrograms } from './system-programs.js';

export default class SkippedSuitesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = skippedPrograms().flatMap((program) => {
      const { path, suites } = systemPrograms[program];
      const files = suites.map((suite) => `${suite}.test.ts`);
      const modules = testModules.filter((module) => files.includes(basename(module.moduleId)));
      const tests = modules.reduce((sum, module) => sum + [...module.children.allTests('skipped')].length, 0);
      const names = modules.map((module) => basename(module.moduleId)).join(', ');
      return tests > 0 ? [{ program, line: `  ${names}: ${tests} tests, ${path} is missing` }] : [];
    });
    if (skipped.length === 0) return;
    const lines = skipped.map(({ line }) => line).join('\n');
    const advice = installAdvice(...skipped.map(({ program }) => program));
    console.log(`\nSkipped for want of a system program (CI=true never skips):\n${lines}\nTo run them, ${advice}.\n`);
  }
}
