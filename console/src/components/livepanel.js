// The live card: events per second over the last minute, stacked by outcome (or passed/blocked
// for rate limits), fed once a second by the stream's ticks (a second without a tick had no
// events), with the current rate and the count since the page opened.
import { h } from '../dom.js';
import { count } from '../format.js';
import { t } from '../i18n.js';
import { OUTCOMES } from '../outcomes.js';
import { stackedCard } from './chartcard.js';

const WINDOW_SECONDS = 60;

export class LivePanel {
  constructor({ outcome = '', series = OUTCOMES, subtitle = t('verifications per second, last 60 s') } = {}) {
    this.outcome = outcome;
    this.series = series;
    this.seconds = new Map(); // second (unix s) -> counts
    this.total = 0;
    this.clockOffsetMs = 0; // server time - browser time, from the ticks
    this.rate = h('span', { class: 'live-rate', dataset: { testid: 'live-rate' } }, '0');
    this.totalElement = h('span', { dataset: { testid: 'live-total' } }, '0');
    this.state = h('span', { class: 'live-state connecting', dataset: { testid: 'live-state' } }, t('Connecting'));
    this.card = stackedCard({
      title: t('Live'), subtitle, series, bucketSeconds: 1, height: 160, testid: 'live-chart', empty: t('Waiting for events…'),
    });
    this.card.element.classList.add('live-card');
    this.card.element.querySelector('.card-header').append(h('div', { class: 'live-figures' },
      this.state, h('span', {}, this.rate, h('small', {}, ` ${t('/s')}`)),
      h('span', { class: 'muted' }, `${t('since opened:')} `, this.totalElement)));
    this.element = this.card.element;
    this.timer = setInterval(() => this.render(), 1000);
    this.render();
  }

  setState(state, detail) {
    const labels = { connecting: t('Connecting'), live: t('Live'), reconnecting: t('Reconnecting'), error: t('Unavailable') };
    this.state.textContent = labels[state] ?? state;
    this.state.className = `live-state ${state}`;
    this.state.title = detail ?? '';
  }

  setOutcome(outcome) {
    this.outcome = outcome;
    this.render();
  }

  tick(tick) {
    this.clockOffsetMs = tick.time - Date.now();
    const second = Math.floor(tick.time / 1000) - 1; // the tick reports the second that just ended
    this.seconds.set(second, tick.counts ?? {});
    const sum = Object.values(tick.counts ?? {}).reduce((a, b) => a + b, 0);
    this.total += sum;
    this.totalElement.textContent = count(this.total);
    this.render();
  }

  render() {
    const now = Math.floor((Date.now() + this.clockOffsetMs) / 1000) - 1;
    const times = [];
    const values = Object.fromEntries(this.series.map((serie) => [serie.id, []]));
    for (let second = now - WINDOW_SECONDS + 1; second <= now; ++second) {
      times.push(second * 1000);
      const counts = this.seconds.get(second) ?? {};
      for (const serie of this.series) values[serie.id].push(counts[serie.id] ?? 0);
    }
    for (const second of this.seconds.keys()) if (second < now - WINDOW_SECONDS) this.seconds.delete(second);
    const visible = this.outcome ? [this.outcome] : undefined;
    this.card.setData(times, values, { visible });
    const last = this.seconds.get(now) ?? this.seconds.get(now - 1) ?? {};
    const rate = Object.entries(last).filter(([id]) => !this.outcome || id === this.outcome)
      .reduce((sum, [, value]) => sum + value, 0);
    this.rate.textContent = count(rate);
  }

  destroy() {
    clearInterval(this.timer);
    this.card.destroy();
  }
}
