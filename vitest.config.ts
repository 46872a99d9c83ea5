import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM side by side; yoga (loaded by Node) gets the CommonJS
    // build, so our code must too, or `instanceof GraphQLError` fails across the two copies.
    alias: { graphql: fileURLToPath(import.meta.resolve('graphql')) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/skipped-suites-reporter.ts', './test/time-limit-reporter.ts'],
  },
});
