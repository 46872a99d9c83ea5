import { createRequire } from 'node:module';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { collectErrors } from './browser.js';
import { serverAndChromium } from './browser-suite.js';
import { skipWithout } from './system-programs.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Relative luminance of a CSS `rgb()` colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = Array.from(color.match(/[\d.]+/g) ?? [], (channel) => {
    const value = Number(channel) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const missing = skipWithout('chromium', 'web-browser');

describe.skipIf(missing)('the status code page in Chromium', { timeout: 30_000 }, () => {
  const started = serverAndChromium();
  const open: { context: BrowserContext; errors: string[] }[] = [];

  afterEach(async () => {
    const errors = open.flatMap((entry) => entry.errors);
    await Promise.all(open.splice(0).map((entry) => entry.context.close()));
    expect(errors).toEqual([]);
  });

  /** A fresh page (light desktop unless told otherwise) at `path`, once the first answers are shown. */
  async function visit(path: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await started.browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
      ...options,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    open.push({ context, errors: collectErrors(page) });
    await page.goto(`${started.server.origin}${path}`);
    await page
      .locator('#results:not([aria-busy]) .card, #results:not([aria-busy]) .row, #code-title')
      .first()
      .waitFor();
    return page;
  }

  const cardCodes = (page: Page) => page.locator('#results .card .code').allTextContents();
  const pathOf = (page: Page) => page.url().slice(started.server.origin.length);

  it('shows the seed page title, every catalogued code, the class counts and the quick guide', async () => {
    const page = await visit('/');
    expect(await page.locator('h1').textContent()).toBe('Search status codes and understand common API responses');
    const total = Number(await page.locator('.chip[data-class=""] .count').textContent());
    expect(total).toBeGreaterThan(60);
    expect(await page.locator('#results .row').count()).toBe(total);
    expect(await page.locator('#status').textContent()).toBe(`${total} status codes`);
    const guide = await page.locator('#guide-list li').allTextContents();
    expect(guide[0]).toBe('200 for success');
    expect(guide).toContain('429 for rate limit');
    expect(await page.locator('a[href="/graphql"]').first().isVisible()).toBe(true);
  });

  it('opens on an index of every code within 4,000 px at 1366×900, and shows a phone the quick guide before it', async () => {
    const desktop = await visit('/', { viewport: { width: 1366, height: 900 } });
    const rows = desktop.locator('#results .row');
    expect(await rows.count()).toBe(catalogue.codes.length);
    const bottom = await rows.last().evaluate((row) => row.getBoundingClientRect().bottom + window.scrollY);
    expect(bottom).toBeLessThan(4000);
    expect(await rows.first().textContent()).toBe('100 Continue');

    const phone = await visit('/', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const top = (selector: string) =>
      phone
        .locator(selector)
        .first()
        .evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    expect(await top('#guide-list li')).toBeLessThan(await top('#results .row'));
    expect(await top('#guide-list li')).toBeLessThan(844 * 2);
  });

  it('talks to the API only through the SDK: GET requests carrying a documentId, no query text', async () => {
    const context = await started.browser.newContext();
    const page = await context.newPage();
    open.push({ context, errors: collectErrors(page) });
    const requests: { method: string; url: URL }[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/graphql') requests.push({ method: request.method(), url });
    });
    await page.goto(`${started.server.origin}/?q=retry`);
    await page.locator('#results:not([aria-busy]) .card').first().waitFor();
    expect(requests.length).toBeGreaterThan(0);
    for (const { method, url } of requests) {
      expect(method).toBe('GET');
      expect(url.searchParams.get('documentId')).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(url.searchParams.has('query')).toBe(false);
    }
  });

  it('shows 429 first as you type "rate limit", with suggestions, and puts the search in the URL', async () => {
    const page = await visit('/');
    await page.locator('#search-input').pressSequentially('rate limit', { delay: 40 });
    await page.waitForURL(/q=rate%20limit$/);
    // The URL changes as the last key is typed; the answer for the whole words may come a moment later
    // (429 also leads for "rate"), so wait for the status line to name them.
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/“rate limit”/);
    await expect.poll(() => cardCodes(page).then((codes) => codes[0])).toBe('429');
    expect(pathOf(page)).toBe('/?q=rate%20limit');
    expect(await page.locator('#search-input').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#suggestions [role=option]').first().textContent()).toMatch(/^429 rate limit/);
    // A name said exactly puts its code well ahead: the answer, the others related.
    expect(await page.locator('#status').textContent()).toMatch(
      /^429 Too Many Requests is the answer to “rate limit”; \d+ more codes are related$/,
    );
    expect(await page.title()).toBe('“rate limit”: StatusQL');
  });

  it("explains a pasted nginx log line on the first card, and lists the symptom on the code's page", async () => {
    const symptom = catalogue.symptoms.find((entry) => entry.source === 'NGINX' && entry.code === 504)!;
    const page = await visit('/');
    await page.locator('#search-input').fill(symptom.example);
    await expect.poll(() => cardCodes(page).then((codes) => codes[0])).toBe('504');
    const note = page.locator('#results .card').first().locator('.symptom');
    expect(await note.locator('p').first().textContent()).toBe(
      `You pasted an nginx ${symptom.seenIn} message: ${symptom.message}`,
    );
    expect(await note.textContent()).toContain(`Check first: ${symptom.checkFirst}`);
    expect(await page.locator('#results .card .symptom').count()).toBe(1);
    // The answer first: marked, and named by the status line; the other results are related.
    expect(await page.locator('#results .card').first().locator('.answer-label').textContent()).toBe('The answer');
    expect(await page.locator('#results .card.answer').count()).toBe(1);
    expect(await page.locator('#status').textContent()).toMatch(/^504 Gateway Timeout is the answer to “/);

    const detail = await visit('/504');
    expect(await detail.locator('.symptom', { hasText: symptom.message }).textContent()).toContain(symptom.meaning);
  });

  it('says why each result matched, and presses the chip of a class typed alone', async () => {
    const page = await visit('/?q=rate%20limit');
    await expect.poll(() => cardCodes(page).then((codes) => codes[0])).toBe('429');
    const cards = page.locator('#results .card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(2);
    for (let index = 0; index < count; index++) {
      const card = cards.nth(index);
      const shown = (await card.locator('mark').count()) + (await card.locator('.why').count());
      expect(shown, `card ${index}`).toBeGreaterThan(0);
    }
    expect(await cards.first().locator('.why').textContent()).toMatch(/^Matched its everyday name: .*rate/);

    await page.locator('#search-input').fill('5xx');
    await expect.poll(() => page.locator('.chip[data-class="5xx"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.chip[data-class=""]').getAttribute('aria-pressed')).toBe('false');

    await page.locator('.chip[data-class="4xx"]').click();
    await page.locator('#search-input').fill('zzzzqqq');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^No code matches “zzzzqqq” in 4xx/);
    expect(await page.locator('#status').textContent()).toMatch(/Try other words, or all classes\.$/);
  });

  it('filters by class with the 4xx chip, and counts what each chip would show', async () => {
    const page = await visit('/');
    const chip = page.locator('.chip[data-class="4xx"]');
    const count = Number(await chip.locator('.count').textContent());
    await chip.click();
    await page.waitForURL(/\?class=4xx$/);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('#results .row').count()).toBe(count);
    const codes = await page.locator('#results .row .code').allTextContents();
    expect(new Set(codes.map((code) => code[0]))).toEqual(new Set(['4']));

    await page.locator('#search-input').fill('retry');
    await page.waitForURL(/\?q=retry&class=4xx$/);
    await page.locator('#results:not([aria-busy])').waitFor();
    await expect
      .poll(() =>
        page
          .locator('#results .card .class-name')
          .allTextContents()
          .then((names) => [...new Set(names)]),
      )
      .toEqual(['4xx Client Error']);
    const facets = Number(await page.locator('.chip[data-class="5xx"] .count').textContent());
    expect(facets).toBeGreaterThan(0);
  });

  it('opens 401 with its specification, headers, caching and retry advice', async () => {
    const page = await visit('/');
    await page.locator('#results a[href="/401"]').click();
    await page.waitForURL(/\/401$/);
    await expect.poll(() => page.locator('#code-title').textContent()).toBe('401 Unauthorized');
    expect(await page.locator('.facts a').getAttribute('href')).toMatch(/^https:\/\/.*rfc9110/);
    expect(await page.locator('.code-view table').textContent()).toContain('WWW-Authenticate');
    expect(await page.locator('.facts').textContent()).toMatch(/Cacheable by default.*Retry/s);
    expect(await page.title()).toBe('401 Unauthorized: StatusQL');
  });

  it("sends a code's live example from its page and shows the raw answer", async () => {
    const page = await visit('/429');
    expect(await page.locator('.live-curl').textContent()).toBe(`curl -i ${started.server.origin}/status/429`);
    await page.locator('.live-send').click();
    await expect.poll(() => page.locator('.live-answer').textContent()).toMatch(/^HTTP\/1\.1 429 Too Many Requests\n/);
    const answer = (await page.locator('.live-answer').textContent())!;
    // The code's own header first, before the CORS and caching ones; the JSON body over lines.
    expect(answer.split('\n')[1]).toBe('retry-after: 5');
    expect(answer).toContain('\ncache-control: no-store\n');
    expect(answer).toContain('\n  "code": 429,\n');
    expect(JSON.parse(answer.slice(answer.indexOf('\n\n') + 2))).toMatchObject({
      code: 429,
      phrase: 'Too Many Requests',
      page: '/429',
    });
    // Chromium logs each 4xx a script fetches as a console error: this one was asked for.
    const { errors } = open.at(-1)!;
    errors.splice(
      0,
      errors.length,
      ...errors.filter((error) => !error.includes('the server responded with a status of 429')),
    );

    const redirect = await visit('/308');
    await redirect.locator('.live-send').click();
    await expect
      .poll(() => redirect.locator('.live-answer').textContent())
      .toMatch(
        /^\(The browser followed a redirect to \/status\/200; this is where it ended\.\)\n\nHTTP\/1\.1 200 OK\n/,
      );
  });

  it('says what failed when a live example gets no answer, and resets its Copy button', async () => {
    const page = await visit('/429');
    await page.route('**/status/429', (route) => route.abort('connectionrefused'));
    await page.locator('.live-send').click();
    await expect.poll(() => page.locator('.live-answer').textContent()).toMatch(/^The server did not answer \(/);
    expect(await page.locator('.live-answer').textContent()).not.toMatch(/444|407/);
    await page.locator('.live-copy').click();
    await expect.poll(() => page.locator('.live-copy').textContent()).toMatch(/^(Copied|Select and copy)$/);
    await expect.poll(() => page.locator('.live-copy').textContent(), { timeout: 5000 }).toBe('Copy');

    const dropped = await visit('/444');
    await dropped.locator('.live-send').click();
    await expect.poll(() => dropped.locator('.live-answer').textContent()).toMatch(/^No answer, as nginx's 444 means/);
    // Chromium logs the aborted fetches as console errors: both were asked for.
    for (const entry of open) entry.errors.splice(0, entry.errors.length);
  });

  it('lists 403 among the codes 401 is confused with, with what tells them apart', async () => {
    const page = await visit('/401');
    const confused = page.locator('.confused li', { hasText: '403 Forbidden' });
    expect(await confused.locator('p').textContent()).toMatch(/403/);
    await confused.locator('a').click();
    await page.waitForURL(/\/403$/);
    // The URL changes as the link is followed; the view is drawn when 403's answer arrives.
    await expect.poll(() => page.locator('#code-title').textContent()).toBe('403 Forbidden');
    expect(await page.locator('.frameworks').textContent()).toContain('http.StatusForbidden');
    expect(await page.locator('.exchange').textContent()).toContain('HTTP/1.1 403 Forbidden');
  });

  it('restores the state of a deep link', async () => {
    const page = await visit('/?q=rate%20limit&class=4xx');
    expect(await page.locator('#search-input').inputValue()).toBe('rate limit');
    expect(await page.locator('.chip[data-class="4xx"]').getAttribute('aria-pressed')).toBe('true');
    expect((await cardCodes(page))[0]).toBe('429');

    const detail = await visit('/404');
    expect(await detail.locator('#code-title').textContent()).toBe('404 Not Found');
    expect(await detail.locator('#list-view').isHidden()).toBe(true);

    const unknown = await visit('/299');
    expect(await unknown.locator('#code-title').textContent()).toBe('299 is not an assigned status code');
    // interpretStatus: RFC 9110 §15's rule, and a link to the code to treat it as.
    expect(await unknown.locator('#code-view p', { hasText: 'RFC 9110' }).textContent()).toContain(
      'treat it as the first code of its class: 200 OK',
    );
    await unknown.locator('#code-view a[href="/200"]').click();
    await unknown.waitForURL(/\/200$/);
    await expect.poll(() => unknown.locator('#code-title').textContent()).toBe('200 OK');
  });

  it('shows what failed in place of stale results when the API is unreachable, with a Retry that recovers', async () => {
    const page = await visit('/');
    await page.route('**/graphql?**', (route) => route.abort('connectionrefused'));
    await page.locator('#search-input').fill('teapot brewing');
    await expect.poll(() => page.locator('#status').textContent()).toBe('Could not search.');
    expect(await page.locator('#results .card, #results .row').count()).toBe(0);
    expect(await page.locator('#results [role=alert]').textContent()).toMatch(/^Could not search: /);
    // Nor stale counts on the chips.
    expect(await page.locator('.chip[data-class] .count').allTextContents()).toEqual(['', '', '', '', '', '']);

    await page.unroute('**/graphql?**');
    await page.locator('#results .retry').click();
    await expect.poll(() => cardCodes(page).then((codes) => codes[0])).toBe('418');
    await page.locator('#search-input').fill('');
    await page.locator('#results .row').first().waitFor();
    await page.route('**/graphql?**', (route) => route.abort('connectionrefused'));
    await page.locator('#results a[href="/418"]').click();
    await expect.poll(() => page.locator('#code-view [role=alert]').textContent()).toMatch(/^Could not load 418: /);
    expect(await page.locator('#code-view .back a').textContent()).toBe('← All status codes');
    await page.unroute('**/graphql?**');
    await page.locator('#code-view .retry').click();
    await expect.poll(() => page.locator('#code-title').textContent()).toBe("418 I'm a teapot");
    // Chromium logs each aborted fetch as a console error: these were asked for.
    for (const entry of open) entry.errors.splice(0, entry.errors.length);
  });

  it('combines the class chips with Official, Vendor, Deprecated and Retryable, and keeps them in the URL', async () => {
    const rows = (page: Page) => page.locator('#results .row .code').allTextContents();
    const codesOf = (keep: (record: (typeof catalogue.codes)[number]) => boolean) =>
      catalogue.codes.filter(keep).map((record) => String(record.code));
    const vendor = (record: (typeof catalogue.codes)[number]) => record.registration === 'UNOFFICIAL';
    const page = await visit('/');
    await page.locator('.chip[data-filter=vendor]').click();
    await page.waitForURL(/\/\?source=vendor$/);
    await expect.poll(() => rows(page)).toEqual(codesOf(vendor));
    expect(await page.locator('.chip[data-filter=vendor]').getAttribute('aria-pressed')).toBe('true');
    // The class chips count what they would show with the filters.
    expect(await page.locator('.chip[data-class="5xx"] .count').textContent()).toBe(
      String(codesOf((record) => vendor(record) && record.code >= 500).length),
    );
    await page.locator('.chip[data-class="5xx"]').click();
    await page.waitForURL(/\?class=5xx&source=vendor$/);
    await expect.poll(() => rows(page)).toEqual(codesOf((record) => vendor(record) && record.code >= 500));
    // Official lets go of Vendor; Retryable narrows further.
    await page.locator('.chip[data-filter=official]').click();
    await page.locator('.chip[data-filter=retryable]').click();
    await page.waitForURL(/\?class=5xx&source=official&retryable$/);
    expect(await page.locator('.chip[data-filter=vendor]').getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(() => rows(page))
      .toEqual(codesOf((record) => !vendor(record) && record.code >= 500 && record.retryable));
    // A search keeps them.
    await page.locator('#search-input').fill('timeout');
    await page.waitForURL(/\?q=timeout&class=5xx&source=official&retryable$/);
    await expect
      .poll(() => page.locator('#status').textContent())
      .toMatch(/“timeout” in 5xx, official, retryable only/);
    const found = await cardCodes(page);
    expect(found.length).toBeGreaterThan(0);
    for (const code of found) {
      const record = catalogue.byCode.get(Number(code))!;
      expect([vendor(record), record.code >= 500, record.retryable]).toEqual([false, true, true]);
    }
    // A deep link restores them.
    const deprecated = await visit('/?deprecated');
    expect(await rows(deprecated)).toEqual(codesOf((record) => record.deprecation !== null));
    expect(await deprecated.locator('.chip[data-filter=deprecated]').getAttribute('aria-pressed')).toBe('true');
  });

  it('leads with a code\'s common name, its registry phrase beside it: "teapot" finds 418 I\'m a teapot', async () => {
    const page = await visit('/?q=teapot');
    const card = page.locator('#results .card').first();
    expect(await card.locator('h3').textContent()).toBe("418 I'm a teapot");
    expect(await card.locator('.meta .tag').allTextContents()).toEqual(['registry: (Unused)', 'reserved']);
    const detail = await visit('/418');
    expect(await detail.locator('#code-title').textContent()).toBe("418 I'm a teapot");
    expect(await detail.locator('.code-header .tag').allTextContents()).toContain('registry: (Unused)');
    expect(await detail.title()).toBe("418 I'm a teapot: StatusQL");
    // A code known by its phrase carries no such tag.
    const other = await visit('/429');
    expect(await other.locator('.code-header .tag').allTextContents()).toEqual(['IANA registry']);
  });

  it('links each section of a code by an anchor, and copies its GraphQL query and SDK snippet', async () => {
    const page = await visit('/429', { permissions: ['clipboard-read', 'clipboard-write'] });
    expect(
      await page
        .locator('#code-view section h3 .anchor')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).toEqual([
      '#confused-with',
      '#headers',
      '#example',
      '#try-it-live',
      '#frameworks',
      '#error-messages',
      '#from-code',
    ]);
    // An anchor scrolls to its section and leaves the view as it is.
    await page.locator('#code-title').evaluate((title) => title.setAttribute('data-kept', ''));
    await page.locator('#headers .anchor').click();
    await page.waitForURL(/\/429#headers$/);
    expect(await page.locator('#code-title[data-kept]').count()).toBe(1);
    await expect
      .poll(() => page.locator('#headers').evaluate((heading) => Math.round(heading.getBoundingClientRect().top)))
      .toBeLessThan(50);
    // The SDK snippet, copied as shown; the button says so, then reads Copy again.
    const snippet = page.locator('section:has(#from-code) .copyable').nth(1);
    await snippet.locator('.copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.locator('code').textContent());
    expect(await snippet.locator('code').textContent()).toContain('await statusql.statusCode({ code: 429 })');
    expect(await snippet.locator('.copy').textContent()).toBe('Copied');
    await expect.poll(() => snippet.locator('.copy').textContent(), { timeout: 5000 }).toBe('Copy');
    await page.locator('section:has(#from-code) .copyable').first().locator('.copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\{\n {2}statusCode\(code: 429\) \{/);
    // A link to a section opens the page at it.
    const linked = await visit('/429#example');
    await expect
      .poll(() => linked.locator('#example').evaluate((heading) => Math.round(heading.getBoundingClientRect().top)))
      .toBeLessThan(50);
  });

  it('cuts nothing off at 320 px: the placeholder fits, the page never scrolls sideways, a header’s note has the width', async () => {
    const narrow = { viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true };
    const index = await visit('/', narrow);
    const placeholder = await index.locator('#search-input').evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: context.measureText(input.placeholder).width, room };
    });
    expect(placeholder.text).toBeLessThanOrEqual(placeholder.room);
    expect(await index.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    const code = await visit('/429', narrow);
    expect(await code.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    // The note reads at the width of the table, not a letter a line.
    const [note, table] = await Promise.all([
      code
        .locator('.table-scroll tbody td')
        .last()
        .evaluate((cell) => cell.getBoundingClientRect().width),
      code.locator('.table-scroll').evaluate((box) => box.getBoundingClientRect().width),
    ]);
    expect(note).toBeGreaterThanOrEqual(table * 0.9);
  });

  it('says it is loading when a view waits longer than 200 ms, and never flickers for a quicker one', async () => {
    const page = await visit('/');
    await page.route('**/graphql?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => undefined);
    });
    await page.locator('#results a[href="/429"]').click();
    await page.locator('#loading').waitFor({ state: 'visible' });
    expect(await page.locator('#loading').textContent()).toBe('Loading…');
    await expect.poll(() => page.locator('#code-title').textContent()).toBe('429 Too Many Requests');
    expect(await page.locator('#loading').isHidden()).toBe(true);
    await page.unroute('**/graphql?**');
    // An answer within 60 ms: the page never says it is loading.
    await page.route('**/graphql?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await route.continue().catch(() => undefined);
    });
    const flickered = page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const indicator = document.getElementById('loading')!;
          new MutationObserver(() => indicator.hidden || resolve(true)).observe(indicator, { attributes: true });
          setTimeout(() => resolve(false), 1000);
        }),
    );
    await page.locator('a[rel=next]').click();
    expect(await flickered).toBe(false);
    expect(await page.locator('#code-title').textContent()).toBe('430 Shopify Security Rejection');
  });

  // axe-core, run in the page as its own tests run it: WCAG 2 A and AA rules.
  async function violations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: axePath });
    const found = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
      return result.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    });
    return found;
  }

  it.each(['light', 'dark'] as const)(
    'has no axe-core violation on the index, a code and an error, in %s',
    async (colorScheme) => {
      const index = await visit('/', { colorScheme, bypassCSP: true });
      expect(await violations(index)).toEqual([]);
      const code = await visit('/429', { colorScheme, bypassCSP: true });
      expect(await violations(code)).toEqual([]);
      await code.route('**/graphql?**', (route) => route.abort('connectionrefused'));
      await code.locator('#search-input').fill('teapot brewing');
      await expect.poll(() => code.locator('#status').textContent()).toBe('Could not search.');
      expect(await violations(code)).toEqual([]);
      for (const entry of open) entry.errors.splice(0, entry.errors.length);
    },
  );

  it('opens a code as a page of its own: "404" then Enter opens 404, whose code and phrase are the h1', async () => {
    const page = await visit('/');
    await page.locator('#search-input').fill('404');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/404$/);
    await expect.poll(() => page.locator('h1:visible').allTextContents()).toEqual(['404 Not Found']);

    const detail = await visit('/429');
    expect(await detail.locator('h1:visible').allTextContents()).toEqual(['429 Too Many Requests']);
    expect(await detail.title()).toBe('429 Too Many Requests: StatusQL');
  });

  it('takes "/" to the search box from anywhere but a field', async () => {
    const page = await visit('/429');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    await page.locator('#code-title').focus();
    await page.keyboard.press('/');
    expect(await focused()).toBe('search-input');
    expect(await page.locator('#search-input').inputValue()).toBe('');
    await page.keyboard.type('5/');
    expect(await page.locator('#search-input').inputValue()).toBe('5/');
  });

  it('links a code to the codes before and after it, and prints it without the search around it', async () => {
    const page = await visit('/429');
    await expect
      .poll(() => page.locator('.neighbours a').allTextContents())
      .toEqual(['← 428 Precondition Required', '430 Shopify Security Rejection →']);
    await page.locator('.neighbours a[rel="next"]').click();
    await page.waitForURL(/\/430$/);
    await expect.poll(() => page.locator('#code-title').textContent()).toBe('430 Shopify Security Rejection');

    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.search', '.guide', '.neighbours', '.live-send'])
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    expect(await page.locator('#code-title').isVisible()).toBe(true);
  });

  it('labels a suggestion offered twice with where each comes from', async () => {
    const page = await visit('/');
    await page.locator('#search-input').pressSequentially('unauth', { delay: 40 });
    await expect
      .poll(() => page.locator('#suggestions:not([hidden]) [role=option]').allTextContents())
      .toEqual(['401 Unauthorizedphrase', '561 Unauthorizedphrase, AWS Elastic Load Balancing']);
    // A text offered once needs no label.
    await page.locator('#search-input').fill('');
    await page.locator('#search-input').pressSequentially('teapo', { delay: 40 });
    await expect
      .poll(() => page.locator('#suggestions:not([hidden]) .hint').allTextContents())
      .toEqual(['former phrase']);
  });

  it('closes the suggestions on the first Esc and clears the box only on a second', async () => {
    const page = await visit('/');
    const line = 'upstream timed out (110: Connection timed out) while reading response header from upstream';
    await page.locator('#search-input').fill(line);
    await expect.poll(() => cardCodes(page).then((codes) => codes[0])).toBe('504');
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-input').inputValue()).toBe(line);
    expect(await page.locator('#suggestions').isHidden()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-input').inputValue()).toBe('');
    await page.waitForURL((url) => url.pathname === '/' && url.search === '');
  });

  it('goes back and forward between the list and a code', async () => {
    const page = await visit('/');
    await page.locator('#search-input').fill('rate limit');
    await expect.poll(() => cardCodes(page).then((codes) => codes[0])).toBe('429');
    await page.keyboard.press('Escape');
    await page.locator('#results a[href="/429"]').click();
    await page.waitForURL(/\/429$/);
    await page.locator('#code-title').waitFor();

    await page.goBack();
    await page.waitForURL(/\?q=rate%20limit$/);
    await page.locator('#list-view').waitFor();
    expect(await page.locator('#search-input').inputValue()).toBe('rate limit');
    // Focus is back on the card the reader opened.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')).toBe('/429');
    await expect.poll(() => cardCodes(page).then((codes) => codes[0])).toBe('429');

    await page.goForward();
    await page.waitForURL(/\/429$/);
    await expect.poll(() => page.locator('#code-title').textContent()).toBe('429 Too Many Requests');
  });

  it('works with the keyboard alone, with a visible focus', async () => {
    const page = await visit('/');
    const focused = () =>
      page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    for (let step = 0; step < 3; step++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('search-input');

    await page.keyboard.type('token exp');
    await expect
      .poll(() => page.locator('#suggestions:not([hidden]) [role=option]').first().textContent())
      .toBe('401 token expired');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#search-input').getAttribute('aria-activedescendant')).toBe('suggestion-0');
    expect(await page.locator('#suggestion-0').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/401$/);
    // The URL changes before the code view has loaded and taken focus.
    await expect.poll(focused).toBe('code-title');
    expect(await page.locator('#code-title').textContent()).toBe('401 Unauthorized');

    await page.goBack();
    await page.waitForURL(/\?q=token%20expired$/);
    await page.locator('#list-view').waitFor();
    expect(await page.locator('#search-input').inputValue()).toBe('token expired');
    // Focus comes back to the card that was opened, once the list is shown again.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')).toBe('/401');
    await page.locator('#search-input').focus();
    await page.keyboard.press('Escape');
    for (let step = 0; step < 5; step++) await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^4xx/);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Space');
    await page.waitForURL(/class=4xx/);
    expect(await page.locator('.chip[data-class="4xx"]').getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the layout still while typing', async () => {
    const page = await visit('/');
    await page.evaluate(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
      }).observe({ type: 'layout-shift' });
    });
    const boxes = () =>
      page.evaluate(() =>
        ['#search-input', '.chips', '#status', '#results', '.guide'].map((selector) => {
          const { x, y, width, height } = document.querySelector(selector)!.getBoundingClientRect();
          return { selector, x, y, width, height: selector === '#results' || selector === '.guide' ? 0 : height };
        }),
      );
    await page.locator('#search-input').focus();
    const before = await boxes();
    for (const text of 'rate limit') {
      await page.keyboard.type(text);
      await page.waitForTimeout(60);
    }
    await expect.poll(() => cardCodes(page).then((codes) => codes[0])).toBe('429');
    expect(await boxes()).toEqual(before);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
  });

  it.each([
    {
      name: 'a phone in the dark theme',
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark' as const,
      dark: true,
    },
    {
      name: 'a desktop in the light theme',
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light' as const,
      dark: false,
    },
  ])('fits $name', async ({ viewport, colorScheme, dark }) => {
    for (const path of ['/', '/429']) {
      const page = await visit(path, { viewport, colorScheme });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      if (dark) expect(luminance(background)).toBeLessThan(0.05);
      else expect(luminance(background)).toBeGreaterThan(0.85);
    }
  });
});
