// The live log across the moment a view opens: events verified just before (not yet committed by
// the analytics writer, never streamed to the new subscriber) and just after (streamed) all show,
// each once, newest first — also after every catch-up load has run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually, launchBrowser, openPage } from '../lib/browser.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { verifyMany, waitForLoggedEvents } from '../lib/traffic.mjs';

const N = 6;
// The console's last catch-up load runs 10 s after the view connected; wait past it.
const PAST_CATCH_UP_MS = 11500;

let server;
let browser;
let apiId;

async function openKeyView(keyId) {
  const opened = await openPage(browser, {
    initScript: { script: (key) => { window.latchkeyEmbed = { rootKey: key }; }, arg: server.rootKey },
  });
  await opened.page.goto(`${server.url}/console/?embed=1#/keys/${keyId}`);
  await opened.page.waitForSelector('[data-testid=live-state].live', { timeout: 20000 });
  return opened;
}

/** The request ids of the log's rows, top to bottom. */
const shownIds = (page) => page.locator('[data-testid=log-rows] tr[data-request-id]')
  .evaluateAll((rows) => rows.map((row) => row.dataset.requestId));

function assertNewestFirst(shown, logged) {
  const timeOf = new Map(logged.map((event) => [event.requestId, event.time]));
  for (let i = 1; i < shown.length; ++i) {
    assert.ok(timeOf.get(shown[i - 1]) >= timeOf.get(shown[i]), `row ${i} is newer than the row above it`);
  }
}

