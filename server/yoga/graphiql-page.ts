import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphiQLOptions } from 'graphql-yoga';
import { projectRoot } from '../paths.js';

/** GraphiQL's page as `npm run build:web` writes it; its scripts and styles are under /assets/. */
export const graphiqlTemplateFile = join(projectRoot, 'web', 'dist', 'graphiql.html');

/** Where the built page expects its options. */
const optionsSlot = '<!--graphiql-options-->';

/**
 * Yoga's `renderGraphiQL`: our own build of GraphiQL (web/src/graphiql.ts), which loads nothing
 * from another host, with yoga's options written in as JSON. `<` is escaped so that no option can
 * close the script element. Read once; without a build, the page says how to make one.
 */
export function createGraphiQLRenderer(
  endpoint: string,
  templateFile = graphiqlTemplateFile,
): (options: GraphiQLOptions) => string {
  let template: string | undefined;
  return (options) => {
    template ??= readTemplate(templateFile);
    const json = JSON.stringify({ ...options, endpoint }).replaceAll('<', '\\u003c');
    return template.replace(optionsSlot, `<script id="graphiql-options" type="application/json">${json}</script>`);
  };
}

function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '<!doctype html><title>StatusQL: GraphiQL</title><p>GraphiQL is not built: run <code>npm run build:web</code> (<code>npm ci</code> does it). The API answers GET and POST here all the same.</p>';
  }
}
