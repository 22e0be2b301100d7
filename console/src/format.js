// Number, time and duration formatting shared by every view, for the console's locale (i18n.js):
// Intl formatters, made once per locale and options.
import { currentLocale, t } from './i18n.js';

const formatters = new Map();

function cached(kind, options) {
  const id = `${kind}|${currentLocale()}|${JSON.stringify(options)}`;
  if (!formatters.has(id)) {
    formatters.set(id, kind === 'number' ? new Intl.NumberFormat(currentLocale(), options)
      : new Intl.DateTimeFormat(currentLocale(), options));
  }
  return formatters.get(id);
}

/** @p value with at most @p digits fraction digits: "1,234" / "1.234", "1.5" / "1,5". */
export function decimal(value, digits = 0) {
  return cached('number', { maximumFractionDigits: digits }).format(value ?? 0);
}

export function count(value) {
  return decimal(value ?? 0);
}

export function compactCount(value) {
  return Math.abs(value) >= 10000 ? cached('number', { notation: 'compact', maximumFractionDigits: 1 }).format(value)
    : count(value);
}

/** "3 %", "0.4 %" (the locale's percent style); "—" without a whole. */
export function percent(part, whole) {
  if (!whole) return '—';
  const share = part / whole;
  return cached('number', { style: 'percent', maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0 }).format(share);
}

/** Microseconds as "85 µs", "1.2 ms", "2.3 s"; a measured 0 is "<1 µs", none is "—". */
export function micros(value) {
  if (value === undefined || value === null) return '—';
  if (value < 1) return `<${decimal(1)} µs`;
  if (value < 1000) return `${decimal(Math.round(value))} µs`;
  if (value < 1e6) return `${decimal(value / 1000, value < 1e4 ? 1 : 0)} ms`;
  return `${decimal(value / 1e6, 1)} s`;
}

export function clockTime(ms) {
  return cached('date', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
}

export function dateTime(ms) {
  return cached('date', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
}

/** Labels of a time axis: dates for day ticks, else times, with the date under the first tick of each day. */
export function axisTimes(secondsList, stepSeconds) {
  if (stepSeconds >= 86400) return secondsList.map((s) => cached('date', { month: 'short', day: 'numeric' }).format(s * 1000));
  const time = cached('date', stepSeconds < 60 ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
    : { hour: '2-digit', minute: '2-digit' });
  const day = cached('date', { month: 'short', day: 'numeric' });
  let previousDay = null;
  return secondsList.map((s) => {
    const date = new Date(s * 1000);
    const label = time.format(date);
    const dayKey = date.toDateString();
    if (dayKey === previousDay || stepSeconds < 3600) {
      previousDay = dayKey;
      return label;
    }
    previousDay = dayKey;
    return `${label}\n${day.format(date)}`;
  });
}

/** "per minute", "per hour", "per day" for an analytics bucket name. */
export function perBucket(bucket) {
  const texts = { minute: t('per minute'), hour: t('per hour'), day: t('per day') };
  return texts[bucket] ?? bucket;
}
