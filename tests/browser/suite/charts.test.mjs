// The charts' axes as drawn, read from the canvas (every fillText uPlot makes, measured in its
// font): the time labels of every chart with a time axis (live, the ranges from 1 h to 30 days,
// the overview, an API, a key, an owner, the compact summary) whole inside the canvas and apart
// from each other, in English and German, wide and narrow (walkthrough: "09:51:45 P", the "M" cut
// at the canvas' edge, and the 5-second labels crowding each other at 1600 px); and the compact
// summary's short chart with at least three y ticks (it showed only "0" and "100").
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage } from '../lib/browser.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { seedWorkspace, verifyMany } from '../lib/traffic.mjs';

const artefacts = process.env.LATCHKEY_ARTEFACTS ?? join(process.cwd(), 'artefacts');
mkdirSync(artefacts, { recursive: true });

const RANGES = ['1h', '24h', '7d', '30d'];
// Labels stand apart by this much of the wider one's width (the console's timeaxis.js GAP);
// 1.5 px for the rounding of tick positions to whole pixels.
const GAP = 0.8;
const ROUNDING = 1.5;

let server;
let browser;
let keys;

/** Keeps, per canvas, the text of its last drawing: where each string went and how wide it is. */
function recordCanvasText() {
  const drawn = new WeakMap();
  const proto = CanvasRenderingContext2D.prototype;
  const { clearRect, fillText } = proto;
  proto.clearRect = function (x, y, width, height) {
    if (x <= 0 && y <= 0 && width >= this.canvas.width && height >= this.canvas.height) drawn.set(this.canvas, []);
    return clearRect.call(this, x, y, width, height);
  };
  proto.fillText = function (text, x, y, ...rest) {
    if (!drawn.has(this.canvas)) drawn.set(this.canvas, []);
    const metrics = this.measureText(text);
    drawn.get(this.canvas).push({ text: String(text), y, align: this.textAlign,
      left: x - metrics.actualBoundingBoxLeft, right: x + metrics.actualBoundingBoxRight,
      top: y - metrics.actualBoundingBoxAscent, bottom: y + metrics.actualBoundingBoxDescent });
    return fillText.call(this, text, x, y, ...rest);
  };
  window.__drawnText = (canvas) => drawn.get(canvas) ?? [];
}

/** The axes of every chart on the page, in CSS px: x labels (centred), y labels, the plot's box. */
function drawnAxes(page) {
  return page.evaluate(() => [...document.querySelectorAll('.uplot')].map((plot) => {
    const canvas = plot.querySelector('canvas');
    const over = plot.querySelector('.u-over');
    const scale = canvas.width / canvas.clientWidth;
    const labels = window.__drawnText(canvas).map((label) => ({ ...label, left: label.left / scale, right: label.right / scale,
      top: label.top / scale, bottom: label.bottom / scale, y: label.y / scale }));
    return {
      chart: plot.closest('[data-testid]')?.dataset.testid ?? plot.closest('.card').querySelector('h2').textContent,
      width: canvas.clientWidth,
      height: canvas.clientHeight,
      plotRight: over.offsetLeft + over.offsetWidth,
      x: labels.filter((label) => label.align === 'center'),
      y: labels.filter((label) => label.align !== 'center'),
    };
  }));
}

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

/** A time zone where it is now about 9 PM (the walkthrough's "09:51:45 PM"). */
function eveningZone() {
  let offset = 21 - new Date().getUTCHours();
  if (offset > 14) offset -= 24;
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`; // Etc/GMT-3 is UTC+3
}

async function openEmbedded(lang, width, colorScheme = 'light') {
  const opened = await openPage(browser, { colorScheme, timezoneId: eveningZone(),
    initScript: { script: ([key, language]) => { window.latchkeyEmbed = { rootKey: key, lang: language }; }, arg: [server.rootKey, lang] } });
  await opened.context.addInitScript(recordCanvasText);
  await opened.page.setViewportSize({ width, height: 1000 });
  return opened;
}

/** Opens @p path ("compact:" first: the compact summary) in a document of its own, at the first range. */
async function show(page, path) {
  await page.goto('about:blank');
  await page.goto(`${server.url}/console/?embed=1${path.includes('compact') ? '&compact=1' : ''}#${path.replace(/^compact:/, '')}`);
  await page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
  assert.equal(await page.title(), 'latchkey:ready', path);
  await page.waitForSelector('[data-testid=timeseries-legend] [data-series]', { timeout: 20000 });
  await framesDrawn(page);
}

/** Two frames: what a data change or a resize drew is on the canvas. */
const framesDrawn = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Picks @p range in the view's toolbar and waits until its chart shows it. */
async function pickRange(page, range) {
  const subtitle = page.locator('[data-testid=timeseries] .card-subtitle');
  const before = await subtitle.textContent();
  const button = page.locator(`[data-range="${range}"]`).first();
  if (await button.getAttribute('aria-pressed') === 'true') return;
  await button.click();
  await page.waitForFunction((old) => document.querySelector('[data-testid=timeseries] .card-subtitle').textContent !== old, before);
  await framesDrawn(page);
}

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

  // 120 px tall in the dashboard above the keys (UsageCharts): a y axis of more than two ticks,
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
        assert.equal(chart.height, 120, what);
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
