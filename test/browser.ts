import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { systemPrograms } from './system-programs.js';

/** Debian's Chromium (`apt-get install chromium`); playwright-core never downloads a browser here. */
export const chromiumPath = systemPrograms.chromium.path;

/** Starts headless Chromium with nothing that reaches the network on its own; `close()` it in afterAll. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No browser at ${chromiumPath}: install Debian's chromium (apt-get install chromium), as .ci/run does.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    timeout: 60_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects a page's console errors and uncaught exceptions, so a test can expect none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
