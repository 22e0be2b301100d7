// The latency percentiles of a whole time range, for the headline tile. The server's series
// (analytics.getTimeseries, ratelimit.getTimeseries) carry p50/p99 per bucket, merged from the
// rollups' latency histograms. A range's own percentiles need the histograms of every bucket
// merged, which only the server can do: when a series carries them (data.latencyP50Us and
// data.latencyP99Us; null: no events) they are shown as they are. Otherwise they are approximated from the
// buckets with traffic, weighted by their traffic: the median of the buckets' p50 and the 99th
// percentile of their p99 (exact when one bucket holds all the traffic). Nothing is computed from
// raw events.
import { t } from './i18n.js';
import { micros } from './format.js';

function weightedQuantile(buckets, field, q) {
  const sorted = [...buckets].sort((a, b) => a[field] - b[field]);
  const total = sorted.reduce((sum, bucket) => sum + bucket.total, 0);
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.total;
    if (seen >= q * total) return bucket[field];
  }
  return sorted[sorted.length - 1][field];
}

/** @returns {{p50: number, p99: number, exact: boolean} | null}  null: no traffic in the range */
export function rangeLatency(series) {
  const busy = series.buckets.filter((bucket) => bucket.total > 0);
  if (busy.length === 0) return null;
  if (Number.isFinite(series.latencyP50Us) && Number.isFinite(series.latencyP99Us)) {
    return { p50: series.latencyP50Us, p99: series.latencyP99Us, exact: true };
  }
  return {
    p50: weightedQuantile(busy, 'latencyP50Us', 0.5),
    p99: weightedQuantile(busy, 'latencyP99Us', 0.99),
    exact: busy.length === 1,
  };
}

/** The tile's value and hint for @p series over @p rangeInfo (filters.js). */
export function latencyTile(series, rangeInfo) {
  const latency = rangeLatency(series);
  if (!latency) return { value: '—', hint: t('no traffic in range') };
  const approximated = { minute: t('≈ from the per-minute figures'), hour: t('≈ from the hourly figures'),
    day: t('≈ from the daily figures') }[rangeInfo.bucket];
  return {
    value: `${micros(latency.p50)} / ${micros(latency.p99)}`,
    hint: latency.exact ? rangeInfo.title : `${rangeInfo.title} · ${approximated}`,
  };
}
