import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors } from './browser.js';
import { serverAndChromium } from './browser-suite.js';
import { skipWithout } from './system-programs.js';

/** GraphiQL's first view, all of it gzipped: its script, stylesheet (with fonts) and CodeMirror. */
const firstViewBudgetBytes = 800 * 1024;

const missing = skipWithout('chromium', 'graphiql-browser');

describe.skipIf(missing)(
  'GraphiQL in Chromium, with every request to another host aborted',
  { timeout: 60_000 },
  () => {
    const started = serverAndChromium();

    /** A context that lets only this server's origin through, and what it refused and fetched. */
    async function offlineContext(): Promise<{ context: BrowserContext; refused: string[]; fetched: Request[] }> {
      const context = await started.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const refused: string[] = [];
      const fetched: Request[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).origin !== started.server.origin) {
          refused.push(url);
          return route.abort('blockedbyclient');
        }
        fetched.push(route.request());
        return route.continue();
      });
      return { context, refused, fetched };
    }

    /** Opens GraphiQL and waits until it has read the schema, so that the run button runs. */
    async function openGraphiQL(page: Page, search = ''): Promise<void> {
      const introspection = page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url() === started.server.url,
      );
      await page.goto(`${started.server.url}${search}`);
      expect((await introspection).status()).toBe(200);
    }

    /** Runs the editor's query (one operation: GraphiQL asks nothing) and reads the result pane. */
    async function run(page: Page): Promise<string> {
      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.graphiql-response .CodeMirror-code').filter({ hasText: '"data"' });
      await result.waitFor();
      return result.innerText();
    }

    it('renders from this origin alone and runs its default query', async () => {
      const { context, refused, fetched } = await offlineContext();
      const page = await context.newPage();
      const errors = collectErrors(page);
      await openGraphiQL(page);
      expect(await page.title()).toBe('StatusQL: GraphiQL');
      const result = await run(page);
      expect(result).toContain('"title": "404 Not Found"');
      expect(result).toContain('"citation": "RFC 9110 §15.5.5"');
      expect(refused).toEqual([]);
      expect(errors).toEqual([]);

      let transferred = 0;
      for (const request of fetched) {
        const sizes = await request.sizes();
        transferred += sizes.responseBodySize + sizes.responseHeadersSize;
      }
      console.log(
        `GraphiQL's first view: ${fetched.length} requests, ${(transferred / 1024).toFixed(0)} KiB transferred`,
      );
      expect(transferred).toBeLessThan(firstViewBudgetBytes);
      await context.close();
    });

    it('opens the query its URL holds, as the page and the live examples link to it, and links back to the page', async () => {
      const { context } = await offlineContext();
      const page = await context.newPage();
      await openGraphiQL(page, `?query=${encodeURIComponent('{ statusCode(code: 418) { code phrase } }')}`);
      const result = await run(page);
      expect(result).toContain('"code": 418');
      expect(await page.locator('.graphiql-logo a').getAttribute('href')).toBe('/');
      await context.close();
    });

    it('sends what the headers editor holds', async () => {
      const { context } = await offlineContext();
      const page = await context.newPage();
      await openGraphiQL(page);
      await page.getByRole('button', { name: 'Headers' }).click();
      const editor = page.locator('.graphiql-editor-tool .CodeMirror').last();
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText('{"x-trace": "from-graphiql"}');
      const sent = page.waitForRequest(
        (request) => request.method() === 'POST' && request.postData()?.includes('Welcome') === true,
      );
      await run(page);
      expect((await sent).headers()['x-trace']).toBe('from-graphiql');
      await context.close();
    });
  },
);
