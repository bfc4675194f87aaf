import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: `.ci/run` installs it from the distribution's packages; nothing is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of each main page, for a person to review (git-ignored). */
export const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-results', 'web-screenshots');

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the web client's browser tests need Debian's chromium package (apt-get install chromium, as .ci/run does), or CHROMIUM_PATH pointing at one`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * A fresh browser context (its own session storage: one logged-in person) in
 * Norwegian, recording console errors and CSP violations: a page must work
 * under the served CSP, so the test fails on any.
 */
export async function openContext(browser: Browser, baseURL: string) {
  const context: BrowserContext = await browser.newContext({
    baseURL,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    // A refused request shows as a console error too; the API's 4xx answers are expected in these flows.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** axe-core in the page: no violation of WCAG 2.1 A/AA; then a full-page screenshot under `name`. */
export async function checkPage(page: Page, name: string): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not apply to it.
  await page.evaluate(AXE_SOURCE);
  // Runs in the page (no DOM types here: the tests compile for Node).
  const violations = await page.evaluate(async (tags) => {
    const browser = globalThis as any;
    const result = await browser.axe.run(browser.document, { runOnly: { type: 'tag', values: tags } });
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: v.impact as string,
      help: v.help as string,
      targets: (v.nodes as any[]).map((n) => JSON.stringify(n.target)),
    }));
  }, WCAG_AA);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}
