// A card holding one stacked chart, its legend (each series with its total over the range — the
// numbers the tests and the admin read) and a readout of the bucket under the mouse. The readout
// lies over the top of the plot, on the side away from the mouse, and only while the mouse is on
// the plot: a line kept for it under every chart was empty but for hovering (the compact summary
// too), and one that appears only then would make the page jump. The empty note and the readout
// follow the plot's box (--plot-* on .plot-wrap), which moves with the time axis' height.
import { h, replaceChildren } from '../dom.js';
import { StackedChart } from '../charts.js';
import { count, dateTime } from '../format.js';
import { t } from '../i18n.js';

export function stackedCard({ title, subtitle, series, bucketSeconds, height, fill, fewYTicks, testid, empty }) {
  const plotArea = h('div', { class: 'plot' });
  const legend = h('div', { class: 'legend', dataset: { testid: `${testid}-legend` } });
  const readout = h('div', { class: 'readout', hidden: true, dataset: { testid: `${testid}-readout` } });
  const emptyNote = h('div', { class: 'plot-empty', hidden: true }, empty ?? t('No data in this range.'));
  const subtitleElement = h('span', { class: 'card-subtitle' }, subtitle ?? '');
  const plotWrap = h('div', { class: 'plot-wrap' }, plotArea, emptyNote, readout);
  let state = { times: [], values: {} };
  let plotBox = null;
  const chart = new StackedChart(plotArea, {
    series, bucketSeconds, height, fill, fewYTicks,
    onHover: (index, cursorLeft) => {
      readout.hidden = index === null || !state.times[index];
      if (readout.hidden) return;
      const parts = series.map((serie) => [serie, state.values[serie.id]?.[index] ?? 0]).filter(([, value]) => value > 0)
        .map(([serie, value]) => `${serie.label} ${count(value)}`);
      readout.textContent = `${dateTime(state.times[index])} — ${parts.length ? parts.join(' · ') : t('none')}`;
      readout.classList.toggle('readout-end', cursorLeft < (plotBox?.width ?? 0) / 2);
    },
    onPlotArea: (box) => {
      plotBox = box;
      for (const [side, px] of Object.entries(box)) plotWrap.style.setProperty(`--plot-${side}`, `${px}px`);
    },
  });
  const element = h('section', { class: 'card chart-card', dataset: { testid } },
    h('header', { class: 'card-header' }, h('h2', {}, title), subtitleElement), plotWrap, legend);
  return {
    element,
    chart,
    setSubtitle(text) {
      subtitleElement.textContent = text;
    },
    /** @param {number[]} times ms  @param {Object<string, number[]>} values  @param {string[]} visible series ids */
    setData(times, values, { bucketSeconds: bucket, visible } = {}) {
      const shown = visible ? Object.fromEntries(visible.map((id) => [id, values[id] ?? []])) : values;
      state = { times, values: shown };
      chart.setData(times, shown, bucket);
      const totals = series.map((serie) => [serie, (shown[serie.id] ?? []).reduce((a, b) => a + b, 0)]);
      emptyNote.hidden = totals.some(([, total]) => total > 0);
      replaceChildren(legend, totals.filter(([serie, total]) => total > 0 || serie.always).map(([serie, total]) =>
        h('span', { class: 'legend-item', dataset: { series: serie.id, total: String(total) } },
          h('span', { class: `swatch swatch-${serie.id}` }), serie.label, h('strong', {}, count(total)))));
    },
    destroy() {
      chart.destroy();
    },
  };
}
