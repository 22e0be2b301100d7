// What to do when there is nothing to show yet: a copyable curl command that produces data.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function emptyState({ title, text, command }) {
  const code = h('code', {}, command);
  const copy = h('button', { type: 'button', class: 'button small', onclick: async () => {
    try {
      await navigator.clipboard.writeText(command);
      copy.textContent = t('Copied');
    } catch {
      copy.textContent = t('Select and copy');
    }
  } }, t('Copy'));
  return h('section', { class: 'card empty-state', dataset: { testid: 'empty-state' } },
    h('h2', {}, title), h('p', {}, text), h('div', { class: 'command' }, h('pre', {}, code), copy));
}

/** The curl line that verifies a key against this server (the root key stays a placeholder). */
export function verifyCommand(key = t('<your key>')) {
  return `curl -X POST ${window.location.origin}/v2/keys.verifyKey \\\n` +
    '  -H "Authorization: Bearer $ROOT_KEY" -H "Content-Type: application/json" \\\n' +
    `  -d '{"key":"${key}"}'`;
}
