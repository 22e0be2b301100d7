// What the verification log and the rate-limit log share: a card with a table of the newest
// entries, loaded from a log endpoint and then fed by the live stream, newest first and
// de-duplicated by request id; pausable (new entries wait, counted, until resumed).
//
// Closing the gap at the start: an event that happened just before the view subscribed to the
// stream is in neither source yet: the stream never sends it (it had no subscriber to go to) and
// the analytics writer commits it up to ~1 s later, after the first page was loaded. So every
// (re)load and every (re)connection of the stream is followed by catch-up loads that merge the
// newest page in again once such events are committed; the same happens when a tick of the
// stream carried fewer events than it counted (the stream sends the newest 20 per second).
import { h, replaceChildren } from '../dom.js';
import { count } from '../format.js';
import { t } from '../i18n.js';

const MAX_ROWS = 200;
/** After the writer's batch delay (1 s) with room for a slow machine; the last one for a very slow one. */
const CATCH_UP_MS = [1500, 4000, 10000];

export class LiveLog {
  /**
   * @param {{load: (query: object) => Promise<object[]>, columns: string[], emptyText: string}} options
   *        load(query) returns the newest entries matching query() (the subclass's filter)
   */
  constructor({ load, columns, emptyText }) {
    this.load = load;
    this.columns = columns;
    this.emptyText = emptyText;
    this.filter = {};
    this.entries = new Map(); // requestId -> entry
    this.pending = new Map(); // held back while paused
    this.paused = false;
    this.generation = 0; // bumped by every reload: older answers are dropped
    this.catchUps = new Set();
    this.arriving = null;
    this.destroyed = false;
    this.body = h('tbody', { dataset: { testid: 'log-rows' } });
    this.pendingNote = h('span', { class: 'muted', dataset: { testid: 'log-pending' } });
    this.pauseButton = h('button', { type: 'button', class: 'button', dataset: { testid: 'log-pause' },
      onclick: () => this.setPaused(!this.paused) }, t('Pause'));
    this.controls = h('div', { class: 'log-controls' }, this.pendingNote, this.pauseButton);
    this.element = h('section', { class: 'card log-card' },
      h('header', { class: 'card-header' }, h('h2', {}, t('Live log')), this.controls),
      h('div', { class: 'table-wrap' }, h('table', { class: 'log' },
        h('thead', {}, h('tr', {}, columns.map((title) => h('th', { scope: 'col' }, title)))), this.body)));
  }

  /** Filter inputs, placed before the pause button. */
  addControls(...elements) {
    this.pendingNote.before(...elements.filter(Boolean));
  }

  /** The API filter of the current choice (subclasses). */
  query() {
    return {};
  }

  /** Whether a streamed @p entry passes the current choice (subclasses). */
  matches() {
    return true;
  }

  /** The table row of @p entry (subclasses). */
  row() {
    return h('tr');
  }

  async setFilter(change) {
    Object.assign(this.filter, change);
    await this.reload();
  }

  /** Loads the newest page afresh (at the start and after a filter change), then catches up. */
  async reload() {
    const generation = ++this.generation;
    const arrived = new Map(); // streamed while the page loads: kept, the rows before are not
    this.arriving = arrived;
    const loaded = await this.load(this.query());
    if (generation !== this.generation) return;
    this.arriving = null;
    this.entries = new Map();
    this.pending.clear();
    this.pendingNote.textContent = '';
    this.add(loaded);
    this.push([...arrived.values()]);
    this.catchUp({ restart: true });
  }

  /**
   * Merges the newest page in again after each of CATCH_UP_MS (unless already scheduled, or
   * @p restart): events committed since are added, the ones already shown are not.
   */
  catchUp({ restart = false } = {}) {
    if (restart) this.stopCatchingUp();
    else if (this.catchUps.size > 0) return;
    for (const delay of CATCH_UP_MS) {
      const timer = setTimeout(async () => {
        this.catchUps.delete(timer);
        const generation = this.generation;
        const loaded = await this.load(this.query()).catch(() => null);
        if (loaded && generation === this.generation && !this.destroyed) this.push(loaded);
      }, delay);
      this.catchUps.add(timer);
    }
  }

  stopCatchingUp() {
    for (const timer of this.catchUps) clearTimeout(timer);
    this.catchUps.clear();
  }

  /** Entries from the stream or a catch-up (any order); what is already known is skipped. */
  push(entries) {
    const fresh = entries.filter((entry) => this.matches(entry) && !this.entries.has(entry.requestId)
      && !this.pending.has(entry.requestId));
    if (fresh.length === 0) return;
    for (const entry of fresh) this.arriving?.set(entry.requestId, entry);
    if (this.paused) {
      for (const entry of fresh) this.pending.set(entry.requestId, entry);
      this.pendingNote.textContent = t('{n} new', { count: this.pending.size, n: count(this.pending.size) });
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
    this.pauseButton.textContent = paused ? t('Resume') : t('Pause');
    this.pauseButton.classList.toggle('active', paused);
    if (!paused) {
      const pending = [...this.pending.values()];
      this.pending.clear();
      this.pendingNote.textContent = '';
      if (pending.length) this.add(pending);
    }
  }

  render(entries) {
    if (entries.length === 0) {
      replaceChildren(this.body, h('tr', {}, h('td', { colspan: this.columns.length, class: 'log-empty' }, this.emptyText)));
      return;
    }
    replaceChildren(this.body, entries.map((entry) => this.row(entry)));
  }

  destroy() {
    this.destroyed = true;
    this.stopCatchingUp();
  }
}
