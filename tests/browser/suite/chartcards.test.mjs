// The bar charts' cards around their plots: the y range's top a labelled line over the highest
// bar (a top of max * 1.1 left a 220 bar over the "200" line).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from '../lib/browser.mjs';
import { RANGES, drawnAxes, openEmbedded, pickRange, show } from '../lib/charts.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { seedWorkspace, verifyMany } from '../lib/traffic.mjs';

let server;
let browser;
let keys;

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
});
