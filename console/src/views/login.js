// The login form: the admin pastes a root key; it is checked with one API call and kept in this
// tab's sessionStorage only (see session.js). The field is a password input, so the browser
// neither shows nor offers to remember it in its history.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { languagePicker } from '../components/languagepicker.js';

export function loginView(ctx) {
  const input = h('input', { class: 'input wide', type: 'password', name: 'rootKey', autocomplete: 'off',
    spellcheck: 'false', placeholder: 'lkroot_…', 'aria-label': t('Root key'), required: true, dataset: { testid: 'root-key' } });
  const error = h('p', { class: 'form-error', role: 'alert', dataset: { testid: 'login-error' } });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('Open the console'));
  const form = h('form', { class: 'card login', onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      await ctx.login(input.value.trim());
    } catch (failure) {
      error.textContent = failure.message;
    } finally {
      submit.disabled = false;
    }
  } },
  h('div', { class: 'login-top' }, h('div', { class: 'brand big' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), 'Latchkey'),
    languagePicker()),
  h('h1', {}, t('Usage analytics')),
  h('p', { class: 'muted' }, t('Paste a root key with read_analytics permissions. It stays in this tab only and is sent only in the Authorization header; closing the tab or logging out forgets it.')),
  h('label', {}, t('Root key'), input), error, submit,
  h('p', { class: 'muted small' }, t('The bootstrap root key of a fresh server is in its data folder: bootstrap-root-key.txt.')));
  return { element: h('div', { class: 'view login-view' }, form), start: async () => input.focus(), destroy() {} };
}
