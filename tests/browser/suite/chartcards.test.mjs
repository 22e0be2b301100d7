// The bar charts' cards around their plots: the y range's top a labelled line over the highest
// bar (a top of max * 1.1 left a 220 bar over the "200" line), and the empty note ("Waiting for
// events…", "No data in this range.") in the middle of the plot whatever the time axis' height
// (it assumed a 24 px axis, which is now 26 or 43 px).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from '../lib/browser.mjs';
import { RANGES, drawnAxes, openEmbedded, pickRange, show } from '../lib/charts.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { seedWorkspace, verifyMany } from '../lib/traffic.mjs';

const EMPTY = '.plot-empty:not([hidden])';

let server;
let browser;
let keys;

/** The boxes (CSS px of the page) of @p chart's plot and its empty note's text. */
function cardBoxes(page, chart) {
  return page.evaluate((testid) => {
    const card = document.querySelector(`[data-testid=${testid}]`);
    const box = (element, contents = false) => {
      if (!element || element.hidden) return null;
      const range = document.createRange();
      range.selectNodeContents(element);
      const { left, top, right, bottom, width, height } = (contents ? range : element).getBoundingClientRect();
      return { left, top, right, bottom, width, height };
    };
    return { plot: box(card.querySelector('.u-over')), note: box(card.querySelector('.plot-empty'), true) };
  }, chart);
}

/** @p note's middle within a pixel of @p plot's. */
function assertCentred(note, plot, what) {
  const middle = (box) => [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
  const [[noteX, noteY], [plotX, plotY]] = [middle(note), middle(plot)];
  assert.ok(Math.abs(noteX - plotX) <= 1 && Math.abs(noteY - plotY) <= 1,
    `the note's middle at ${noteX.toFixed(1)}, ${noteY.toFixed(1)}, the plot's at ${plotX.toFixed(1)}, ${plotY.toFixed(1)}, ${what}`);
}

describe('chart cards', () => {
  before(async () => {
    server = await startLatchkeyd();
    browser = await launchBrowser();
    keys = await seedWorkspace(server);
    await verifyMany(server, keys.checkout.key, 220);
  });

  after(async () => {
    await browser?.close();
    const stopped = await server?.stop();
    assert.equal(stopped?.code, 0, `latchkeyd did not exit cleanly: ${server?.stderr()}`);
  });

  test('a full-size bar chart\'s top is a labelled line at or over its highest bar', async () => {
    const { context, page } = await openEmbedded(browser, server, 'en', 1280);
    for (const view of ['/overview', `/keys/${keys.checkout.keyId}`]) {
      await show(page, server, view);
      for (const range of RANGES) {
        await pickRange(page, range);
        for (const chart of (await drawnAxes(page)).filter((axes) => axes.chart !== 'Latency')) {
          const top = chart.y.reduce((highest, label) => (label.y < highest.y ? label : highest));
          const what = `${chart.chart} of ${view} ${range}: ${chart.y.map((label) => `${label.text}@${label.y.toFixed(0)}`).join(' ')}, plot from ${chart.plotTop} px`;
          assert.ok(Math.abs(top.y - chart.plotTop) <= 1, `the highest line "${top.text}" under the plot's top, ${what}`);
        }
      }
    }
    await context.close();
  });

  test('the empty note in the middle of the plot, one and two lines of time labels, English and German', async () => {
    for (const [lang, width] of [['en', 1280], ['de', 700]]) {
      const { context, page } = await openEmbedded(browser, server, lang, width);
      // Nothing verified while the view is open: the live chart waits for events.
      await show(page, server, '/overview');
      await page.waitForSelector(`[data-testid=live-chart] ${EMPTY}`);
      const live = await cardBoxes(page, 'live-chart');
      assertCentred(live.note, live.plot, `live chart (${lang}, ${width} px)`);
      await show(page, server, `/keys/${keys.disabled.keyId}`, `[data-testid=timeseries] ${EMPTY}`);
      for (const range of RANGES) {
        await pickRange(page, range);
        const boxes = await cardBoxes(page, 'timeseries');
        assertCentred(boxes.note, boxes.plot, `a key without traffic, ${range} (${lang}, ${width} px)`);
      }
      await context.close();
    }
  });
});
