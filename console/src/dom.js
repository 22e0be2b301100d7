// A tiny element builder. Text always goes in as text nodes (never innerHTML), so data from the
// server cannot inject markup, and nothing needs an inline style or script (the CSP forbids both).

/**
 * h('div', {class: 'card', onclick: fn, dataset: {x: 1}}, 'text', child, [more, children])
 * Attributes: `class`, `dataset`, `on<event>` handlers, booleans (set when true), else setAttribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of @p element. */
export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}
