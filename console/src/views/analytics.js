// The verification analytics of one scope — the workspace (overview), an API, a key or an owner
// (identity): headline numbers, the live chart, time series by outcome, latency percentiles, top
// lists where the server has them, and the live log. Everything shown comes from the extension
// endpoints; the browser only sums a range's buckets for the headline numbers. The compact
// variant (?compact=1: the summary above the dashboard's key lists) is the headline numbers and
// the time series by outcome with the range picker in its header: no title, live chart, latency
// chart, top lists, log or empty-state card, and no live stream.
import { h } from '../dom.js';
import { RENAMED_EVENT } from '../embed.js';
import { count, percent, perBucket } from '../format.js';
import { filters, onFiltersChange, windowOf } from '../filters.js';
import { newestOnly } from '../newest.js';
import { t } from '../i18n.js';
import { latencyTile } from '../latency.js';
import { OUTCOMES } from '../outcomes.js';
import { LiveFeed } from '../livefeed.js';
import { LatencyChart } from '../charts.js';
import { stackedCard } from '../components/chartcard.js';
import { emptyState, rootKeyNote, verifyCommand } from '../components/emptystate.js';
import { EventLog } from '../components/eventlog.js';
import { LivePanel } from '../components/livepanel.js';
import { tiles } from '../components/tiles.js';
import { toolbar } from '../components/toolbar.js';
import { topList } from '../components/toplist.js';

const REFRESH_SECONDS = 15;

const SCOPES = {
  workspace: { get title() { return t('Overview'); }, idField: null, nameKind: null,
    get empty() { return t('No verifications yet'); } },
  api: { get title() { return t('API'); }, idField: 'apiId', nameKind: 'api',
    get empty() { return t('No verifications of this API yet'); } },
  // A key's name often starts with "Key" itself: "Usage of “Key 13”", never "Key Key 13".
  key: { get title() { return t('Key'); }, idField: 'keyId', nameKind: 'key',
    named(name) { return t('Usage of “{name}”', { name }); },
    get empty() { return t('No verifications of this key yet'); } },
  identity: { get title() { return t('Owner'); }, idField: 'identityId', nameKind: 'identity',
    get empty() { return t('No verifications of this owner yet'); } },
};

function sumBuckets(buckets) {
  const totals = { total: 0, valid: 0, credits: 0 };
  for (const bucket of buckets) {
    totals.total += bucket.total;
    totals.valid += bucket.outcomes?.VALID ?? 0;
    totals.credits += bucket.spentCredits;
  }
  return totals;
}

function headlineTiles() {
  return tiles([
    { id: 'verifications', label: t('Verifications') },
    { id: 'valid', label: t('Valid'), tone: 'good' },
    { id: 'rejected', label: t('Rejected'), tone: 'bad' },
    { id: 'credits', label: t('Credits spent') },
    { id: 'latency', label: t('Latency p50 / p99') },
  ]);
}

/** The latency card: p50 and p99 per bucket as lines. */
function latencyCard() {
  const plot = h('div', { class: 'plot' });
  const chart = new LatencyChart(plot, { height: 240 });
  const element = h('section', { class: 'card chart-card' },
    h('header', { class: 'card-header' }, h('h2', {}, t('Latency')),
      h('span', { class: 'legend' }, h('span', { class: 'legend-item' }, h('span', { class: 'swatch swatch-p50' }), 'p50'),
        h('span', { class: 'legend-item' }, h('span', { class: 'swatch swatch-p99' }), 'p99'))),
    h('div', { class: 'plot-wrap' }, plot));
  return { element, chart };
}

