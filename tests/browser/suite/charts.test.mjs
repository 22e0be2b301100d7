// The charts' axes as drawn, read from the canvas (every fillText uPlot makes, measured in its
// font): the time labels of every chart with a time axis (live, the ranges from 1 h to 30 days,
// the overview, an API, a key, an owner, the compact summary) whole inside the canvas and apart
// from each other, in English and German, wide and narrow (walkthrough: "09:51:45 P", the "M" cut
// at the canvas' edge, and the 5-second labels crowding each other at 1600 px); the latency
// chart's time axis the same as the bar chart's next to it; and the compact summary's short chart
// with at least three y ticks (it showed only "0" and "100").
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from '../lib/browser.mjs';
import { RANGES, drawnAxes, framesDrawn, openEmbedded as openEmbeddedIn, pickRange, show as showView } from '../lib/charts.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { seedWorkspace, verifyMany } from '../lib/traffic.mjs';

const artefacts = process.env.LATCHKEY_ARTEFACTS ?? join(process.cwd(), 'artefacts');
mkdirSync(artefacts, { recursive: true });

// Labels stand apart by this much of the wider one's width (the console's timeaxis.js GAP);
// 1.5 px for the rounding of tick positions to whole pixels.
const GAP = 0.8;
const ROUNDING = 1.5;

let server;
let browser;
let keys;

/** Every time label whole in the canvas, also one at the plot's end; each row's labels apart. */
function assertTimeLabels(axes, where) {
  assert.ok(axes.length > 0, `no chart ${where}`);
  for (const chart of axes) {
    const what = `${chart.chart} ${where}: ${chart.x.map((label) => `${label.text}@${label.left.toFixed(0)}..${label.right.toFixed(0)}`).join(' ')} in ${chart.width} px`;
    assert.ok(chart.x.length >= 2, `fewer than two time labels, ${what}`);
    for (const label of chart.x) {
      assert.ok(label.left >= 0 && label.right <= chart.width, `"${label.text}" not whole, ${what}`);
      // A tick at the plot's right end (the live chart's last second, a range's end) is whole too.
      const half = (label.right - label.left) / 2;
      assert.ok(chart.plotRight + half <= chart.width + 0.5,
        `"${label.text}" at the plot's end (${chart.plotRight} px) would end at ${chart.plotRight + half} px, ${what}`);
    }
    const rows = new Map();
    for (const label of chart.x) rows.set(label.y, [...(rows.get(label.y) ?? []), label]);
    for (const row of rows.values()) {
      row.sort((a, b) => a.left - b.left);
      for (let i = 1; i < row.length; ++i) {
        const wider = Math.max(row[i].right - row[i].left, row[i - 1].right - row[i - 1].left);
        assert.ok(row[i].left - row[i - 1].right >= GAP * wider - ROUNDING,
          `"${row[i - 1].text}" and "${row[i].text}" ${(row[i].left - row[i - 1].right).toFixed(1)} px apart, ${what}`);
      }
    }
  }
}

/**
 * The latency chart's time labels where the bar chart's next to it are, relative to each plot:
 * its x range ended at its last point, a bucket short of the window's end (no "Nov 27" in 30 d).
 */
function assertSameTimeAxis(axes, where) {
  const [bars, latency] = ['timeseries', 'Lat'].map((name) => axes.find((chart) => chart.chart.startsWith(name)));
  const labels = (chart) => chart.x.map((label) => ({ text: label.text, at: (label.left + label.right) / 2 - chart.plotLeft }));
  const [barLabels, latencyLabels] = [labels(bars), labels(latency)];
  const list = (row) => row.map((label) => `${label.text}@${label.at.toFixed(0)}`).join(' ');
  assert.ok(latencyLabels.length === barLabels.length && latencyLabels.every((label, i) =>
    label.text === barLabels[i].text && Math.abs(label.at - barLabels[i].at) <= 1),
  `latency: ${list(latencyLabels)}; bars: ${list(barLabels)}; ${where}`);
}

const openEmbedded = (lang, width, colorScheme) => openEmbeddedIn(browser, server, lang, width, colorScheme);
const show = (page, path) => showView(page, server, path);

