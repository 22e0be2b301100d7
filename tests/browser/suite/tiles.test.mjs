// The headline tiles of every console view with tiles (overview, API, key, owner, namespace),
// embedded as the dashboard shows them and standalone, at common widths: rows that differ by one
// tile at most (5 in a row where they fit, else 3 + 2; walkthrough G19: the namespace's tiles
// wrapped 4 + 1 in the dashboard at 1280 px, one tile alone on a row), each row's tiles equally
// wide and the row spanning the whole width (issue 4: 3 + 2 left a hole after the second row at
// 1024 px).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage } from '../lib/browser.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';

const artefacts = process.env.LATCHKEY_ARTEFACTS ?? join(process.cwd(), 'artefacts');
mkdirSync(artefacts, { recursive: true });

let server;
let browser;
let views;

/**
 * How many tiles stand in each row, top to bottom, how wide each row's tiles are and where the
 * row starts and ends (CSS px, from the tile row's content box).
 */
function tileRows(page) {
  return page.evaluate(() => {
    const box = document.querySelector('.tiles');
    const inner = box.getBoundingClientRect();
    const tiles = [...box.querySelectorAll('.tile')].filter((tile) => tile.offsetParent !== null);
    const rows = new Map();
    for (const tile of tiles) rows.set(tile.offsetTop, [...(rows.get(tile.offsetTop) ?? []), tile.getBoundingClientRect()]);
    const ordered = [...rows.keys()].sort((a, b) => a - b).map((top) => rows.get(top));
    return {
      rows: ordered.map((row) => row.length),
      widths: ordered.map((row) => row.map((rect) => rect.width)),
      ends: ordered.map((row) => [row[0].left - inner.left - box.clientLeft,
        inner.left + box.clientLeft + box.clientWidth - row[row.length - 1].right]),
      row: box.clientWidth,
    };
  });
}

/** Waits for the tiles of @p page to be laid out for its current width (one frame after a resize). */
async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return tileRows(page);
}

function assertEven(shown, where) {
  const what = `${where}: ${JSON.stringify(shown)}`;
  assert.equal(shown.rows.reduce((sum, count) => sum + count, 0), 5, what);
  assert.ok(Math.max(...shown.rows) - Math.min(...shown.rows) <= 1, `rows differ by more than one tile, ${what}`);
  for (const widths of shown.widths)
    assert.ok(Math.max(...widths) - Math.min(...widths) <= 1, `tiles of one row of different widths, ${what}`);
  // No hole: every row from the first tile's start to the last one's end.
  for (const [start, end] of shown.ends)
    assert.ok(Math.abs(start) <= 1 && Math.abs(end) <= 1, `a row that does not span the width, ${what}`);
  // As few rows as fit: five in one row wherever five tiles of 170 px and their gaps fit.
  if (shown.row >= 5 * 170 + 4 * 12) assert.equal(shown.rows.length, 1, `five would fit in one row, ${what}`);
}

const WIDTHS = [1600, 1360, 1100, 980, 800, 700, 560, 420];

describe('console tiles', () => {
  before(async () => {
    server = await startLatchkeyd();
    browser = await launchBrowser();
    const { data: api } = await server.call('apis.createApi', { name: 'tiles' });
    const { data: owner } = await server.call('identities.createIdentity', { externalId: 'tiles-owner' });
    const { data: key } = await server.call('keys.createKey', { apiId: api.apiId, name: 'tiles-key', externalId: 'tiles-owner' });
    await server.call('ratelimit.limit', { namespace: 'tiles-ns', identifier: 'user_1', limit: 3, duration: 60000 });
    views = ['/overview', `/apis/${api.apiId}`, `/keys/${key.keyId}`, `/identities/${owner.identityId}`, '/namespaces/tiles-ns'];
  });

  after(async () => {
    await browser?.close();
    const stopped = await server?.stop();
    assert.equal(stopped?.code, 0, `latchkeyd did not exit cleanly: ${server?.stderr()}`);
  });

  test('embedded: every view\'s tiles in even rows at every width', async () => {
    const { context, page, consoleLines } = await openPage(browser, {
      initScript: { script: (key) => { window.latchkeyEmbed = { rootKey: key, theme: 'light', lang: 'de' }; }, arg: server.rootKey },
    });
    for (const view of views) {
      await page.setViewportSize({ width: WIDTHS[0], height: 900 });
      await page.goto(`${server.url}/console/?embed=1#${view}`);
      await page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
      assert.equal(await page.title(), 'latchkey:ready', view);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const shown = await settled(page);
        if (view === '/namespaces/tiles-ns' && width === 800)
          await page.screenshot({ path: join(artefacts, 'tiles-namespace-de-800.png') });
        assertEven(shown, `${view} at ${width} px`);
      }
    }
    assert.deepEqual(consoleLines.filter((line) => /^(error|pageerror)/.test(line)), []);
    await context.close();
  });

  test('standalone: the tiles beside the navigation in even rows too', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/console/`);
    await page.fill('[data-testid=root-key]', server.rootKey);
    await page.click('button[type=submit]');
    await page.waitForSelector('.topbar');
    for (const view of [views[0], views[4]]) {
      await page.goto(`${server.url}/console/#${view}`);
      await page.waitForSelector('.tiles .tile');
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        assertEven(await settled(page), `standalone ${view} at ${width} px`);
      }
    }
    await context.close();
  });
});
