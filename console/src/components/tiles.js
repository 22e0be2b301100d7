// A row of headline numbers ("Verifications 1,204", "Rejection rate 3 %").
//
// A value is one line, never broken between a number and its unit ("107 µs / 19 ms"): where a
// tile is too narrow for it (long German labels make no difference, but five tiles beside a
// namespace list do) its font shrinks until it fits. A label may wrap ("Kosten (durchgelassen)"):
// the labels of one row of tiles then take the height of the tallest, so the values and hints of
// the row stay on one line with each other. In the compact summary labels and hints are one line
// too, shrunk like the values: its tiles are as tall in German and Spanish as in English, so its
// chart keeps its height in the host's fixed height (at 1024 px they wrapped and left the chart's
// plot ~48 px).
//
// The tiles stand in rows of equal length as far as they go: five in a row where five fit, else
// 3 + 2, never 4 + 1 with one tile alone under the others (a grid that fits as many as it can
// per row leaves the rest alone on the last one). Every row spans the whole width: the tiles of a
// shorter last row are wider, as wide as each other (issue 4: 3 + 2 left a hole at the end of the
// overview's second row at 1024 px).
import { h } from '../dom.js';

const SMALLEST_VALUE_SIZE = 14;
// The compact summary's labels and hints are one line each (styles.css), so its tiles are as tall
// in every language and with every hint: they shrink to this, then end in an ellipsis. Not below
// 11 px: a Spanish hint at 9 px was hard to read (walk 22); the texts are short enough instead.
const SMALLEST_LINE_SIZE = 11;
const NARROWEST_TILE = 170; // px; as the grid's minimum in styles.css

/**
 * How many columns @p count tiles take in @p width px with @p gap px between them: as few rows
 * as fit (a tile no narrower than @p narrowest), the tiles spread evenly over them.
 */
export function columnsFor(count, width, gap, narrowest = NARROWEST_TILE) {
  for (let rows = 1; rows < count; ++rows) {
    const columns = Math.ceil(count / rows);
    if (columns * narrowest + (columns - 1) * gap <= width) return columns;
  }
  return 1;
}

const gcd = (a, b) => (b ? gcd(b, a % b) : a);

/**
 * The grid for @p count tiles in rows of @p columns: how many grid columns, and how many of them
 * the tiles of a full row and those of the last row span, so that every row fills the width.
 */
export function spansFor(count, columns) {
  const rows = Math.ceil(count / columns);
  const last = count - (rows - 1) * columns;
  const grid = (columns * last) / gcd(columns, last);
  return { grid, full: grid / columns, last: grid / last, inFullRows: (rows - 1) * columns };
}

/**
 * Shrinks @p line's font until its one line fits its tile, down to @p smallest px (back to full
 * size where it fits); text still cut there (an ellipsis) is whole in its tooltip. A text that may
 * wrap (no `white-space: nowrap`) fits as it is.
 */
function fitLine(line, smallest) {
  line.style.fontSize = '';
  line.removeAttribute('title');
  if (line.scrollWidth <= line.clientWidth) return;
  // The stylesheet's size (smaller in the compact summary) is where it shrinks from.
  const full = parseFloat(getComputedStyle(line).fontSize);
  // scrollWidth is rounded to whole pixels: a little less, or a fraction of a pixel would still
  // overflow (and show the ellipsis).
  const size = Math.floor(full * (line.clientWidth / (line.scrollWidth + 1)) * 0.98 * 2) / 2;
  line.style.fontSize = `${Math.max(smallest, size)}px`;
  if (line.scrollWidth > line.clientWidth) line.title = line.textContent;
}

/** The labels of each row of @p cells as tall as the row's tallest. */
function alignRows(cells) {
  for (const { label } of cells) label.style.minHeight = '';
  const rows = new Map();
  for (const cell of cells) {
    const top = cell.label.offsetTop;
    rows.set(top, [...(rows.get(top) ?? []), cell.label]);
  }
  for (const labels of rows.values()) {
    const tallest = Math.max(...labels.map((label) => label.getBoundingClientRect().height));
    for (const label of labels) label.style.minHeight = `${tallest}px`;
  }
}

/** tiles([{id, label, value, hint, tone}]) → element; update(id, value, hint) changes one. */
export function tiles(definitions) {
  const cells = new Map();
  const element = h('div', { class: 'tiles' }, definitions.map((definition) => {
    const value = h('div', { class: 'tile-value', dataset: { testid: `tile-${definition.id}` } }, definition.value ?? '—');
    const hint = h('div', { class: 'tile-hint' }, definition.hint ?? '');
    const label = h('div', { class: 'tile-label' }, definition.label);
    const tile = h('div', { class: `tile ${definition.tone ?? ''}` }, label, value, hint);
    cells.set(definition.id, { tile, label, value, hint });
    return tile;
  }));

  // Laid out again when the row's width changes, one frame later: changing sizes inside the
  // observer's callback would make it report the tiles' new height in the same frame again.
  let width = -1;
  let pending = 0;
  const layout = () => {
    pending = 0;
    const style = getComputedStyle(element);
    const gap = parseFloat(style.columnGap) || 0;
    // The stylesheet may let tiles be narrower (--tile-min: the compact summary's smaller tiles).
    const narrowest = parseFloat(style.getPropertyValue('--tile-min')) || NARROWEST_TILE;
    const spans = spansFor(cells.size, columnsFor(cells.size, element.clientWidth, gap, narrowest));
    element.style.gridTemplateColumns = `repeat(${spans.grid}, minmax(0, 1fr))`;
    [...cells.values()].forEach(({ tile }, i) => {
      tile.style.gridColumn = `span ${i < spans.inFullRows ? spans.full : spans.last}`;
    });
    for (const { label, value, hint } of cells.values()) {
      fitLine(value, SMALLEST_VALUE_SIZE);
      fitLine(label, SMALLEST_LINE_SIZE);
      fitLine(hint, SMALLEST_LINE_SIZE);
    }
    alignRows([...cells.values()]);
  };
  const layoutSoon = () => {
    if (!pending) pending = requestAnimationFrame(layout);
  };
  new ResizeObserver(() => {
    if (element.clientWidth === width) return;
    width = element.clientWidth;
    layoutSoon();
  }).observe(element);

  return {
    element,
    update(id, value, hint) {
      const cell = cells.get(id);
      if (!cell) return;
      cell.value.textContent = value;
      if (hint !== undefined) cell.hint.textContent = hint;
      layoutSoon();
    },
  };
}
