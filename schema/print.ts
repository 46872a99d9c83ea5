import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './index.js';

/** The SDL as committed in `schema/schema.graphql`: sorted, with a final newline. */
export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(new URL('./schema.graphql', import.meta.url), printedSchema());
}
