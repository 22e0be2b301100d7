// A rate-limit namespace: decisions (passed / blocked) over time, the identifiers that hit it
// most, and the newest decisions (polled every few seconds: the live stream carries
// verifications only).
import { h, replaceChildren } from '../dom.js';
import { clockTime, count, micros, percent } from '../format.js';
import { filters, onFiltersChange, windowOf } from '../filters.js';
import { RATELIMIT_SERIES } from '../outcomes.js';
import { stackedCard } from '../components/chartcard.js';
import { tiles } from '../components/tiles.js';
import { toolbar } from '../components/toolbar.js';
import { topList } from '../components/toplist.js';

const REFRESH_SECONDS = 15;
const LOG_POLL_MS = 3000;

function logTable() {
  const body = h('tbody', { dataset: { testid: 'log-rows' } });
  let paused = false;
  const pause = h('button', { type: 'button', class: 'button', onclick: () => {
    paused = !paused;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.classList.toggle('active', paused);
  } }, 'Pause');
  const element = h('section', { class: 'card log-card' },
    h('header', { class: 'card-header' }, h('h2', {}, 'Recent decisions'), h('div', { class: 'log-controls' }, pause)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'log' },
      h('thead', {}, h('tr', {}, ['Time', 'Identifier', 'Decision', 'Cost', 'Remaining', 'Limit', 'Latency']
        .map((column) => h('th', { scope: 'col' }, column)))), body)));
  return {
    element,
    get paused() {
      return paused;
    },
    render(entries) {
      if (entries.length === 0) {
        replaceChildren(body, h('tr', {}, h('td', { colspan: 7, class: 'log-empty' }, 'No rate-limit checks in this namespace yet.')));
        return;
      }
      replaceChildren(body, entries.map((entry) => h('tr', { dataset: { passed: String(entry.passed) } },
        h('td', { class: 'mono' }, clockTime(entry.time)), h('td', { class: 'mono' }, entry.identifier),
        h('td', {}, h('span', { class: `badge ${entry.passed ? 'badge-VALID' : 'badge-FORBIDDEN'}` }, entry.passed ? 'Passed' : 'Blocked')),
        h('td', { class: 'num' }, count(entry.cost)), h('td', { class: 'num' }, count(entry.remaining)),
        h('td', { class: 'num' }, count(entry.limit)), h('td', { class: 'num' }, micros(entry.latencyUs)))));
    },
  };
}

export function namespaceView(ctx, { id: namespace }) {
  const bar = toolbar({ refreshSeconds: REFRESH_SECONDS, showOutcomes: false,
    onRefresh: () => refresh().catch((error) => bar.failed(error.message)) });
  const headline = tiles([
    { id: 'checks', label: 'Checks' }, { id: 'passed', label: 'Passed', tone: 'good' },
    { id: 'blocked', label: 'Blocked', tone: 'bad' }, { id: 'latency', label: 'Latency p50 / p99' },
  ]);
  const chart = stackedCard({ title: 'Decisions', series: RATELIMIT_SERIES, height: 240, testid: 'timeseries',
    bucketSeconds: filters().rangeInfo.bucketMs / 1000, empty: 'No rate-limit checks in this range.' });
  const top = topList({ title: 'Top identifiers', testid: 'top-identifiers', empty: 'No identifier was checked in this range.',
    orders: [{ id: 'total', label: 'Checks' }, { id: 'blocked', label: 'Blocked' }, { id: 'passedCost', label: 'Cost' }],
    load: async (order) => {
      const { start, end } = windowOf(filters().rangeInfo);
      const { data } = await ctx.api.call('ratelimit.getTopIdentifiers', { namespace, start, end, orderBy: order, limit: 10 });
      return { rows: data.map((row) => ({ id: row.identifier, href: '#', value: row[order],
        detail: `${percent(row.blocked, row.total)} blocked` })) };
    } });
  const log = logTable();
  const element = h('div', { class: 'view view-namespace' },
    h('div', { class: 'view-header' }, h('div', {}, h('h1', {}, `Namespace ${namespace}`),
      h('div', { class: 'view-subtitle' }, 'rate-limit decisions')), bar.element),
    headline.element, h('div', { class: 'grid two' }, chart.element, top.element), log.element);

  async function refresh() {
    bar.loading(true);
    const { rangeInfo } = filters();
    const { start, end } = windowOf(rangeInfo);
    try {
      const [{ data }] = await Promise.all([
        ctx.api.call('ratelimit.getTimeseries', { namespace, start, end, bucket: rangeInfo.bucket }), top.refresh()]);
      const times = data.buckets.map((bucket) => bucket.time);
      chart.setData(times, { passed: data.buckets.map((b) => b.passed), blocked: data.buckets.map((b) => b.blocked) },
        { bucketSeconds: rangeInfo.bucketMs / 1000 });
      chart.setSubtitle(`${rangeInfo.title}, per ${rangeInfo.bucket}`);
      const sum = (field) => data.buckets.reduce((total, bucket) => total + bucket[field], 0);
      const latest = [...data.buckets].reverse().find((bucket) => bucket.total > 0);
      headline.update('checks', count(sum('total')), rangeInfo.title);
      headline.update('passed', count(sum('passed')), percent(sum('passed'), sum('total')));
      headline.update('blocked', count(sum('blocked')), `block rate ${percent(sum('blocked'), sum('total'))}`);
      headline.update('latency', latest ? `${micros(latest.latencyP50Us)} / ${micros(latest.latencyP99Us)}` : '—');
      bar.refreshed(Date.now());
    } finally {
      bar.loading(false);
    }
  }

  async function poll() {
    if (log.paused) return;
    const { data } = await ctx.api.call('ratelimit.getLog', { namespace, limit: 50 });
    log.render(data);
  }

  const timers = [setInterval(() => refresh().catch((error) => bar.failed(error.message)), REFRESH_SECONDS * 1000),
    setInterval(() => poll().catch(() => {}), LOG_POLL_MS)];
  const unsubscribe = onFiltersChange(() => refresh().catch((error) => bar.failed(error.message)));
  return {
    element,
    async start() {
      ctx.setTitle(`Namespace ${namespace}`);
      await Promise.all([refresh(), poll()]);
    },
    destroy() {
      timers.forEach(clearInterval);
      unsubscribe();
      chart.destroy();
    },
  };
}
