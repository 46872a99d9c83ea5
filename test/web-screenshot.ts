// Writes docs/screenshot.png: the page at `/` on a light desktop, as the README shows it.
// Run `npm run screenshot` after `npm run build:web`.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.js';
import { startServer } from './helpers.js';
import { assertWebBuilt } from './web-build.js';

const output = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));

assertWebBuilt();
const server = await startServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 880 },
    colorScheme: 'light',
    deviceScaleFactor: 1,
  });
  await page.goto(`${server.origin}/?q=rate%20limit`);
  await page.locator('#results:not([aria-busy]) .card').first().waitFor({ timeout: 10_000 });
  await page.locator('#guide-list li').first().waitFor({ timeout: 10_000 });
  mkdirSync(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`Wrote ${output}`);
} finally {
  await browser.close();
  await server.close();
}
