// The live log of a namespace's rate-limit checks: the newest page of ratelimit.getLog, then what
// the stream brings (or a poll every few seconds when the server's stream has no namespace
// scope), newest first, de-duplicated by request id. Filters on identifier and decision; pausable.
import { h, replaceChildren } from '../dom.js';
import { clockTime, count, micros } from '../format.js';

const MAX_ROWS = 200;

export class RatelimitLog {
  /** @param {{load: (filter: {identifier?: string, passed?: boolean}) => Promise<object[]>}} options */
  constructor({ load }) {
    this.load = load;
    this.filter = { identifier: '', decision: '' };
    this.entries = new Map();
    this.paused = false;
    this.pending = [];
    this.body = h('tbody', { dataset: { testid: 'log-rows' } });
    this.pendingNote = h('span', { class: 'muted' });
    this.pauseButton = h('button', { type: 'button', class: 'button', dataset: { testid: 'log-pause' },
      onclick: () => this.setPaused(!this.paused) }, 'Pause');
    const decision = h('select', { class: 'select', 'aria-label': 'Decision filter',
      onchange: (event) => this.setFilter({ decision: event.target.value }) },
    h('option', { value: '' }, 'All decisions'), h('option', { value: 'passed' }, 'Passed'), h('option', { value: 'blocked' }, 'Blocked'));
    const identifier = h('input', { class: 'input', type: 'search', placeholder: 'Identifier', 'aria-label': 'Identifier filter',
      onchange: (event) => this.setFilter({ identifier: event.target.value.trim() }) });
    this.element = h('section', { class: 'card log-card' },
      h('header', { class: 'card-header' }, h('h2', {}, 'Live log'),
        h('div', { class: 'log-controls' }, decision, identifier, this.pendingNote, this.pauseButton)),
      h('div', { class: 'table-wrap' }, h('table', { class: 'log' },
        h('thead', {}, h('tr', {}, ['Time', 'Identifier', 'Decision', 'Cost', 'Remaining', 'Limit', 'Latency']
          .map((column) => h('th', { scope: 'col' }, column)))), this.body)));
  }

  matches(entry) {
    if (this.filter.identifier && entry.identifier !== this.filter.identifier) return false;
    if (this.filter.decision && entry.passed !== (this.filter.decision === 'passed')) return false;
    return true;
  }

  async setFilter(change) {
    Object.assign(this.filter, change);
    await this.reload();
  }

  async reload() {
    const filter = {};
    if (this.filter.identifier) filter.identifier = this.filter.identifier;
    if (this.filter.decision) filter.passed = this.filter.decision === 'passed';
    const loaded = await this.load(filter);
    this.entries.clear();
    this.pending = [];
    this.add(loaded);
  }

  push(entries) {
    const fresh = entries.filter((entry) => this.matches(entry) && !this.entries.has(entry.requestId));
    if (fresh.length === 0) return;
    if (this.paused) {
      this.pending.push(...fresh);
      this.pendingNote.textContent = `${count(this.pending.length)} new`;
      return;
    }
    this.add(fresh);
  }

  add(entries) {
    for (const entry of entries) this.entries.set(entry.requestId, entry);
    const sorted = [...this.entries.values()].sort((a, b) => b.time - a.time || (a.requestId < b.requestId ? 1 : -1));
    for (const stale of sorted.slice(MAX_ROWS)) this.entries.delete(stale.requestId);
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

  render(entries) {
    if (entries.length === 0) {
      replaceChildren(this.body, h('tr', {}, h('td', { colspan: 7, class: 'log-empty' },
        'No rate-limit checks yet. Checks made with ratelimit.limit appear here as they happen.')));
      return;
    }
    replaceChildren(this.body, entries.map((entry) => h('tr', { dataset: { passed: String(entry.passed), requestId: entry.requestId } },
      h('td', { class: 'mono' }, clockTime(entry.time)), h('td', { class: 'mono' }, entry.identifier),
      h('td', {}, h('span', { class: `badge ${entry.passed ? 'badge-VALID' : 'badge-FORBIDDEN'}` }, entry.passed ? 'Passed' : 'Blocked')),
      h('td', { class: 'num' }, count(entry.cost)), h('td', { class: 'num' }, count(entry.remaining)),
      h('td', { class: 'num' }, count(entry.limit)), h('td', { class: 'num' }, micros(entry.latencyUs)))));
  }
}
