// The view toolbar: time range picker, outcome filter, and the auto-refresh indicator.
import { h } from '../dom.js';
import { RANGES, filters, onFiltersChange, setFilter } from '../filters.js';
import { OUTCOMES } from '../outcomes.js';
import { clockTime } from '../format.js';
import { t } from '../i18n.js';

export function toolbar({ showOutcomes = true, refreshSeconds, onRefresh }) {
  const current = filters();
  const rangeButtons = RANGES.map((range) => h('button', {
    type: 'button', class: range.id === current.range ? 'seg active' : 'seg', title: range.title,
    'aria-pressed': String(range.id === current.range), dataset: { range: range.id },
    onclick: () => setFilter('range', range.id),
  }, range.label));
  const outcomeSelect = showOutcomes && h('select', {
    class: 'select', 'aria-label': t('Outcome filter'), dataset: { testid: 'outcome-filter' },
    onchange: (event) => setFilter('outcome', event.target.value),
  }, h('option', { value: '' }, t('All outcomes')),
  OUTCOMES.map((outcome) => h('option', { value: outcome.id }, outcome.label)));
  if (outcomeSelect) outcomeSelect.value = current.outcome;
  const status = h('span', { class: 'refresh-status', dataset: { testid: 'refresh-status' } }, t('Loading…'));
  const spinner = h('span', { class: 'spinner', 'aria-hidden': 'true' });
  const element = h('div', { class: 'toolbar' },
    h('div', { class: 'segmented', role: 'group', 'aria-label': t('Time range') }, rangeButtons),
    outcomeSelect,
    h('button', { type: 'button', class: 'refresh', title: t('Refreshes every {n} s; click to refresh now', { n: refreshSeconds }),
      dataset: { testid: 'refresh' }, onclick: () => onRefresh?.() }, spinner, status));
  const unsubscribe = onFiltersChange((changed) => {
    for (const button of rangeButtons) {
      button.classList.toggle('active', button.dataset.range === changed.range);
      button.setAttribute('aria-pressed', String(button.dataset.range === changed.range));
    }
    if (outcomeSelect) outcomeSelect.value = changed.outcome;
  });
  return {
    element,
    destroy: unsubscribe,
    loading(on) {
      spinner.classList.toggle('spinning', on);
    },
    refreshed(ms) {
      status.textContent = t('Updated {time} · every {n} s', { time: clockTime(ms), n: refreshSeconds });
      status.classList.remove('failed');
    },
    failed(message) {
      status.textContent = t('Refresh failed: {reason}', { reason: message });
      status.classList.add('failed');
    },
  };
}
