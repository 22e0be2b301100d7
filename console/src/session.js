// Where the root key lives: in the tab's sessionStorage after a login (gone when the tab closes,
// never in localStorage, a cookie or a URL), or only in memory when the dashboard hands it over
// in embed mode (window.latchkeyEmbed, injected before our scripts run, with the host's theme,
// colours, language and, for its local server, the path of the root key file that the curl hints
// read).

const STORAGE_KEY = 'latchkey.rootKey';

export class Session {
  constructor() {
    const params = new URLSearchParams(window.location.search);
    this.embedded = params.get('embed') === '1';
    /** The verification views as their compact summary (?compact=1; embedded or not). */
    this.compact = params.get('compact') === '1';
    const host = this.embedded ? window.latchkeyEmbed : undefined;
    this.hostTheme = host?.theme ?? (this.embedded ? params.get('theme') : null);
    /** The host's BCP 47 language tag (embed mode only; never read from the address). */
    this.hostLang = typeof host?.lang === 'string' ? host.lang : null;
    /** The host's colours (embed mode only; theme.js applyPalette checks every value). */
    this.hostPalette = host?.palette ?? null;
    this.memoryKey = typeof host?.rootKey === 'string' && host.rootKey ? host.rootKey : null;
    /** Where the host's local server keeps its root key (a path, never the key; embed mode only). */
    this.hostRootKeyFile = typeof host?.rootKeyFile === 'string' && host.rootKeyFile ? host.rootKeyFile : null;
    /** The height (CSS px) the host gives the compact summary, which fills it (embed mode only; null: its own). */
    this.hostSummaryHeight = Number.isInteger(host?.summaryHeight) && host.summaryHeight > 0 ? host.summaryHeight : null;
  }

  get rootKey() {
    if (this.embedded) return this.memoryKey;
    try {
      return sessionStorage.getItem(STORAGE_KEY);
    } catch {
      return this.memoryKey;
    }
  }

  login(rootKey) {
    this.memoryKey = null;
    try {
      sessionStorage.setItem(STORAGE_KEY, rootKey);
    } catch {
      this.memoryKey = rootKey;
    }
  }

  logout() {
    this.memoryKey = null;
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage unavailable: the key was only in memory
    }
  }
}