/** Top keys (workspace, API) and top owners (workspace) cards. */
function topCards(ctx, scope, id) {
  const cards = [];
  const rows = async (action, extra, kind, idOf, order) => {
    const { start, end } = windowOf(filters().rangeInfo);
    const { data } = await ctx.api.call(action, { start, end, orderBy: order, limit: 10, ...extra });
    const names = await Promise.all(data.map((row) => ctx.names.lookup(kind, idOf(row))));
    return {
      rows: data.map((row, i) => ({
        id: idOf(row), name: names[i], href: `#/${kind === 'key' ? 'keys' : 'identities'}/${encodeURIComponent(idOf(row))}`,
        value: row[order], detail: order === 'verifications' ? t('{share} rejected', { share: percent(row.rejections, row.verifications) }) : undefined,
      })),
    };
  };
  if (scope === 'workspace' || scope === 'api') {
    cards.push(topList({ title: t('Top keys'), testid: 'top-keys', empty: t('No key was verified in this range.'),
      load: (order) => rows('analytics.getTopKeys', scope === 'api' ? { apiId: id } : {}, 'key', (row) => row.keyId, order) }));
  }
  if (scope === 'workspace') {
    cards.push(topList({ title: t('Top owners'), testid: 'top-owners', empty: t('No key with an owner was verified in this range.'),
      load: (order) => rows('analytics.getTopIdentities', {}, 'identity', (row) => row.identityId, order) }));
  }
  return cards;
}

/** The id of an owner named by id or externalId; a key without read_identity can still use ids. */
async function identityIdOf(ctx, idOrExternalId) {
  try {
    return (await ctx.api.call('identities.getIdentity', { identity: idOrExternalId })).data.id;
  } catch (error) {
    if (error.status === 403 && idOrExternalId.startsWith('id_')) return idOrExternalId;
    throw error;
  }
}

/**
 * What only the full view shows: the live chart, the latency chart, the top lists, the log and
 * the empty state's curl hint. @p scopeFilter: the log's filter once start() knows the owner's id.
 */
function fullParts(ctx, scope, id, meta, scopeFilter) {
  const keyNote = scope === 'key' ? t('Replace <your key> with this key: it was shown once, when it was issued.')
    : t('Replace <your key> with one of your keys: each is shown once, when it is issued.');
  return {
    live: new LivePanel({ outcome: filters().outcome }),
    latency: latencyCard(),
    tops: topCards(ctx, scope, id),
    log: new EventLog({ outcome: filters().outcome, showKey: scope !== 'key',
      load: async (filter) => (await ctx.api.call('analytics.getVerificationLog', { ...scopeFilter(), ...filter, limit: 50 })).data }),
    empty: h('div', { hidden: true }, emptyState({
      title: meta.empty, text: t('Verify a key and the charts fill in within a second:'),
      command: verifyCommand(ctx.rootKeyFile), note: `${rootKeyNote(ctx)} ${keyNote}` })),
  };
}

