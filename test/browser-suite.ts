import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startServer, type TestServer } from './helpers.js';
import { assertWebBuilt } from './web-build.js';

/**
 * For one describe block: the built page checked, a real server and headless Chromium started
 * before its tests and closed after them. Read them through the getters, inside tests.
 */
export function serverAndChromium(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 30_000);
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}
