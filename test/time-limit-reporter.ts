// Ends the test run's summary with every test that took more than a third of its time limit: such a
// test fails on a slower or busier machine, so it is named here before it does (see docs/contributing.md).
import type { Reporter, TestModule } from 'vitest/node';

export default class TimeLimitReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const near = testModules
      .flatMap((module) => [...module.children.allTests()])
      .flatMap((test) => {
        const duration = test.diagnostic()?.duration ?? 0;
        const limit = test.options.timeout ?? 0;
        return limit > 0 && duration > limit / 3 ? [{ name: test.fullName, duration, limit }] : [];
      });
    if (near.length === 0) return;
    console.log(`\nTests over a third of their time limit (make them faster, or move the work to bench/):`);
    for (const { name, duration, limit } of near) console.log(`  ${Math.round(duration)} of ${limit} ms: ${name}`);
  }
}
