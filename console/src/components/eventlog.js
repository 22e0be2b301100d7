// The live log of recent verifications: the newest page from analytics.getVerificationLog, then
// every event the live stream brings, newest first, de-duplicated by request id. Filters on
// outcome, tag and key; pausable (new events wait, counted, until resumed).
import { h, replaceChildren } from '../dom.js';
import { clockTime, count, micros } from '../format.js';
import { OUTCOMES, outcomeLabel } from '../outcomes.js';

const MAX_ROWS = 200;

export class EventLog {
  /**
   * @param {{load: (filter) => Promise<object[]>, showKey: boolean, outcome: string}} options
   *        load(filter) returns the newest events matching {outcomes?, tags?, keyId?}
   */
  constructor({ load, showKey = true, outcome = '' }) {
    this.load = load;
    this.showKey = showKey;
    this.filter = { outcome, tag: '', key: '' };
    this.events = new Map(); // requestId -> event
    this.paused = false;
    this.pending = [];
    this.body = h('tbody', { dataset: { testid: 'log-rows' } });
    this.pauseButton = h('button', { type: 'button', class: 'button', dataset: { testid: 'log-pause' },
      onclick: () => this.setPaused(!this.paused) }, 'Pause');
    this.pendingNote = h('span', { class: 'muted' });
    this.outcomeSelect = h('select', { class: 'select', 'aria-label': 'Log outcome filter',
      onchange: (event) => this.setFilter({ outcome: event.target.value }) },
    h('option', { value: '' }, 'All outcomes'), OUTCOMES.map((o) => h('option', { value: o.id }, o.label)));
    this.outcomeSelect.value = outcome;
    const tagInput = h('input', { class: 'input', type: 'search', placeholder: 'Tag', 'aria-label': 'Tag filter',
      onchange: (event) => this.setFilter({ tag: event.target.value.trim() }) });
    const keyInput = showKey && h('input', { class: 'input', type: 'search', placeholder: 'Key id',
      'aria-label': 'Key filter', onchange: (event) => this.setFilter({ key: event.target.value.trim() }) });
    this.element = h('section', { class: 'card log-card' },
      h('header', { class: 'card-header' }, h('h2', {}, 'Live log'),
        h('div', { class: 'log-controls' }, this.outcomeSelect, tagInput, keyInput, this.pendingNote, this.pauseButton)),
      h('div', { class: 'table-wrap' }, h('table', { class: 'log' },
        h('thead', {}, h('tr', {}, ['Time', 'Key', 'Owner', 'Outcome', 'Tags', 'Credits', 'Latency']
          .map((title) => h('th', { scope: 'col' }, title)))), this.body)));
  }

  matches(event) {
    if (this.filter.outcome && event.outcome !== this.filter.outcome) return false;
    if (this.filter.tag && !(event.tags ?? []).includes(this.filter.tag)) return false;
    if (this.filter.key && event.keyId !== this.filter.key) return false;
    return true;
  }

  async setFilter(change) {
    Object.assign(this.filter, change);
    if (change.outcome !== undefined) this.outcomeSelect.value = this.filter.outcome;
    await this.reload();
  }

  async reload() {
    const filter = {};
    if (this.filter.outcome) filter.outcomes = [this.filter.outcome];
    if (this.filter.tag) filter.tags = [this.filter.tag];
    if (this.filter.key) filter.keyId = this.filter.key;
    const loaded = await this.load(filter);
    this.events.clear();
    this.pending = [];
    this.add(loaded);
  }

  /** Events from the stream (newest first). */
  push(events) {
    const fresh = events.filter((event) => this.matches(event) && !this.events.has(event.requestId));
    if (fresh.length === 0) return;
    if (this.paused) {
      this.pending.push(...fresh);
      this.pendingNote.textContent = `${count(this.pending.length)} new`;
      return;
    }
    this.add(fresh);
  }

  add(events) {
    for (const event of events) this.events.set(event.requestId, event);
    const sorted = [...this.events.values()].sort((a, b) => b.time - a.time || (a.requestId < b.requestId ? 1 : -1));
    for (const stale of sorted.slice(MAX_ROWS)) this.events.delete(stale.requestId);
    this.render(sorted.slice(0, MAX_ROWS));
  }

  setPaused(paused) {
    this.paused = paused;
    this.pauseButton.textContent = paused ? 'Resume' : 'Pause';
    this.pauseButton.classList.toggle('active', paused);
    if (!paused) {
      const pending = this.pending;
      this.pending = [];
      this.pendingNote.textContent = '';
      if (pending.length) this.add(pending);
    }
  }

  render(events) {
    if (events.length === 0) {
      replaceChildren(this.body, h('tr', {}, h('td', { colspan: 7, class: 'log-empty' },
        'No events yet. New verifications appear here as they happen.')));
      return;
    }
    replaceChildren(this.body, events.map((event) => h('tr', { dataset: { outcome: event.outcome, requestId: event.requestId } },
      h('td', { class: 'mono' }, clockTime(event.time)),
      h('td', {}, h('a', { href: `#/keys/${encodeURIComponent(event.keyId)}`, class: 'mono' }, event.keyId)),
      h('td', {}, event.identityId
        ? h('a', { href: `#/identities/${encodeURIComponent(event.identityId)}` }, event.externalId ?? event.identityId)
        : h('span', { class: 'muted' }, '—')),
      h('td', {}, h('span', { class: `badge badge-${event.outcome}` }, outcomeLabel(event.outcome))),
      h('td', {}, (event.tags ?? []).map((tag) => h('span', { class: 'tag' }, tag))),
      h('td', { class: 'num' }, count(event.spentCredits ?? 0)),
      h('td', { class: 'num' }, micros(event.latencyUs)))));
  }
}