describe('chart axes', () => {
  before(async () => {
    server = await startLatchkeyd();
    browser = await launchBrowser();
    keys = await seedWorkspace(server);
    await verifyMany(server, keys.checkout.key, 37); // an owner's summary over 0..37: more than "0" and "100"
    await verifyMany(server, keys.metered.key, 4);
  });

  after(async () => {
    await browser?.close();
    const stopped = await server?.stop();
    assert.equal(stopped?.code, 0, `latchkeyd did not exit cleanly: ${server?.stderr()}`);
  });

  for (const [lang, width] of [['en', 1600], ['en', 700], ['de', 1600], ['de', 700]]) {
    test(`${lang} at ${width} px: the time labels of the overview's charts whole and apart in every range`, async () => {
      const { context, page, consoleLines } = await openEmbedded(lang, width);
      await show(page, '/overview');
      for (const range of RANGES) {
        await pickRange(page, range);
        const axes = await drawnAxes(page);
        assert.deepEqual(axes.map((chart) => chart.chart).sort(), ['Latency', 'live-chart', 'timeseries'].map((name) =>
          (name === 'Latency' && lang === 'de' ? 'Latenz' : name)).sort());
        assertTimeLabels(axes, `overview ${range} (${lang}, ${width} px)`);
        assertSameTimeAxis(axes, `overview ${range} (${lang}, ${width} px)`);
      }
      assert.deepEqual(consoleLines.filter((line) => /^(error|pageerror)/.test(line)), []);
      await context.close();
    });
  }

  test('an API, a key, an owner and the compact summary: time labels whole and apart, English and German', async () => {
    const views = [`/apis/${keys.apiId}`, `/keys/${keys.checkout.keyId}`, '/identities/acme-corp', 'compact:/identities/acme-corp'];
    for (const [lang, width] of [['en', 1040], ['de', 790]]) {
      const { context, page } = await openEmbedded(lang, width);
      for (const view of views) {
        await show(page, view);
        for (const range of view.startsWith('compact') ? RANGES : ['1h', '30d']) {
          await pickRange(page, range);
          assertTimeLabels(await drawnAxes(page), `${view} ${range} (${lang}, ${width} px)`);
        }
      }
      await context.close();
    }
  });

  // 100 px tall in the dashboard above the keys (UsageCharts; 120 px until six key rows had to fit
  // under it at 1024 × 768): a y axis of more than two ticks,
  // none cut, none on another, in every range (the hours' two-line time labels take more height).
  test('the compact summary\'s short chart: at least three y ticks, whole and apart', async () => {
    for (const [lang, colorScheme] of [['en', 'light'], ['de', 'dark']]) {
      const { context, page } = await openEmbedded(lang, 1040, colorScheme);
      await show(page, 'compact:/identities/acme-corp');
      for (const range of RANGES) {
        await pickRange(page, range);
        const [chart] = await drawnAxes(page);
        const ticks = chart.y.sort((a, b) => b.top - a.top);
        const what = `${range} (${lang}): ${ticks.map((label) => label.text).join(', ')} in ${chart.height} px`;
        assert.equal(chart.height, 100, what);
        assert.ok(ticks.length >= 3, `fewer than three y ticks, ${what}`);
        assert.equal(ticks[0].text, '0', what);
        for (const label of ticks) assert.ok(label.top >= 0 && label.bottom <= chart.height, `"${label.text}" cut, ${what}`);
        for (let i = 1; i < ticks.length; ++i) assert.ok(ticks[i].bottom < ticks[i - 1].top, `"${ticks[i].text}" on "${ticks[i - 1].text}", ${what}`);
        if (range === '24h') await page.screenshot({ path: join(artefacts, `charts-compact-${lang}-${colorScheme}.png`) });
      }
      await context.close();
    }
  });

  // A window narrowed from 1600 to 700 px: the charts follow it (two charts side by side kept
  // their 746 px canvases in the one column left, wider than the page), their labels as above.
  test('screenshots of the overview\'s charts, light and dark, English and German, wide and narrowed', async () => {
    for (const [lang, colorScheme] of [['en', 'light'], ['en', 'dark'], ['de', 'light'], ['de', 'dark']]) {
      const { context, page } = await openEmbedded(lang, 1600, colorScheme);
      await show(page, '/overview');
      await page.waitForSelector('[data-testid=live-state].live', { timeout: 15000 });
      await page.screenshot({ path: join(artefacts, `charts-overview-${lang}-${colorScheme}-1600.png`), fullPage: true });
      await page.setViewportSize({ width: 700, height: 1000 });
      await pickRange(page, '24h');
      const fitting = () => document.documentElement.scrollWidth <= window.innerWidth
        && [...document.querySelectorAll('.uplot canvas')].every((canvas) =>
          canvas.getBoundingClientRect().right <= canvas.closest('.card').getBoundingClientRect().right);
      await page.waitForFunction(fitting, null, { timeout: 5000 })
        .catch(() => assert.fail('the page or a chart wider than its card at 700 px'));
      await framesDrawn(page);
      assertTimeLabels(await drawnAxes(page), `overview narrowed to 700 px (${lang})`);
      await page.screenshot({ path: join(artefacts, `charts-overview-${lang}-${colorScheme}-700.png`), fullPage: true });
      await context.close();
    }
  });
});