export function analyticsView(ctx, { scope, id, compact = false }) {
  const meta = SCOPES[scope];
  // An owner may be addressed by its externalId too; start() swaps in the identity's id.
  let scopeFilter = meta.idField ? { [meta.idField]: id } : {};
  const bar = toolbar({ showOutcomes: !compact, refreshSeconds: REFRESH_SECONDS,
    onRefresh: () => refresh().catch((error) => bar.failed(error.message)) });
  const headline = headlineTiles();
  const series = stackedCard({ title: t('Verifications by outcome'), series: OUTCOMES, height: compact ? 100 : 240,
    fill: compact, fewYTicks: compact, testid: 'timeseries', bucketSeconds: filters().rangeInfo.bucketMs / 1000 });
  const title = h('h1', {}, meta.title);
  const subtitle = h('div', { class: 'view-subtitle mono' }, id ?? '');
  const full = compact ? null : fullParts(ctx, scope, id, meta, () => scopeFilter);
  let element;
  if (full) {
    element = h('div', { class: `view view-${scope}` },
      h('div', { class: 'view-header' }, h('div', {}, title, subtitle), bar.element),
      headline.element, full.empty, full.live.element,
      h('div', { class: 'grid two' }, series.element, full.latency.element),
      full.tops.length ? h('div', { class: `grid ${full.tops.length > 1 ? 'two' : 'one'}` }, full.tops.map((card) => card.element)) : null,
      full.log.element);
  } else {
    series.element.querySelector('.card-header').append(bar.element);
    element = h('div', { class: `view view-${scope} view-compact`, dataset: { testid: 'compact-view' } },
      headline.element, series.element);
  }
  const tops = full?.tops ?? [];

  const loads = newestOnly();
  async function refresh() {
    const current = loads.begin();
    bar.loading(true);
    const { rangeInfo, outcome } = filters();
    const { start, end } = windowOf(rangeInfo);
    try {
      const [{ data }] = await Promise.all([
        ctx.api.call('analytics.getTimeseries', { scope, ...scopeFilter, start, end, bucket: rangeInfo.bucket }),
        ...tops.map((card) => card.refresh()),
      ]);
      if (!current() || destroyed) return;
      render(data, rangeInfo, compact ? '' : outcome); // the summary has no outcome filter
      bar.refreshed(Date.now());
    } finally {
      if (current()) bar.loading(false);
    }
  }

  function render(data, rangeInfo, outcome) {
    const { buckets } = data;
    const times = buckets.map((bucket) => bucket.time);
    const values = Object.fromEntries(OUTCOMES.map((o) => [o.id, buckets.map((bucket) => bucket.outcomes?.[o.id] ?? 0)]));
    series.setData(times, values, { bucketSeconds: rangeInfo.bucketMs / 1000, visible: outcome ? [outcome] : undefined });
    series.setSubtitle(`${rangeInfo.title}, ${perBucket(rangeInfo.bucket)}`);
    full?.latency.chart.setData(times, buckets.map((b) => b.latencyP50Us), buckets.map((b) => b.latencyP99Us),
      buckets.map((b) => b.total), rangeInfo.bucketMs / 1000);
    const totals = sumBuckets(buckets);
    headline.update('verifications', count(totals.total), rangeInfo.title);
    headline.update('valid', count(totals.valid), percent(totals.valid, totals.total));
    headline.update('rejected', count(totals.total - totals.valid),
      t('rejection rate {share}', { share: percent(totals.total - totals.valid, totals.total) }));
    headline.update('credits', count(totals.credits), rangeInfo.title);
    const tile = latencyTile(data, rangeInfo);
    headline.update('latency', tile.value, tile.hint);
    if (full) full.empty.hidden = totals.total > 0 || full.live.total > 0;
  }

  let feed = null;
  const subscribe = (scopeId) => new LiveFeed(ctx.api, meta.idField ? { scope, id: scopeId } : { scope }, {
    onTick: (tick) => {
      full.live.tick(tick);
      full.log.push(tick.events ?? []);
      // The stream sends only the newest events of a second: fetch the rest once they are committed.
      if (Object.values(tick.counts ?? {}).reduce((a, b) => a + b, 0) > (tick.events ?? []).length) full.log.catchUp();
      if (full.live.total > 0) full.empty.hidden = true;
    },
    onState: (state, detail) => {
      full.live.setState(state, detail);
      if (state === 'live') full.log.catchUp(); // what happened while not subscribed
    },
  });

  const unsubscribe = onFiltersChange(({ outcome }) => {
    if (full) {
      full.live.setOutcome(outcome);
      full.log.setFilter({ outcome }).catch(ctx.report);
    }
    refresh().catch((error) => bar.failed(error.message));
  });
  let destroyed = false;
  // The host renamed what this view shows (the dashboard's key page): look its name up anew.
  let showName = null;
  const renamed = () => showName?.(true).catch(ctx.report);
  window.addEventListener(RENAMED_EVENT, renamed);
  const timer = setInterval(() => refresh().catch((error) => bar.failed(error.message)), REFRESH_SECONDS * 1000);

  async function start() {
    let scopeId = id;
    if (scope === 'identity') scopeId = await identityIdOf(ctx, id);
    scopeFilter = meta.idField ? { [meta.idField]: scopeId } : {};
    subtitle.textContent = scopeId ?? '';
    if (meta.nameKind) {
      showName = async (fresh = false) => {
        if (fresh) ctx.names.forget(meta.nameKind, scopeId);
        const name = await ctx.names.lookup(meta.nameKind, scopeId);
        if (destroyed) return;
        if (name) title.textContent = meta.named ? meta.named(name) : `${meta.title} ${name}`;
        ctx.setTitle(name ?? id);
      };
      await showName();
    }
    // The compact summary has no live parts: no stream for it.
    if (!destroyed && full) feed = subscribe(scopeId);
    await Promise.all([refresh(), full?.log.reload()]);
  }

  return {
    element,
    start,
    destroy() {
      destroyed = true;
      window.removeEventListener(RENAMED_EVENT, renamed);
      feed?.close();
      clearInterval(timer);
      unsubscribe();
      bar.destroy();
      series.destroy();
      full?.live.destroy();
      full?.latency.chart.destroy();
      full?.log.destroy();
    },
  };
}
