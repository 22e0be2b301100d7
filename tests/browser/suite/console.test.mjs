// The web console in headless Chromium against the real latchkeyd: login, the live counter, a
// key's exact events, where the root key goes (and does not), the CSP, embed mode, the compact
// summary (?compact=1), the latency tile over the whole range, screenshots (light and dark,
// English and German).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eventually, launchBrowser, openPage } from '../lib/browser.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { backgroundTraffic, seedWorkspace, verifyMany, waitForLoggedEvents } from '../lib/traffic.mjs';

const artefacts = process.env.LATCHKEY_ARTEFACTS ?? join(process.cwd(), 'artefacts');
mkdirSync(artefacts, { recursive: true });

let server;
let browser;
let keys;
let session; // the logged-in page of the first tests

/** The test server, or with LATCHKEY_HISTORY_TOOL a second one whose keys have 30 days of history. */
async function serverWithHistory() {
  const tool = process.env.LATCHKEY_HISTORY_TOOL;
  if (!tool) return { server, keys };
  const first = await startLatchkeyd();
  const seeded = await seedWorkspace(first);
  await first.stop({ keepData: true });
  const spec = (key, owner, weight, credits = 0) => ['--key', `${key.keyId}:${seeded.apiId}:${owner}:${weight}:${credits}`];
  const result = spawnSync(tool, ['--data-dir', first.dataDir, '--root-key', first.rootKey,
    ...spec(seeded.checkout, 'acme-corp', 1.2), ...spec(seeded.limited, 'acme-corp', 0.5, 1),
    ...spec(seeded.metered, 'globex', 0.3, 5), ...spec(seeded.disabled, '', 0.05)], { encoding: 'utf8' });
  assert.equal(result.status, 0, `history tool failed: ${result.stderr}`);
  return { server: await startLatchkeyd({ dataDir: first.dataDir, rootKey: first.rootKey }), keys: seeded };
}

/** en-US formatting of a latency in µs, as the console's micros(). */
function microsText(value) {
  if (value < 1) return '<1 µs';
  if (value < 1000) return `${Math.round(value)} µs`;
  if (value < 1e6) return `${(value / 1000).toFixed(value < 1e4 ? 1 : 0)} ms`;
  return `${(value / 1e6).toFixed(1)} s`;
}

/**
 * What the latency tile must show for the last 24 hours: the server's range percentiles when it
 * sends them, else the buckets' p50 and p99 weighted by traffic (console/src/latency.js).
 */
async function expectedLatencyTile(target) {
  const end = Math.ceil((Date.now() + 1) / 60000) * 60000;
  const { data } = await target.call('analytics.getTimeseries', { scope: 'workspace', start: end - 86400000, end, bucket: 'hour' });
  const busy = data.buckets.filter((bucket) => bucket.total > 0);
  if (Number.isFinite(data.latencyP50Us)) return { busy, text: `${microsText(data.latencyP50Us)} / ${microsText(data.latencyP99Us)}` };
  const quantile = (field, q) => {
    const sorted = [...busy].sort((a, b) => a[field] - b[field]);
    const total = sorted.reduce((sum, bucket) => sum + bucket.total, 0);
    let seen = 0;
    return sorted.find((bucket) => (seen += bucket.total) >= q * total)[field];
  };
  return { busy, text: `${microsText(quantile('latencyP50Us', 0.5))} / ${microsText(quantile('latencyP99Us', 0.99))}` };
}

async function checkLatencyTile(page, target) {
  let expected;
  await eventually(async () => {
    await page.click('[data-testid=refresh]');
    await page.waitForTimeout(300);
    expected = await expectedLatencyTile(target);
    return (await text(page, '[data-testid=tile-latency]')) === expected.text;
  }, 'the latency tile to show the whole range');
  assert.match(await text(page, '[data-testid=tile-latency] + .tile-hint'), /^last 24 hours/);
  // With the history tool the range spans many hours: the tile is not just the latest one's figures.
  if (process.env.LATCHKEY_HISTORY_TOOL) assert.ok(expected.busy.length > 12, `${expected.busy.length} busy hours`);
}

