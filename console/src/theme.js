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

/** Calls @p listener(theme) on every change; returns the unsubscribe function. */
export function onThemeChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A CSS custom property of the current theme (chart axes and grid read theirs from here). */
export function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
