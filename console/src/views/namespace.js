// A rate-limit namespace: decisions (passed / blocked) live and over time, the identifiers that
// hit it most, and the live log of its checks. The live parts use the stream's namespace scope;
// a server without it gets the log polled instead and the live card says so.
import { h } from '../dom.js';
import { count, percent, perBucket } from '../format.js';
import { filters, onFiltersChange, windowOf } from '../filters.js';
import { newestOnly } from '../newest.js';
import { t } from '../i18n.js';
import { latencyTile } from '../latency.js';
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
    { id: 'checks', label: t('Checks') }, { id: 'passed', label: t('Passed'), tone: 'good' },
    { id: 'blocked', label: t('Blocked'), tone: 'bad' }, { id: 'cost', label: t('Cost passed') },
    { id: 'latency', label: t('Latency p50 / p99') },
  ]);
  const live = new LivePanel({ series: RATELIMIT_SERIES, subtitle: t('checks per second, last 60 s') });
  const chart = stackedCard({ title: t('Decisions'), series: RATELIMIT_SERIES, height: 240, testid: 'timeseries',
    bucketSeconds: filters().rangeInfo.bucketMs / 1000, empty: t('No rate-limit checks in this range.') });
  const top = topList({ title: t('Top identifiers'), testid: 'top-identifiers', empty: t('No identifier was checked in this range.'),
    orders: [{ id: 'total', label: t('Checks') }, { id: 'blocked', label: t('Blocked') }, { id: 'passedCost', label: t('Cost') }],
    load: async (order) => {
      const { start, end } = windowOf(filters().rangeInfo);
      const { data } = await ctx.api.call('ratelimit.getTopIdentifiers', { namespace, start, end, orderBy: order, limit: 10 });
      return { rows: data.map((row) => ({ id: row.identifier, value: row[order], detail: t('{share} blocked', { share: percent(row.blocked, row.total) }) })) };
    } });
  const log = new RatelimitLog({
    load: async (filter) => (await ctx.api.call('ratelimit.getLog', { namespace, ...filter, limit: 50 })).data });
  const element = h('div', { class: 'view view-namespace' },
    h('div', { class: 'view-header' }, h('div', {}, h('h1', {}, t('Namespace {name}', { name: namespace })),
      h('div', { class: 'view-subtitle' }, t('rate-limit decisions'))), bar.element),
    headline.element, live.element, h('div', { class: 'grid two' }, chart.element, top.element), log.element);

  const loads = newestOnly();
  async function refresh() {
    const current = loads.begin();
    bar.loading(true);
    const { rangeInfo } = filters();
    const { start, end } = windowOf(rangeInfo);
    try {
      const [{ data }] = await Promise.all([
        ctx.api.call('ratelimit.getTimeseries', { namespace, start, end, bucket: rangeInfo.bucket }), top.refresh()]);
      if (!current()) return;
      const times = data.buckets.map((bucket) => bucket.time);
      chart.setData(times, { passed: data.buckets.map((b) => b.passed), blocked: data.buckets.map((b) => b.blocked) },
        { bucketSeconds: rangeInfo.bucketMs / 1000 });
      chart.setSubtitle(`${rangeInfo.title}, ${perBucket(rangeInfo.bucket)}`);
      const sum = (field) => data.buckets.reduce((total, bucket) => total + bucket[field], 0);
      headline.update('checks', count(sum('total')), rangeInfo.title);
      headline.update('passed', count(sum('passed')), percent(sum('passed'), sum('total')));
      headline.update('blocked', count(sum('blocked')), t('block rate {share}', { share: percent(sum('blocked'), sum('total')) }));
      headline.update('cost', count(sum('passedCost')), rangeInfo.title);
      const tile = latencyTile(data, rangeInfo);
      headline.update('latency', tile.value, tile.hint);
      bar.refreshed(Date.now());
    } finally {
      if (current()) bar.loading(false);
    }
  }

  let pollTimer = null;
  const feed = new LiveFeed(ctx.api, { scope: 'namespace', id: namespace }, {
    onRatelimit: (tick) => {
      live.tick(tick);
      log.push(tick.events ?? []);
      const counted = (tick.counts?.passed ?? 0) + (tick.counts?.blocked ?? 0);
      if (counted > (tick.events ?? []).length) log.catchUp();
    },
    onState: (state, detail) => {
      if (state === 'live') log.catchUp();
      live.setState(state, state === 'error'
        ? t('{reason} — the log is polled every {n} s instead', { reason: detail, n: LOG_POLL_MS / 1000 }) : detail);
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
      ctx.setTitle(t('Namespace {name}', { name: namespace }));
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
      log.destroy();
    },
  };
}
