// The live log of recent verifications (LiveLog: analytics.getVerificationLog, then the stream),
// with filters on outcome, tag and key.
import { h } from '../dom.js';
import { clockTime, count, micros } from '../format.js';
import { t } from '../i18n.js';
import { OUTCOMES, outcomeLabel } from '../outcomes.js';
import { LiveLog } from './livelog.js';

export class EventLog extends LiveLog {
  /**
   * @param {{load: (query) => Promise<object[]>, showKey: boolean, outcome: string}} options
   *        load(query) returns the newest events matching {outcomes?, tags?, keyId?}; showKey
   *        false: a view of one key, whose log has neither the key filter nor the Key column
   *        (the same id on every row, walk 23/Y9)
   */
  constructor({ load, showKey = true, outcome = '' }) {
    super({ load, emptyText: t('No events yet. New verifications appear here as they happen.'),
      columns: [t('Time'), showKey && t('Key'), t('Owner'), t('Outcome'), t('Tags'), t('Credits spent'), t('Latency')]
        .filter(Boolean) });
    this.showKey = showKey;
    this.filter = { outcome, tag: '', key: '' };
    this.outcomeSelect = h('select', { class: 'select', 'aria-label': t('Log outcome filter'),
      onchange: (event) => this.setFilter({ outcome: event.target.value }) },
    h('option', { value: '' }, t('All outcomes')), OUTCOMES.map((o) => h('option', { value: o.id }, o.label)));
    this.outcomeSelect.value = outcome;
    const tagInput = h('input', { class: 'input', type: 'search', placeholder: t('Tag'), 'aria-label': t('Tag filter'),
      onchange: (event) => this.setFilter({ tag: event.target.value.trim() }) });
    const keyInput = showKey && h('input', { class: 'input', type: 'search', placeholder: t('Key id'),
      'aria-label': t('Key filter'), onchange: (event) => this.setFilter({ key: event.target.value.trim() }) });
    this.addControls(this.outcomeSelect, tagInput, keyInput);
  }

  query() {
    const query = {};
    if (this.filter.outcome) query.outcomes = [this.filter.outcome];
    if (this.filter.tag) query.tags = [this.filter.tag];
    if (this.filter.key) query.keyId = this.filter.key;
    return query;
  }

  matches(event) {
    if (this.filter.outcome && event.outcome !== this.filter.outcome) return false;
    if (this.filter.tag && !(event.tags ?? []).includes(this.filter.tag)) return false;
    if (this.filter.key && event.keyId !== this.filter.key) return false;
    return true;
  }

  async setFilter(change) {
    if (change.outcome !== undefined) this.outcomeSelect.value = change.outcome;
    await super.setFilter(change);
  }

  row(event) {
    return h('tr', { dataset: { outcome: event.outcome, requestId: event.requestId } },
      h('td', { class: 'mono' }, clockTime(event.time)),
      this.showKey && h('td', {}, h('a', { href: `#/keys/${encodeURIComponent(event.keyId)}`, class: 'mono' }, event.keyId)),
      h('td', {}, event.identityId
        ? h('a', { href: `#/identities/${encodeURIComponent(event.identityId)}` }, event.externalId ?? event.identityId)
        : h('span', { class: 'muted' }, '—')),
      h('td', {}, h('span', { class: `badge badge-${event.outcome}` }, outcomeLabel(event.outcome))),
      h('td', {}, (event.tags ?? []).map((tag) => h('span', { class: 'tag' }, tag))),
      h('td', { class: 'num' }, count(event.spentCredits ?? 0)),
      h('td', { class: 'num' }, micros(event.latencyUs)));
  }
}
