// Debian's Chromium driven by playwright-core (no downloaded browser), plus the recorders every
// test uses: each request the page makes, console messages and CSP violations.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.LATCHKEY_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A fresh context and page that record what happened.
 * @returns {Promise<{context, page, requests: {url, method, headers}[], consoleLines: string[], cspViolations: string[]}>}
 */
export async function openPage(browser, { colorScheme = 'light', initScript, locale = 'en-US', timezoneId } = {}) {
  // The locale sets navigator.language (the standalone console's language) and the Accept-Language.
  const context = await browser.newContext({ colorScheme, locale, timezoneId, viewport: { width: 1360, height: 1000 } });
  if (initScript) await context.addInitScript(initScript.script, initScript.arg);
  // Collected inside the page too, in case a violation happens before a console listener sees it.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const requests = [];
  const consoleLines = [];
  const cspViolations = [];
  page.on('request', (request) => requests.push({ url: request.url(), method: request.method(), headers: request.headers() }));
  page.on('console', (message) => {
    const text = `${message.type()}: ${message.text()}`;
    consoleLines.push(text);
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) cspViolations.push(text);
  });
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  return { context, page, requests, consoleLines, cspViolations };
}

/** Polls @p probe until it returns a truthy value; fails with @p what after @p timeoutMs. */
export async function eventually(probe, what, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
