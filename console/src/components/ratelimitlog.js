// The live log of a namespace's rate-limit checks (LiveLog: ratelimit.getLog, then the stream or
// a poll), with filters on identifier and decision.
import { h } from '../dom.js';
import { clockTime, count, micros } from '../format.js';
import { t } from '../i18n.js';
import { LiveLog } from './livelog.js';

export class RatelimitLog extends LiveLog {
  /** @param {{load: (query: {identifier?: string, passed?: boolean}) => Promise<object[]>}} options */
  constructor({ load }) {
    super({ load, emptyText: t('No rate-limit checks yet. Checks made with ratelimit.limit appear here as they happen.'),
      columns: [t('Time'), t('Identifier'), t('Decision'), t('Cost'), t('Remaining'), t('Limit'), t('Latency')] });
    this.filter = { identifier: '', decision: '' };
    const decision = h('select', { class: 'select', 'aria-label': t('Decision filter'),
      onchange: (event) => this.setFilter({ decision: event.target.value }) },
    h('option', { value: '' }, t('All decisions')), h('option', { value: 'passed' }, t('Passed')),
    h('option', { value: 'blocked' }, t('Blocked')));
    const identifier = h('input', { class: 'input', type: 'search', placeholder: t('Identifier'),
      'aria-label': t('Identifier filter'), onchange: (event) => this.setFilter({ identifier: event.target.value.trim() }) });
    this.addControls(decision, identifier);
  }

  query() {
    const query = {};
    if (this.filter.identifier) query.identifier = this.filter.identifier;
    if (this.filter.decision) query.passed = this.filter.decision === 'passed';
    return query;
  }

  matches(entry) {
    if (this.filter.identifier && entry.identifier !== this.filter.identifier) return false;
    if (this.filter.decision && entry.passed !== (this.filter.decision === 'passed')) return false;
    return true;
  }

  row(entry) {
    return h('tr', { dataset: { passed: String(entry.passed), requestId: entry.requestId } },
      h('td', { class: 'mono' }, clockTime(entry.time)), h('td', { class: 'mono' }, entry.identifier),
      h('td', {}, h('span', { class: `badge ${entry.passed ? 'badge-VALID' : 'badge-FORBIDDEN'}` },
        entry.passed ? t('Passed') : t('Blocked'))),
      h('td', { class: 'num' }, count(entry.cost)), h('td', { class: 'num' }, count(entry.remaining)),
      h('td', { class: 'num' }, count(entry.limit)), h('td', { class: 'num' }, micros(entry.latencyUs)));
  }
}
