// The console shell: session, hash routing (#/overview, #/apis, #/apis/<id>, #/keys/<id>,
// #/identities/<id>, #/namespaces/<name>), navigation chrome (none in embed mode), the one place
// failures become a message, and the readiness signal the dashboard waits for
// (document.title "latchkey:ready" / "latchkey:error" in embed mode). A language switch builds
// the chrome and the current view anew, in the new language. ?compact=1 shows the verification
// views (overview, API, key, owner) as their compact summary (views/analytics.js).
import { h, replaceChildren } from './dom.js';
import { Api } from './api.js';
import { startEmbedding } from './embed.js';
import { initLanguage, onLanguageChange, t } from './i18n.js';
import { languagePicker } from './components/languagepicker.js';
import { Names } from './names.js';
import { Session } from './session.js';
import { applyPalette, initTheme, toggleTheme, currentTheme, onThemeChange } from './theme.js';
import { analyticsView } from './views/analytics.js';
import { apisView } from './views/apis.js';
import { loginView } from './views/login.js';
import { namespaceView } from './views/namespace.js';

const ROUTES = [
  [/^#?\/?(overview)?$/, () => ['overview', analyticsView, { scope: 'workspace' }]],
  [/^#\/apis$/, () => ['apis', apisView, {}]],
  [/^#\/apis\/([^/]+)$/, (id) => ['apis', analyticsView, { scope: 'api', id }]],
  [/^#\/keys\/([^/]+)$/, (id) => ['keys', analyticsView, { scope: 'key', id }]],
  [/^#\/identities\/([^/]+)$/, (id) => ['identities', analyticsView, { scope: 'identity', id }]],
  [/^#\/namespaces\/([^/]+)$/, (id) => ['namespaces', namespaceView, { id }]],
];

function resolve(hash) {
  for (const [pattern, make] of ROUTES) {
    const match = pattern.exec(hash);
    if (match) return make(match[1] === undefined ? undefined : decodeURIComponent(match[1]));
  }
  return null;
}

/** Where a free-text id leads: key_…, api_…, id_… by their prefixes, anything else is a namespace. */
function hrefForId(text) {
  const id = text.trim();
  if (id.startsWith('key_')) return `#/keys/${encodeURIComponent(id)}`;
  if (id.startsWith('api_')) return `#/apis/${encodeURIComponent(id)}`;
  if (id.startsWith('id_')) return `#/identities/${encodeURIComponent(id)}`;
  return `#/namespaces/${encodeURIComponent(id)}`;
}

export function start(root) {
  const session = new Session();
  initLanguage({ embedded: session.embedded, hostLang: session.hostLang });
  initTheme(session.hostTheme);
  if (session.embedded) applyPalette(session.hostPalette);
  document.documentElement.classList.toggle('embedded', session.embedded);
  // The compact summary as tall as its host says, from the first frame: its chart takes what the
  // tiles and the legend leave, so the page reports that height loading and loaded, whatever the
  // language and width, and what lies under the view never moves (walk 19: the dashboard's keys
  // moved ~18 px under the pointer when the data came). A summary that cannot fit grows past it.
  if (session.compact && session.hostSummaryHeight) {
    document.documentElement.classList.add('summary-fill');
    document.documentElement.style.setProperty('--summary-height', `${session.hostSummaryHeight}px`);
  }
  if (session.embedded) startEmbedding();
  const api = new Api(() => session.rootKey);
  const banner = h('div', { class: 'banner', role: 'alert', hidden: true, dataset: { testid: 'error-banner' } });
  const main = h('main', { class: 'main' });
  const nav = new Map();
  let current = null;
  let topbar = null;
  let shellShown = false;
  let unsubscribeChrome = () => {};

  const signal = (state) => {
    if (session.embedded) document.title = `latchkey:${state}`;
  };

  const ctx = {
    api,
    names: new Names(api),
    embedded: session.embedded,
    /** The host's local root key file, for the curl hints (components/emptystate.js); null: none. */
    rootKeyFile: session.hostRootKeyFile,
    setTitle(text) {
      if (!session.embedded) document.title = `${text} — Latchkey`;
    },
    report(error) {
      if (error?.name === 'AbortError') return;
      banner.textContent = error?.status === 401
        ? t('The root key was not accepted (revoked or expired?). Log in again.') : error?.message ?? String(error);
      banner.hidden = false;
    },
    async login(rootKey) {
      if (!rootKey) throw new Error(t('Paste a root key first.'));
      session.login(rootKey);
      try {
        await api.call('apis.listApis', { limit: 1 });
      } catch (error) {
        if (error.status === 401 || error.status === 0) {
          session.logout();
          throw error.status === 401 ? new Error(t('This root key is not valid on this server.')) : error;
        }
      }
      render();
    },
  };

  function chrome() {
    const themeLabel = (theme) => (theme === 'dark' ? t('Light') : t('Dark'));
    const themeButton = h('button', { type: 'button', class: 'button ghost', dataset: { testid: 'theme-toggle' },
      title: t('Switch between light and dark'), onclick: toggleTheme }, themeLabel(currentTheme()));
    unsubscribeChrome();
    unsubscribeChrome = onThemeChange((theme) => { themeButton.textContent = themeLabel(theme); });
    const jump = h('input', { class: 'input', type: 'search', placeholder: t('key_…, api_…, id_… or namespace'),
      'aria-label': t('Open a key, API, owner or namespace') });
    nav.clear();
    const links = [['overview', '#/overview', t('Overview')], ['apis', '#/apis', t('APIs')]].map(([id, href, label]) => {
      const link = h('a', { href, class: 'nav-link' }, label);
      nav.set(id, link);
      return link;
    });
    return h('header', { class: 'topbar' },
      h('a', { class: 'brand', href: '#/overview' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), 'Latchkey'),
      h('nav', {}, links),
      h('form', { class: 'jump', onsubmit: (event) => {
        event.preventDefault();
        if (jump.value.trim()) window.location.hash = hrefForId(jump.value);
        jump.value = '';
      } }, jump),
      h('div', { class: 'topbar-actions' }, languagePicker(), themeButton, h('button', { type: 'button', class: 'button ghost',
        dataset: { testid: 'logout' }, onclick: () => { session.logout(); render(); } }, t('Log out'))));
  }

  function mount(view) {
    current?.destroy();
    current = view;
    banner.hidden = true;
    replaceChildren(main, view.element);
    view.start().then(() => signal('ready'), (error) => {
      ctx.report(error);
      signal('error');
    });
  }

  function render() {
    if (!session.rootKey) {
      if (session.embedded) {
        current?.destroy();
        current = null;
        replaceChildren(root, h('p', { class: 'banner' }, t('The host did not hand over a root key.')));
        signal('error');
        return;
      }
      replaceChildren(root, main);
      shellShown = false;
      mount(loginView(ctx));
      return;
    }
    if (!shellShown) {
      if (!session.embedded) topbar ??= chrome();
      replaceChildren(root, session.embedded ? null : topbar, banner, main);
      shellShown = true;
    }
    const route = resolve(window.location.hash) ?? ['overview', analyticsView, { scope: 'workspace' }];
    const [section, make, params] = route;
    for (const [id, link] of nav) link.classList.toggle('active', id === section);
    if (!session.embedded && section === 'overview') ctx.setTitle(t('Overview'));
    mount(make(ctx, { ...params, compact: session.compact }));
  }

  window.addEventListener('hashchange', render);
  onLanguageChange(() => {
    topbar = null;
    shellShown = false;
    render();
  });
  window.addEventListener('unhandledrejection', (event) => ctx.report(event.reason));
  render();
}
