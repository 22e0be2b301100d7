// A rate-limit namespace: decisions (passed / blocked) live and over time, the identifiers that
// hit it most, and the live log of its checks. The live parts use the stream's namespace scope;
// a server without it gets the log polled instead and the live card says so.
import { h } from '../dom.js';
import { count, micros, percent } from '../format.js';
import { filters, onFiltersChange, windowOf } from '../filters.js';
import { RATELIMIT_SERIES } from '../outcomes.js';
import { LiveFeed } from '../livefeed.js';
import { stackedCard } from '../components/chartcard.js';
import { LivePanel } from '../components/livepanel.js';
import { RatelimitLog } from '../components/ratelimitlog.js';
import { tiles } from '../components/tiles.js';
import { toolbar } from '../components/toolbar.js';
import { topList } from '../components/toplist.js';

const REFRESH_SECONDS = 15;
const LOG_POLL_MS = 3000;

export function namespaceView(ctx, { id: namespace }) {
  const bar = toolbar({ refreshSeconds: REFRESH_SECONDS, showOutcomes: false,
    onRefresh: () => refresh().catch((error) => bar.failed(error.message)) });
  const headline = tiles([
    { id: 'checks', label: 'Checks' }, { id: 'passed', label: 'Passed', tone: 'good' },
    { id: 'blocked', label: 'Blocked', tone: 'bad' }, { id: 'cost', label: 'Cost passed' },
    { id: 'latency', label: 'Latency p50 / p99' },
  ]);
  const live = new LivePanel({ series: RATELIMIT_SERIES, subtitle: 'checks per second, last 60 s' });
  const chart = stackedCard({ title: 'Decisions', series: RATELIMIT_SERIES, height: 240, testid: 'timeseries',
    bucketSeconds: filters().rangeInfo.bucketMs / 1000, empty: 'No rate-limit checks in this range.' });
  const top = topList({ title: 'Top identifiers', testid: 'top-identifiers', empty: 'No identifier was checked in this range.',
    orders: [{ id: 'total', label: 'Checks' }, { id: 'blocked', label: 'Blocked' }, { id: 'passedCost', label: 'Cost' }],
    load: async (order) => {
      const { start, end } = windowOf(filters().rangeInfo);
      const { data } = await ctx.api.call('ratelimit.getTopIdentifiers', { namespace, start, end, orderBy: order, limit: 10 });
      return { rows: data.map((row) => ({ id: row.identifier, value: row[order], detail: `${percent(row.blocked, row.total)} blocked` })) };
    } });
  const log = new RatelimitLog({
    load: async (filter) => (await ctx.api.call('ratelimit.getLog', { namespace, ...filter, limit: 50 })).data });
  const element = h('div', { class: 'view view-namespace' },
    h('div', { class: 'view-header' }, h('div', {}, h('h1', {}, `Namespace ${namespace}`),
      h('div', { class: 'view-subtitle' }, 'rate-limit decisions')), bar.element),
    headline.element, live.element, h('div', { class: 'grid two' }, chart.element, top.element), log.element);

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
      headline.update('cost', count(sum('passedCost')), rangeInfo.title);
      headline.update('latency', latest ? `${micros(latest.latencyP50Us)} / ${micros(latest.latencyP99Us)}` : '—',
        latest ? `latest ${rangeInfo.bucket} with traffic` : 'no traffic in range');
      bar.refreshed(Date.now());
    } finally {
      bar.loading(false);
    }
  }

  let pollTimer = null;
  const feed = new LiveFeed(ctx.api, { scope: 'namespace', id: namespace }, {
    onRatelimit: (tick) => {
      live.tick(tick);
      log.push(tick.events ?? []);
    },
    onState: (state, detail) => {
      live.setState(state, state === 'error' ? `${detail} — the log is polled every ${LOG_POLL_MS / 1000} s instead` : detail);
      if (state === 'error' && !pollTimer) {
        pollTimer = setInterval(() => log.paused || log.reload().catch(() => {}), LOG_POLL_MS);
      }
    },
  });
  const timer = setInterval(() => refresh().catch((error) => bar.failed(error.message)), REFRESH_SECONDS * 1000);
  const unsubscribe = onFiltersChange(() => refresh().catch((error) => bar.failed(error.message)));
  return {
    element,
    async start() {
      ctx.setTitle(`Namespace ${namespace}`);
      await Promise.all([refresh(), log.reload()]);
    },
    destroy() {
      feed.close();
      clearInterval(timer);
      clearInterval(pollTimer);
      unsubscribe();
      bar.destroy();
      live.destroy();
      chart.destroy();
    },
  };
}