describe('live log', () => {
  before(async () => {
    server = await startLatchkeyd();
    browser = await launchBrowser();
    apiId = (await server.call('apis.createApi', { name: 'gapless' })).data.apiId;
  });

  after(async () => {
    await browser?.close();
    const stopped = await server?.stop();
    assert.equal(stopped?.code, 0, `latchkeyd did not exit cleanly: ${server?.stderr()}`);
  });

  test(`${N} events just before opening and ${N} after: exactly the ${2 * N}, newest first`, async () => {
    const { data: key } = await server.call('keys.createKey', { apiId, name: 'gap-check' });
    // No waiting for the writer: the last of these are not committed when the view loads its log.
    assert.deepEqual(new Set(await verifyMany(server, key.key, N, { tags: ['phase=before'] })), new Set(['VALID']));
    const { context, page, consoleLines } = await openKeyView(key.keyId);
    assert.deepEqual(new Set(await verifyMany(server, key.key, N, { tags: ['phase=after'] })), new Set(['VALID']));

    const rows = page.locator('[data-testid=log-rows] tr[data-request-id]');
    await eventually(async () => (await rows.count()) >= 2 * N, `${2 * N} rows`);
    await page.waitForTimeout(PAST_CATCH_UP_MS);
    const logged = await waitForLoggedEvents(server, key.keyId, 2 * N);
    const shown = await shownIds(page);
    assert.equal(shown.length, 2 * N, `rows: ${shown.join(', ')}`);
    assert.equal(new Set(shown).size, 2 * N, 'a request id shown twice');
    assert.deepEqual(new Set(shown), new Set(logged.map((event) => event.requestId)));
    assertNewestFirst(shown, logged);
    assert.equal(await page.locator('[data-testid=log-rows] .tag', { hasText: 'phase=before' }).count(), N);
    assert.equal(await page.locator('[data-testid=log-rows] .tag', { hasText: 'phase=after' }).count(), N);
    assert.deepEqual(consoleLines.filter((line) => /^(error|pageerror)/.test(line)), []);
    await context.close();
  });

  // Issue 4: at 700 px the times wrapped ("9:51:45" over "PM"), and rows took two or three lines.
  test('one line per entry at 700 px, the time whole', async () => {
    const { data: key } = await server.call('keys.createKey', { apiId, name: 'one-line', externalId: 'one-line-owner_with_a_long_name' });
    const { context, page } = await openKeyView(key.keyId);
    await page.setViewportSize({ width: 700, height: 900 });
    await verifyMany(server, key.key, 3, { tags: ['plan=enterprise', 'region=eu-west-1'] });
    const rows = page.locator('[data-testid=log-rows] tr[data-request-id]');
    await eventually(async () => (await rows.count()) >= 3, 'three rows');
    const lines = await page.evaluate(() => [...document.querySelectorAll('[data-testid=log-rows] tr[data-request-id]')]
      .map((row) => [...row.cells].map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        // Lines of the cell: the tops of its text and boxes more than 4 px apart.
        const tops = [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.top).sort((a, b) => a - b);
        return { text: cell.textContent, lines: tops.filter((top, i) => i === 0 || top - tops[i - 1] > 4).length };
      })));
    // Walk 21/W11: what each verification spent, not a balance (the key page's "Credits" card).
    // The key's own log names no key (walk 23/Y9).
    assert.deepEqual(await page.locator('.log-card thead th').allTextContents(),
      ['Time', 'Owner', 'Outcome', 'Tags', 'Credits spent', 'Latency']);
    for (const cells of lines) {
      assert.match(cells[0].text, /\d:\d\d:\d\d\s[AP]M/, 'an English time of day');
      for (const cell of cells) assert.ok(cell.lines <= 1, `"${cell.text}" on ${cell.lines} lines: ${JSON.stringify(cells)}`);
    }
    await context.close();
  });

  // Walk 23/Y9: the log of one key (the key page's) repeated its id on every row and offered a key
  // filter; an API's log names each row's key and filters by key.
  test("one key's log has no Key column, an API's has", async () => {
    const { data: key } = await server.call('keys.createKey', { apiId, name: 'no-key-column' });
    await verifyMany(server, key.key, 2);
    const { context, page, consoleLines } = await openKeyView(key.keyId);
    const rows = page.locator('[data-testid=log-rows] tr[data-request-id]');
    const titles = () => page.locator('.log-card thead th').allTextContents();
    const cellCounts = () => rows.evaluateAll((shown) => shown.map((row) => row.cells.length));
    await eventually(async () => (await rows.count()) >= 2, "the key's two rows");
    assert.deepEqual(await titles(), ['Time', 'Owner', 'Outcome', 'Tags', 'Credits spent', 'Latency']);
    assert.deepEqual(new Set(await cellCounts()), new Set([6]));
    assert.equal(await page.locator('[data-testid=log-rows] a[href^="#/keys/"]').count(), 0);
    assert.equal(await page.locator('.log-card input[aria-label="Key filter"]').count(), 0);

    await page.goto(`${server.url}/console/?embed=1#/apis/${apiId}`);
    await eventually(async () => (await titles()).includes('Key') && (await rows.count()) >= 2, "the API's log");
    assert.deepEqual(await titles(), ['Time', 'Key', 'Owner', 'Outcome', 'Tags', 'Credits spent', 'Latency']);
    assert.deepEqual(new Set(await cellCounts()), new Set([7]));
    assert.equal(await page.locator('.log-card input[aria-label="Key filter"]').count(), 1);
    assert.deepEqual(consoleLines.filter((line) => /^(error|pageerror)/.test(line)), []);
    await context.close();
  });

  test('a paused log counts each held-back event once, also when a catch-up load brings it again', async () => {
    const { data: key } = await server.call('keys.createKey', { apiId, name: 'paused-check' });
    const { context, page } = await openKeyView(key.keyId);
    await page.click('[data-testid=log-pause]');
    await verifyMany(server, key.key, 3);
    await eventually(async () => (await page.locator('[data-testid=log-pending]').textContent()) === '3 new', 'three held back');
    // The catch-up loads after opening bring the same events again once they are committed.
    await page.waitForTimeout(PAST_CATCH_UP_MS);
    assert.equal(await page.locator('[data-testid=log-pending]').textContent(), '3 new');
    assert.equal(await page.locator('[data-testid=log-rows] tr[data-request-id]').count(), 0);
    await page.click('[data-testid=log-pause]');
    const logged = await waitForLoggedEvents(server, key.keyId, 3);
    await eventually(async () => (await shownIds(page)).length === 3, 'the three rows after resuming');
    assert.deepEqual(new Set(await shownIds(page)), new Set(logged.map((event) => event.requestId)));
    await context.close();
  });
});
