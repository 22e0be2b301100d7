// A row of headline numbers ("Verifications 1,204", "Rejection rate 3 %").
import { h } from '../dom.js';

/** tiles([{id, label, value, hint, tone}]) → element; update(id, value, hint) changes one. */
export function tiles(definitions) {
  const cells = new Map();
  const element = h('div', { class: 'tiles' }, definitions.map((definition) => {
    const value = h('div', { class: 'tile-value', dataset: { testid: `tile-${definition.id}` } }, definition.value ?? '—');
    const hint = h('div', { class: 'tile-hint' }, definition.hint ?? '');
    cells.set(definition.id, { value, hint });
    return h('div', { class: `tile ${definition.tone ?? ''}` }, h('div', { class: 'tile-label' }, definition.label), value, hint);
  }));
  return {
    element,
    update(id, value, hint) {
      const cell = cells.get(id);
      if (!cell) return;
      cell.value.textContent = value;
      if (hint !== undefined) cell.hint.textContent = hint;
    },
  };
}
