// The time range and outcome filter shared by every view of the tab (kept while navigating).
import { t } from './i18n.js';

export const RANGES = [
  { id: '1h', get label() { return t('1 h'); }, get title() { return t('last hour'); },
    ms: 3_600_000, bucket: 'minute', bucketMs: 60_000 },
  { id: '24h', get label() { return t('24 h'); }, get title() { return t('last 24 hours'); },
    ms: 86_400_000, bucket: 'hour', bucketMs: 3_600_000 },
  { id: '7d', get label() { return t('7 d'); }, get title() { return t('last 7 days'); },
    ms: 7 * 86_400_000, bucket: 'hour', bucketMs: 3_600_000 },
  { id: '30d', get label() { return t('30 d'); }, get title() { return t('last 30 days'); },
    ms: 30 * 86_400_000, bucket: 'day', bucketMs: 86_400_000 },
];

const state = { range: '1h', outcome: '' };
const listeners = new Set();

export function filters() {
  return { ...state, rangeInfo: RANGES.find((range) => range.id === state.range) };
}

export function setFilter(name, value) {
  if (state[name] === value) return;
  state[name] = value;
  for (const listener of listeners) listener(filters());
}

export function onFiltersChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The query window of @p range: whole minutes (the top lists demand them), ending after now. */
export function windowOf(range, now = Date.now()) {
  const end = Math.ceil((now + 1) / 60_000) * 60_000;
  return { start: end - range.ms, end };
}
