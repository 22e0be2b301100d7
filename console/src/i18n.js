// The console's language: English, German and Spanish texts (hand-written tables in i18n/, keyed by
// the English text, so the source reads as English and a missing entry falls back to it), and the
// locale every number, date and time is formatted for.
//
// Which language: in embed mode the host's window.latchkeyEmbed.lang, else navigator.language; the
// standalone console lets the user pick one in its chrome and remembers the pick in localStorage
// (a preference, not a secret). A tag whose language has no table gets English texts and English
// formats, so a page never mixes two languages.
import de from './i18n/de.js';
import en from './i18n/en.js';
import es from './i18n/es.js';

const TABLES = { en, de, es };
const STORAGE_KEY = 'latchkey.language';
const listeners = new Set();

/** The languages of the picker, each named in itself. */
export const LANGUAGES = [
  { id: 'en', name: 'English' },
  { id: 'de', name: 'Deutsch' },
  { id: 'es', name: 'Español' },
];

let language = 'en';
let locale = 'en';
let plurals = new Intl.PluralRules('en');

function canonical(tag) {
  try {
    return Intl.getCanonicalLocales(tag || [])[0];
  } catch {
    return undefined; // not a well-formed tag
  }
}

function apply(tag) {
  const canon = canonical(tag);
  const base = canon?.split('-')[0];
  language = base in TABLES ? base : 'en';
  locale = base in TABLES ? canon : 'en';
  plurals = new Intl.PluralRules(locale);
  document.documentElement.lang = locale;
}

function storedChoice() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The standalone console's remembered pick, with the browser's region when the languages agree. */
function tagOf(choice) {
  return canonical(navigator.language)?.split('-')[0] === choice ? navigator.language : choice;
}

/** Picks the language once at start: @p hostLang (embed mode), else the stored pick, else the browser's. */
export function initLanguage({ embedded, hostLang }) {
  const stored = embedded ? null : storedChoice();
  if (embedded) apply(hostLang || navigator.language);
  else apply(stored in TABLES ? tagOf(stored) : navigator.language);
}

/** The picker's choice (standalone only): remembered, applied, and announced to the listeners. */
export function setLanguage(id) {
  if (!(id in TABLES) || id === language) return;
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // storage unavailable: the choice lasts as long as the page
  }
  apply(tagOf(id));
  for (const listener of listeners) listener(language);
}

/** Calls @p listener(language) on every change; returns the unsubscribe function. */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** 'en', 'de' or 'es': the language of the texts. */
export function currentLanguage() {
  return language;
}

/** The BCP 47 tag numbers and dates are formatted for (e.g. 'de-DE'). */
export function currentLocale() {
  return locale;
}

/**
 * The text @p text (English) in the current language, with {name} replaced by @p params.name. An
 * entry may have plural forms ({one, other, ...}), chosen by the number params.count.
 */
export function t(text, params) {
  let entry = TABLES[language][text] ?? en[text] ?? text;
  if (typeof entry === 'object') entry = entry[plurals.select(params?.count ?? 0)] ?? entry.other;
  if (!params) return entry;
  return entry.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Every table, for the completeness check of the tests. */
export const TRANSLATIONS = TABLES;
