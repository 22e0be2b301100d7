// What to do when there is nothing to show yet: a copyable curl command that produces data.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function emptyState({ title, text, command, note }) {
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
    h('h2', {}, title), h('p', {}, text), h('div', { class: 'command' }, h('pre', {}, code), copy),
    note ? h('p', { class: 'muted', dataset: { testid: 'empty-state-note' } }, note) : null);
}

/**
 * What follows "Bearer" in a curl line: with the local server's root key file (the dashboard
 * names it for its embedded local server) the shell reads the key from it, quoted as the
 * dashboard's show-once dialog quotes it; else the variable $ROOT_KEY, which rootKeyNote() explains.
 */
export function bearer(rootKeyFile) {
  return rootKeyFile ? `$(cat '${rootKeyFile.replace(/'/g, "'\\''")}')` : '$ROOT_KEY';
}

/** The line under a curl command: where its root key comes from. */
export function rootKeyNote({ rootKeyFile, embedded }) {
  if (rootKeyFile) return t('The command reads the local server\'s root key from {file}.', { file: rootKeyFile });
  return embedded
    ? t('Set ROOT_KEY to a root key of this server first: the one the dashboard is connected with, or one created under Root keys.')
    : t('Set ROOT_KEY to a root key of this server first: the one you logged in with, or a fresh server\'s bootstrap root key from its data folder (bootstrap-root-key.txt).');
}

/** A curl POST to this server's /v2/@p action with @p body, authorized as bearer() says. */
export function curlCommand(action, body, rootKeyFile) {
  return `curl -X POST ${window.location.origin}/v2/${action} \\\n` +
    `  -H "Authorization: Bearer ${bearer(rootKeyFile)}" -H "Content-Type: application/json" \\\n` +
    `  -d '${body}'`;
}

/** The curl line that verifies a key against this server (the key itself stays a placeholder). */
export function verifyCommand(rootKeyFile, key = t('<your key>')) {
  return curlCommand('keys.verifyKey', `{"key":"${key}"}`, rootKeyFile);
}
