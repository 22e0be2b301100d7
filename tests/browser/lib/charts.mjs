// What the chart tests share: the console embedded as the dashboard shows it, a view opened in a
// document of its own, a range picked, and the axes as drawn (every fillText uPlot makes on a
// canvas, measured in its font).
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';

export const RANGES = ['1h', '24h', '7d', '30d'];

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

/**
 * The axes of every chart on the page, in CSS px of its canvas: x labels (centred), y labels
 * (y: where the label's middle is, its tick), the plot's box.
 */
export function drawnAxes(page) {
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
      plotLeft: over.offsetLeft,
      plotTop: over.offsetTop,
      plotRight: over.offsetLeft + over.offsetWidth,
      x: labels.filter((label) => label.align === 'center'),
      y: labels.filter((label) => label.align !== 'center'),
    };
  }));
}

/** A time zone where it is now about 9 PM (the walkthrough's "09:51:45 PM"). */
function eveningZone() {
  let offset = 21 - new Date().getUTCHours();
  if (offset > 14) offset -= 24;
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`; // Etc/GMT-3 is UTC+3
}

/** A page of @p browser that embeds @p server's console in @p lang at @p width px, recording canvas text. */
export async function openEmbedded(browser, server, lang, width, colorScheme = 'light') {
  const opened = await openPage(browser, { colorScheme, timezoneId: eveningZone(),
    initScript: { script: ([key, language]) => { window.latchkeyEmbed = { rootKey: key, lang: language }; }, arg: [server.rootKey, lang] } });
  await opened.context.addInitScript(recordCanvasText);
  await opened.page.setViewportSize({ width, height: 1000 });
  return opened;
}

/** Two frames: what a data change or a resize drew is on the canvas. */
export const framesDrawn = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Opens @p path ("compact:" first: the compact summary) in a document of its own, at the first
 * range, once its bar chart shows @p ready: a legend item (traffic) or its empty note.
 */
export async function show(page, server, path, ready = '[data-testid=timeseries-legend] [data-series]') {
  await page.goto('about:blank');
  await page.goto(`${server.url}/console/?embed=1${path.includes('compact') ? '&compact=1' : ''}#${path.replace(/^compact:/, '')}`);
  await page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
  assert.equal(await page.title(), 'latchkey:ready', path);
  await page.waitForSelector(ready, { timeout: 20000 });
  await framesDrawn(page);
}

/** Picks @p range in the view's toolbar and waits until its chart shows it. */
export async function pickRange(page, range) {
  const subtitle = page.locator('[data-testid=timeseries] .card-subtitle');
  const before = await subtitle.textContent();
  const button = page.locator(`[data-range="${range}"]`).first();
  if (await button.getAttribute('aria-pressed') === 'true') return;
  await button.click();
  await page.waitForFunction((old) => document.querySelector('[data-testid=timeseries] .card-subtitle').textContent !== old, before);
  await framesDrawn(page);
}