const SHOTS = [['light', 'en-US', ''], ['dark', 'en-US', ''], ['light', 'de-DE', 'de-'], ['dark', 'de-DE', 'de-']];

async function takeScreenshots(target, targetKeys) {
  const pages = [];
  for (const [colorScheme, locale, prefix] of SHOTS) {
    const opened = await openPage(browser, { colorScheme, locale });
    await login(opened.page, target.url, target.rootKey);
    await opened.page.waitForSelector('[data-testid=live-state].live', { timeout: 15000 });
    await opened.page.click('[data-range="24h"]');
    pages.push([colorScheme, prefix, opened]);
  }
  await checkLatencyTile(pages[0][2].page, target);
  // Traffic flows while the pictures are taken, so the live charts have something to show.
  // (Long enough that the key views, opened after four overview pictures, still see it live.)
  const traffic = backgroundTraffic(target, targetKeys, 20);
  await new Promise((resolve) => setTimeout(resolve, 6000));
  for (const [colorScheme, prefix, { page }] of pages) {
    await page.click('[data-testid=refresh]');
    await page.waitForSelector('[data-testid=top-keys] .toprow', { timeout: 15000 });
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), colorScheme);
    assert.ok(await numberIn(page, '[data-testid=live-total]') > 0);
    await page.screenshot({ path: join(artefacts, `console-overview-${prefix}${colorScheme}.png`), fullPage: true });
    await page.goto(`${target.url}/console/#/keys/${targetKeys.checkout.keyId}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 4000));
  for (const [colorScheme, prefix, { page, context, cspViolations }] of pages) {
    await page.waitForSelector('[data-testid=log-rows] tr[data-outcome]', { timeout: 15000 });
    await page.screenshot({ path: join(artefacts, `console-key-${prefix}${colorScheme}.png`), fullPage: true });
    assert.deepEqual(cspViolations, []);
    await context.close();
  }
  await traffic;
}

async function login(page, url, rootKey) {
  await page.goto(`${url}/console/`);
  await page.fill('[data-testid=root-key]', rootKey);
  await page.click('button[type=submit]');
}

const text = (page, selector) => page.locator(selector).first().textContent();
// The page's height as the embed last reported it to its host (null before any report).
function lastReportedHeight(consoleLines) {
  const reports = consoleLines.filter((line) => line.startsWith('info: latchkey:height '));
  return reports.length ? Number(reports[reports.length - 1].split(' ').pop()) : null;
}

// Waits until the host was told the height the page has now. A height measured once and looked
// for among the reports can be a passing state (a resize, a chart redrawn with live data) that no
// frame ever showed, so the host was rightly never told it; what the host relies on is the last
// report matching the page once it settles.
async function heightReported(page, consoleLines, what) {
  const bodyHeight = () => page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await eventually(async () => lastReportedHeight(consoleLines) === await bodyHeight(), what);
  return lastReportedHeight(consoleLines);
}

const numberIn = async (page, selector) => Number((await text(page, selector)).replace(/[^0-9]/g, ''));

describe('web console', () => {
  before(async () => {
    server = await startLatchkeyd();
    keys = await seedWorkspace(server);
    browser = await launchBrowser();
  });

  after(async () => {
    await session?.context.close();
    await browser?.close();
    const stopped = await server?.stop();
    assert.equal(stopped?.code, 0, `latchkeyd did not exit cleanly: ${server?.stderr()}`);
  });

  test('a wrong root key is refused on the login form', async () => {
    const { context, page } = await openPage(browser);
    await login(page, server.url, 'lkroot_not_a_real_key_000000');
    await eventually(async () => (await text(page, '[data-testid=login-error]')).includes('not valid'), 'the login error');
    assert.equal(await page.locator('.topbar').count(), 0);
    await context.close();
  });

  test('after login the overview\'s live counter moves with verifications', async () => {
    session = await openPage(browser);
    const { page } = session;
    await login(page, server.url, server.rootKey);
    await page.waitForSelector('[data-testid=live-state].live', { timeout: 15000 });
    assert.equal(await numberIn(page, '[data-testid=live-total]'), 0);
    const outcomes = await verifyMany(server, keys.checkout.key, 12);
    assert.deepEqual(new Set(outcomes), new Set(['VALID']));
    await eventually(async () => (await numberIn(page, '[data-testid=live-total]')) >= 12, 'the live total to reach 12');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // one more tick: nothing counted twice
    assert.equal(await numberIn(page, '[data-testid=live-total]'), 12);
    const legend = page.locator('[data-testid=live-chart-legend] [data-series=VALID]');
    assert.equal(await legend.getAttribute('data-total'), '12');
  });

  test('a key\'s view shows exactly the events sent to it, in the log and in the chart', async () => {
    const { page } = session;
    const outcomes = await verifyMany(server, keys.metered.key, 5, { tags: ['path=/v1/export'] });
    assert.deepEqual(outcomes, ['VALID', 'VALID', 'VALID', 'USAGE_EXCEEDED', 'USAGE_EXCEEDED']);
    await waitForLoggedEvents(server, keys.metered.keyId, 5);
    await page.goto(`${server.url}/console/#/keys/${keys.metered.keyId}`);
    const rows = page.locator('[data-testid=log-rows] tr[data-outcome]');
    await eventually(async () => (await rows.count()) === 5, 'five log rows');
    assert.equal(await page.locator('[data-testid=log-rows] tr[data-outcome=VALID]').count(), 3);
    assert.equal(await page.locator('[data-testid=log-rows] tr[data-outcome=USAGE_EXCEEDED]').count(), 2);
    const legend = (series) => page.locator(`[data-testid=timeseries-legend] [data-series=${series}]`).getAttribute('data-total');
    await eventually(async () => (await legend('VALID')) === '3', 'the chart to count 3 valid');
    assert.equal(await legend('USAGE_EXCEEDED'), '2');
    assert.equal(await page.locator('[data-testid=timeseries-legend] [data-series]').count(), 2);
    assert.equal(await text(page, '[data-testid=tile-verifications]'), '5');
    assert.equal(await text(page, '[data-testid=tile-credits]'), '3');
    assert.match(await text(page, 'h1'), /metered-export/);
    // The outcome filter narrows the chart and the log (and is shared by every view).
    await page.selectOption('[data-testid=outcome-filter]', 'USAGE_EXCEEDED');
    await eventually(async () => (await rows.count()) === 2, 'only the two rejected events');
    // The log and the chart load apart: the chart may answer after the log.
    const series = page.locator('[data-testid=timeseries-legend] [data-series]');
    await eventually(async () => (await series.count()) === 1, 'the chart to show only the rejected series');
    await page.selectOption('[data-testid=outcome-filter]', '');
    await eventually(async () => (await rows.count()) === 5, 'all five events again');
    // Events arriving while the view is open come in through the stream; a paused log holds them back.
    await page.waitForSelector('[data-testid=live-state].live', { timeout: 15000 });
    await page.click('[data-testid=log-pause]');
    assert.deepEqual(await verifyMany(server, keys.metered.key, 1), ['USAGE_EXCEEDED']);
    await eventually(async () => (await text(page, '.log-controls .muted')) === '1 new', 'the held-back event counted');
    assert.equal(await rows.count(), 5);
    await page.click('[data-testid=log-pause]');
    await eventually(async () => (await rows.count()) === 6, 'the streamed sixth event in the log');
    assert.equal(await page.locator('[data-testid=log-rows] tr[data-outcome=USAGE_EXCEEDED]').count(), 3);
  });

  test('an answer that was overtaken never draws over the newer one', async () => {
    const { page } = session;
    const series = page.locator('[data-testid=timeseries-legend] [data-series]');
    await eventually(async () => (await series.count()) === 2, 'both series while no outcome is chosen');
    // Hold the answer of the next chart load (every outcome: the refresh button), let a load for
    // one outcome overtake it, then let the old answer in: the chart must stay on the newer filter.
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    let held = null;
    await page.route('**/v2/analytics.getTimeseries', async (route) => {
      if (held) return route.continue();
      held = route.request();
      const response = await route.fetch();
      await released;
      return route.fulfill({ response });
    });
    try {
      await page.click('[data-testid=refresh]');
      await eventually(async () => held !== null, 'the refresh\'s chart load to be held');
      await page.selectOption('[data-testid=outcome-filter]', 'USAGE_EXCEEDED');
      await eventually(async () => (await series.count()) === 1, 'the filtered chart');
      const oldAnswerRead = page.waitForEvent('requestfinished', (request) => request === held);
      release();
      await oldAnswerRead;
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.equal(await series.count(), 1, 'the overtaken answer drew every outcome again');
      assert.equal(await page.locator('[data-testid=timeseries-legend] [data-series=USAGE_EXCEEDED]').count(), 1);
    } finally {
      release();
      await page.unroute('**/v2/analytics.getTimeseries');
      await page.selectOption('[data-testid=outcome-filter]', '');
    }
  });

  test('the API, owner and namespace views show their own scope', async () => {
    const { page } = session;
    await page.goto(`${server.url}/console/#/apis`);
    await page.waitForSelector(`a.api-row[href="#/apis/${keys.apiId}"]`);
    assert.match(await text(page, 'a.api-row'), /payments.*4 keys/);
    await page.click('a.api-row');
    await page.waitForSelector('[data-testid=top-keys] .toprow');
    assert.match(await text(page, 'h1'), /API payments/);
    const topKeys = await page.locator('[data-testid=top-keys] .toprow').evaluateAll((rows) => rows.map((row) => row.dataset.id));
    assert.deepEqual(topKeys.slice(0, 2), [keys.checkout.keyId, keys.metered.keyId]);
    // Walk 22: the ranking by credits spent was titled "Credits", a balance on the key page.
    assert.deepEqual(await page.locator('section.card:has([data-testid=top-keys]) .tabs button').allTextContents(),
      ['Verifications', 'Rejections', 'Credits spent']);

    // An owner by its externalId: the metered key's six events, and nobody else's. (The log
    // loads what is committed, the stream what happens after; the writer commits within ~1 s.)
    await waitForLoggedEvents(server, keys.metered.keyId, 6);
    await page.goto(`${server.url}/console/#/identities/globex`);
    const rows = page.locator('[data-testid=log-rows] tr[data-outcome]');
    await eventually(async () => (await rows.count()) === 6, 'the owner\'s six events');
    assert.match(await text(page, 'h1'), /Owner globex/);
    assert.match(await text(page, '.view-subtitle'), /^id_/);
    // The tiles come with the chart's load, apart from the log's.
    await eventually(async () => (await text(page, '[data-testid=tile-verifications]')) === '6', 'the owner\'s six verifications counted');

    const decisions = [];
    for (let i = 0; i < 5; ++i) {
      const { data } = await server.call('ratelimit.limit', { namespace: 'checkout', identifier: 'user_42', limit: 3, duration: 60000 });
      decisions.push(data.success);
    }
    assert.deepEqual(decisions, [true, true, true, false, false]);
    await eventually(async () => (await server.call('ratelimit.getLog', { namespace: 'checkout' })).data.length === 5, 'five logged checks');
    await page.goto(`${server.url}/console/#/namespaces/checkout`);
    const checks = page.locator('[data-testid=log-rows] tr[data-passed]');
    await eventually(async () => (await checks.count()) === 5, 'five rate-limit checks in the log');
    assert.equal(await page.locator('[data-testid=log-rows] tr[data-passed=false]').count(), 2);
    await eventually(async () => (await text(page, '[data-testid=tile-checks]')) === '5', 'five checks counted');
    assert.equal(await text(page, '[data-testid=tile-blocked]'), '2');
    assert.equal(await page.locator('[data-testid=timeseries-legend] [data-series=passed]').getAttribute('data-total'), '3');
    assert.equal(await page.locator('[data-testid=top-identifiers] .toprow').getAttribute('data-id'), 'user_42');
  });

  test('the root key travels only in Authorization headers', async () => {
    const { page, context, requests } = session;
    assert.ok(requests.length > 5);
    for (const request of requests) {
      assert.ok(!request.url.includes(server.rootKey), `root key in the URL of ${request.method} ${request.url}`);
      assert.ok(!decodeURIComponent(request.url).includes(server.rootKey));
      if (new URL(request.url).pathname.startsWith('/v2/')) {
        assert.equal(request.headers.authorization, `Bearer ${server.rootKey}`, request.url);
      } else {
        assert.equal(request.headers.authorization, undefined, request.url);
      }
      assert.ok(request.url.startsWith(server.url), `a request left the origin: ${request.url}`);
    }
    assert.ok(requests.some((request) => request.url.endsWith('/v2/analytics.stream')));
    assert.deepEqual(await context.cookies(), []);
    const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.ok(!local.includes(server.rootKey), 'root key in localStorage');
    assert.ok(!page.url().includes(server.rootKey));
    const history = await page.evaluate(() => window.history.length);
    assert.ok(history >= 1);
    assert.ok(!server.stderr().includes(server.rootKey), 'root key in the server log');
  });

  test('the CSP is sent and nothing on the page violates it', async () => {
    const response = await fetch(`${server.url}/console/`);
    assert.match(response.headers.get('content-security-policy'), /default-src 'self'; script-src 'self'; style-src 'self'/);
    assert.doesNotMatch(response.headers.get('content-security-policy'), /unsafe-inline|unsafe-eval/);
    const { page, consoleLines, cspViolations } = session;
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    // Script errors fail the test; answers with an error status (logged by Chromium as "Failed to
    // load resource") are the API's business and covered by its own tests.
    assert.deepEqual(consoleLines.filter((line) => /^(error|pageerror)/.test(line) && !/Failed to load resource/.test(line)), []);
  });

  test('logging out forgets the key', async () => {
    const { page } = session;
    await page.click('[data-testid=logout]');
    await page.waitForSelector('[data-testid=root-key]');
    assert.equal(await page.evaluate(() => JSON.stringify({ ...sessionStorage })).then((s) => s.includes('lkroot')), false);
  });

  test('embed mode takes the key from the host, shows no chrome and reports readiness', async () => {
    const { context, page, requests } = await openPage(browser, {
      colorScheme: 'light',
      initScript: { script: (key) => { window.latchkeyEmbed = { rootKey: key, theme: 'dark' }; }, arg: server.rootKey },
    });
    await waitForLoggedEvents(server, keys.metered.keyId, 6);
    await page.goto(`${server.url}/console/?embed=1&theme=dark#/keys/${keys.metered.keyId}`);
    await page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
    assert.equal(await page.title(), 'latchkey:ready');
    assert.equal(await page.locator('.topbar').count(), 0);
    assert.equal(await page.locator('[data-testid=root-key]').count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.locator('[data-testid=log-rows] tr[data-outcome]').count(), 6);
    assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length), 0);
    assert.ok(requests.every((request) => !request.url.includes(server.rootKey)));
    await context.close();

    const keyless = await openPage(browser);
    await keyless.page.goto(`${server.url}/console/?embed=1#/overview`);
    await keyless.page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
    assert.equal(await keyless.page.title(), 'latchkey:error');
    await keyless.context.close();
  });

  // Embedded, a link to another view asks the host for a new window (the dashboard opens its own
  // page for it) and the view stays; the page reports its content's height to the host. The
  // standalone console's links stay in the page.
  test('embed mode: links go to the host as new windows, the page reports its height', async () => {
    const { context, page, consoleLines } = await openPage(browser, {
      initScript: { script: (key) => { window.latchkeyEmbed = { rootKey: key }; }, arg: server.rootKey },
    });
    await waitForLoggedEvents(server, keys.metered.keyId, 6);
    await page.goto(`${server.url}/console/?embed=1#/keys/${keys.metered.keyId}`);
    await page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
    const ownerLink = page.locator('[data-testid=log-rows] a[href^="#/identities/"]').first();
    const [popup] = await Promise.all([context.waitForEvent('page'), ownerLink.click()]);
    await popup.waitForURL(/\/console\/\?embed=1#\/identities\/id_/, { timeout: 10000 });
    await popup.close();
    assert.equal(await page.evaluate(() => location.hash), `#/keys/${keys.metered.keyId}`);
    await heightReported(page, consoleLines, 'the page\'s height reported');
    const extraBottom = await page.evaluate(() => {
      const extra = document.createElement('div');
      extra.style.height = '300px';
      document.body.append(extra);
      return Math.ceil(extra.getBoundingClientRect().bottom);
    });
    const grown = await heightReported(page, consoleLines, 'the grown height reported');
    assert.ok(grown >= extraBottom, `the reported height ${grown} ends above the added block's end ${extraBottom}`);
    await context.close();

    const standalone = await openPage(browser);
    await login(standalone.page, server.url, server.rootKey);
    await standalone.page.waitForSelector('.topbar');
    await standalone.page.goto(`${server.url}/console/#/keys/${keys.metered.keyId}`);
    await standalone.page.locator('[data-testid=log-rows] a[href^="#/identities/"]').first().click();
    await standalone.page.waitForFunction(() => location.hash.startsWith('#/identities/'), null, { timeout: 10000 });
    assert.equal(standalone.context.pages().length, 1);
    assert.ok(!standalone.consoleLines.some((line) => line.includes('latchkey:height')));
    await standalone.context.close();
  });

  // Embedded, the host's Tab chain goes through the page: latchkeyFocusEdge() focuses the first or
  // last control (framed), Tab moves on inside the page and reports where the focused control is,
  // and Tab on the last control (Shift+Tab on the first) stays in place and asks the host to move
  // on. The standalone console does none of it.
  test('embed mode: Tab enters at either end, leaves through the host, the focus is framed', async () => {
    const { context, page, consoleLines } = await openPage(browser, {
      initScript: { script: (key) => { window.latchkeyEmbed = { rootKey: key }; }, arg: server.rootKey },
    });
    await waitForLoggedEvents(server, keys.metered.keyId, 6);
    await page.goto(`${server.url}/console/?embed=1#/keys/${keys.metered.keyId}`);
    await page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
    const stops = () => page.evaluate(() => [...document.querySelectorAll('a[href], button, select, input, textarea, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0).length);
    const focused = () => page.evaluate(() => [...document.querySelectorAll('a[href], button, select, input, textarea, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0).indexOf(document.activeElement));
    const count = await stops();
    assert.ok(count > 5, `the key view has ${count} controls`);
    const leaves = (direction) => consoleLines.filter((line) => line === `info: latchkey:leave ${direction}`).length;

    assert.equal(await page.evaluate(() => window.latchkeyFocusEdge('first')), true);
    assert.equal(await focused(), 0);
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'the focus is framed');
    await eventually(() => consoleLines.some((line) => /^info: latchkey:focus -?\d+ -?\d+ -?\d+ -?\d+$/.test(line)), 'the focus reported');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 1, 'Tab moves on inside the page');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 0);
    await page.keyboard.press('Shift+Tab');
    await eventually(() => leaves('previous') === 1, 'Shift+Tab on the first control asks the host');
    assert.equal(await focused(), 0, 'the focus stays until the host moves it');

    assert.equal(await page.evaluate(() => window.latchkeyFocusEdge('last')), true);
    assert.equal(await focused(), count - 1);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), count - 2);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await eventually(() => leaves('next') === 1, 'Tab on the last control asks the host');
    assert.equal(await focused(), count - 1);
    assert.equal(leaves('previous'), 1);
    await context.close();

    const standalone = await openPage(browser);
    await login(standalone.page, server.url, server.rootKey);
    await standalone.page.waitForSelector('.topbar');
    assert.equal(await standalone.page.evaluate(() => typeof window.latchkeyFocusEdge), 'undefined');
    await standalone.page.keyboard.press('Tab');
    await standalone.page.keyboard.press('Shift+Tab');
    await standalone.page.keyboard.press('Shift+Tab');
    assert.ok(!standalone.consoleLines.some((line) => line.includes('latchkey:leave') || line.includes('latchkey:focus')));
    await standalone.context.close();
  });

  // ?compact=1, the summary the dashboard shows above an API's keys and on an owner's page: the
  // figures and the verifications by outcome with the range picker in the chart's header, nothing
  // else (no live chart or stream, latency chart, top lists, log or empty-state card), a few
  // hundred pixels tall in German too; the same in the standalone console. The full views stay.
  test('the compact summary: the figures and one chart, short, embedded and in the browser', async () => {
    await waitForLoggedEvents(server, keys.metered.keyId, 6);
    const summary = async (page) => {
      await page.waitForSelector('[data-testid=compact-view] [data-testid=timeseries-legend] [data-series]', { timeout: 20000 });
      await eventually(async () => (await text(page, '[data-testid=tile-verifications]')) === '6', 'the owner\'s six verifications');
      const legend = (series) => page.locator(`[data-testid=timeseries-legend] [data-series=${series}]`).getAttribute('data-total');
      assert.equal(await legend('VALID'), '3');
      assert.equal(await legend('USAGE_EXCEEDED'), '3');
      for (const gone of ['[data-testid=live-chart]', '[data-testid=log-rows]', '[data-testid=top-keys]',
        '[data-testid=empty-state]', '[data-testid=outcome-filter]', '.swatch-p50', '.main h1']) {
        assert.equal(await page.locator(gone).count(), 0, `${gone} in the compact summary`);
      }
      assert.equal(await page.locator('[data-testid=tile-latency]').count(), 1);
      // The range picker sits in the chart's header and still changes the range.
      await page.click('[data-testid=timeseries] [data-range="24h"]');
      await eventually(async () => /^(last 24 hours|letzte 24 Stunden)/.test(await text(page, '[data-testid=timeseries] .card-subtitle')),
        'the chart over the last 24 hours');
      await page.click('[data-testid=timeseries] [data-range="1h"]');
      return page.evaluate(() => Math.ceil(document.querySelector('[data-testid=compact-view]').getBoundingClientRect().height));
    };

    const embedded = await openPage(browser, {
      initScript: { script: (key) => { window.latchkeyEmbed = { rootKey: key, lang: 'de' }; }, arg: server.rootKey },
    });
    await embedded.page.setViewportSize({ width: 1040, height: 800 }); // the dashboard's page at 1280 px
    await embedded.page.goto(`${server.url}/console/?embed=1&compact=1#/identities/globex`);
    await embedded.page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
    assert.equal(await embedded.page.title(), 'latchkey:ready');
    const height = await summary(embedded.page);
    assert.ok(height <= 320, `the compact summary is ${height} px tall`);
    // Five figures in one row: every tile at the first one's height.
    const rows = () => embedded.page.locator('.tile').evaluateAll((tiles) => new Set(tiles.map((tile) => tile.offsetTop)).size);
    assert.equal(await rows(), 1, 'the tiles on one row');
    // Still one row in the dashboard's page at 1024 px (the full view's tiles take two there).
    await embedded.page.setViewportSize({ width: 790, height: 800 });
    await eventually(async () => (await rows()) === 1, 'the tiles on one row at 790 px');
    await embedded.page.setViewportSize({ width: 1040, height: 800 });
    await heightReported(embedded.page, embedded.consoleLines, 'the summary\'s height reported at 1040 px');
    assert.ok(!embedded.requests.some((request) => request.url.endsWith('/v2/analytics.stream')), 'a live stream for the summary');
    assert.deepEqual(embedded.cspViolations, []);
    assert.deepEqual(embedded.consoleLines.filter((line) => /^(error|pageerror)/.test(line)), []);
    await embedded.context.close();

    const standalone = await openPage(browser);
    await login(standalone.page, server.url, server.rootKey);
    await standalone.page.waitForSelector('.topbar');
    await standalone.page.goto(`${server.url}/console/?compact=1#/identities/globex`);
    await summary(standalone.page);
    // A full view of the same tab is untouched: without the parameter every card is back.
    await standalone.page.goto(`${server.url}/console/#/identities/globex`);
    await standalone.page.waitForSelector('[data-testid=log-rows] tr[data-outcome]', { timeout: 20000 });
    assert.equal(await standalone.page.locator('[data-testid=compact-view]').count(), 0);
    assert.equal(await standalone.page.locator('[data-testid=live-chart]').count(), 1);
    assert.equal(await standalone.page.locator('[data-testid=outcome-filter]').count(), 1);
    await standalone.context.close();
  });

  // The dashboard hands its own colours over, so the embedded charts sit on its greys (not the
  // console's navy); names and values outside the contract are ignored, and no CSP rule breaks.
  test('embed mode takes the host palette; bad values keep the theme colours', async () => {
    const palette = { background: '#303030', surface: '#3a3a3a', border: '#4d4d4d', text: '#fafafa',
      muted: '#b4b4b4', accent: '#9fa8da', accentSoft: '#474b60' };
    const open = async (colours) => {
      const opened = await openPage(browser, {
        initScript: { script: ([key, given]) => { window.latchkeyEmbed = { rootKey: key, theme: 'dark', palette: given }; },
          arg: [server.rootKey, colours] },
      });
      await opened.page.goto(`${server.url}/console/?embed=1#/overview`);
      await opened.page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
      assert.equal(await opened.page.title(), 'latchkey:ready');
      return opened;
    };
    const colours = (page) => page.evaluate(() => {
      const of = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
      return { body: of('body', 'backgroundColor'), text: of('body', 'color'), card: of('.card', 'backgroundColor'),
        border: of('.card', 'borderTopColor'), tile: of('.tile', 'backgroundColor'), muted: of('.tile-label', 'color') };
    });
    const given = await open(palette);
    assert.deepEqual(await colours(given.page), { body: 'rgb(48, 48, 48)', text: 'rgb(250, 250, 250)', card: 'rgb(58, 58, 58)',
      border: 'rgb(77, 77, 77)', tile: 'rgb(58, 58, 58)', muted: 'rgb(180, 180, 180)' });
    assert.deepEqual(await given.page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(given.cspViolations, []);
    await given.context.close();

    // Not colours, unknown names, a CSS injection attempt: the dark theme's own colours stay.
    const bad = await open({ background: 'red', surface: '#3a3a3a; color: red', text: 'url(x)', border: 42,
      unknown: '#ff0000', muted: '#12345' });
    assert.deepEqual(await colours(bad.page), { body: 'rgb(12, 17, 29)', text: 'rgb(230, 233, 240)', card: 'rgb(20, 27, 43)',
      border: 'rgb(36, 48, 72)', tile: 'rgb(20, 27, 43)', muted: 'rgb(152, 162, 179)' });
    await bad.context.close();
  });

  test('the latency tile over the whole range; screenshots of the overview and a key, light and dark, English and German', async () => {
    // A server of its own with 30 days of history (when the tool is there), so the charts have a past.
    const { server: shots, keys: shotKeys } = await serverWithHistory();
    try {
      await takeScreenshots(shots, shotKeys);
    } finally {
      if (shots !== server) await shots.stop();
    }
  });
});
