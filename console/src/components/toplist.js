// "Top keys" / "Top owners" cards: a ranking by verifications, rejections or spent credits, each
// row a link to that key's or owner's view with a bar proportional to the leader.
import { h, replaceChildren } from '../dom.js';
import { count } from '../format.js';
import { t } from '../i18n.js';
import { newestOnly } from '../newest.js';

export const TOP_ORDERS = [
  { id: 'verifications', get label() { return t('Verifications'); } },
  { id: 'rejections', get label() { return t('Rejections'); } },
  // What the keys spent, as the live log's column says: "Credits" alone is a balance on the
  // dashboard's key page (walk 21/W11).
  { id: 'spentCredits', get label() { return t('Credits spent'); } },
];

/**
 * @param {{title: string, testid: string, orders?: {id,label}[], empty: string,
 *          load: (order: string) => Promise<{rows: {id, name?, href, value, detail?}[]}>}} options
 */
export function topList({ title, testid, orders = TOP_ORDERS, empty, load }) {
  let order = orders[0].id;
  const list = h('ol', { class: 'toplist', dataset: { testid } });
  const tabs = orders.map((candidate) => h('button', {
    type: 'button', class: candidate.id === order ? 'tab active' : 'tab', dataset: { order: candidate.id },
    onclick: () => {
      order = candidate.id;
      for (const tab of tabs) tab.classList.toggle('active', tab.dataset.order === order);
      refresh();
    },
  }, candidate.label));
  const element = h('section', { class: 'card' },
    h('header', { class: 'card-header' }, h('h2', {}, title), h('div', { class: 'tabs' }, tabs)), list);

  // CSSOM (element.style) is allowed by the CSP's style-src 'self'; style attributes are not.
  function bar(fraction) {
    const fill = h('span', { class: `toprow-fill order-${order}` });
    fill.style.width = `${Math.max(2, Math.round(fraction * 100))}%`;
    return h('span', { class: 'toprow-bar' }, fill);
  }

  const loads = newestOnly();
  async function refresh() {
    const current = loads.begin();
    const { rows } = await load(order);
    if (!current()) return;
    const visible = rows.filter((row) => row.value > 0);
    if (visible.length === 0) {
      replaceChildren(list, h('li', { class: 'toplist-empty' }, empty));
      return;
    }
    const leader = Math.max(...visible.map((row) => row.value));
    replaceChildren(list, visible.map((row) => h('li', { class: 'toprow', dataset: { id: row.id } },
      h(row.href ? 'a' : 'span', { href: row.href, class: 'toprow-name', title: row.id }, row.name ?? row.id,
        row.name ? h('span', { class: 'muted mono' }, ` ${row.id}`) : null),
      h('span', { class: 'toprow-value' }, count(row.value)),
      bar(row.value / leader),
      row.detail ? h('span', { class: 'toprow-detail muted' }, row.detail) : null)));
  }
  return { element, refresh };
}
