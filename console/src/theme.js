// Light and dark themes: the host's choice in embed mode, else the user's toggle (remembered in
// localStorage — a preference, not a secret), else the system's prefers-color-scheme.

const STORAGE_KEY = 'latchkey.theme';
const listeners = new Set();
let forced = null;

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function currentTheme() {
  const choice = forced ?? stored();
  if (choice === 'light' || choice === 'dark') return choice;
  return systemDark.matches ? 'dark' : 'light';
}

function apply() {
  const theme = currentTheme();
  if (document.documentElement.dataset.theme === theme) return;
  document.documentElement.dataset.theme = theme;
  for (const listener of listeners) listener(theme);
}

/** Starts theming; @p hostTheme ('light'|'dark') wins over everything (embed mode). */
export function initTheme(hostTheme) {
  if (hostTheme === 'light' || hostTheme === 'dark') forced = hostTheme;
  systemDark.addEventListener('change', apply);
  apply();
}

export function toggleTheme() {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    forced = next;
  }
  apply();
}

// The host's colours in embed mode (window.latchkeyEmbed.palette): the dashboard passes its own
// page, card, text and accent colours, so its embedded charts sit on the same greys as the cards
// around them instead of the console's navy. Each name sets the custom properties listed; only
// these names and "#rrggbb" values are taken (anything else keeps the theme's own colour). Set on
// <html> through the CSSOM, which the CSP's style-src 'self' allows (no style attribute in markup).
const PALETTE = {
  background: ['--bg', '--code'],
  surface: ['--card', '--input'],
  border: ['--card-border', '--chart-grid'],
  text: ['--text'],
  muted: ['--muted', '--chart-axis'],
  accent: ['--accent'],
  accentSoft: ['--accent-soft'],
};

/** Applies the host's @p palette over the theme; returns the names taken. */
export function applyPalette(palette) {
  const taken = [];
  if (!palette || typeof palette !== 'object') return taken;
  for (const [name, properties] of Object.entries(PALETTE)) {
    const value = palette[name];
    if (typeof value !== 'string' || !/^#[0-9a-f]{6}$/i.test(value)) continue;
    for (const property of properties) document.documentElement.style.setProperty(property, value);
    taken.push(name);
  }
  return taken;
}

/** Calls @p listener(theme) on every change; returns the unsubscribe function. */
export function onThemeChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A CSS custom property of the current theme (chart axes and grid read theirs from here). */
export function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
