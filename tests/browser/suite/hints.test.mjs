// The curl hints of the console's empty states (walkthrough G28): "No verifications yet" showed
// `Bearer $ROOT_KEY` and `<your key>` without saying where either comes from. Embedded by the
// dashboard for its local server (window.latchkeyEmbed.rootKeyFile, never the address) the command
// reads the root key file itself, and copied as it is it verifies a key; elsewhere the hint says
// where a root key comes from. The key itself never appears in an address.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage } from '../lib/browser.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';

let server;
let browser;
let apiId;
let folder;

const embedWith = (extra) => ({
  script: ([key, more]) => { window.latchkeyEmbed = { rootKey: key, ...more }; },
  arg: [server.rootKey, extra],
});

/** A fresh key (no verifications: its view shows the empty state) and its plaintext. */
async function freshKey(name) {
  const { data } = await server.call('keys.createKey', { apiId, name });
  return data;
}

/** The empty state's command and note on @p route, embedded with @p extra or standalone (null). */
async function hintOf(route, extra, locale = 'en-US') {
  const { context, page, requests } = await openPage(browser, { locale, initScript: extra ? embedWith(extra) : undefined });
  if (extra) {
    await page.goto(`${server.url}/console/?embed=1${route}`);
  } else {
    await page.goto(`${server.url}/console/`);
    await page.fill('[data-testid=root-key]', server.rootKey);
    await page.click('button[type=submit]');
    await page.waitForSelector('.topbar');
    await page.goto(`${server.url}/console/${route}`);
  }
  await page.waitForSelector('[data-testid=empty-state]:visible', { timeout: 20000 });
  const command = await page.locator('[data-testid=empty-state] pre').first().textContent();
  const note = await page.locator('[data-testid=empty-state-note]').first().textContent();
  assert.ok(requests.every((request) => !request.url.includes(server.rootKey)), 'the root key in an address');
  await context.close();
  return { command, note, requests };
}

describe('empty-state hints', () => {
  before(async () => {
    server = await startLatchkeyd();
    browser = await launchBrowser();
    apiId = (await server.call('apis.createApi', { name: 'hints' })).data.apiId;
    folder = mkdtempSync(join(tmpdir(), 'latchkey-hints-'));
  });

  after(async () => {
    await browser?.close();
    const stopped = await server?.stop();
    assert.equal(stopped?.code, 0, `latchkeyd did not exit cleanly: ${server?.stderr()}`);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  // The dashboard's local server: the command reads its root key file. A path with a space and a
  // quote still works: copied as it is, with the key put in, the command verifies that key.
  test('embedded with the local root key file: the command reads it and works as it is', async () => {
    const dir = join(folder, "it's local");
    mkdirSync(dir);
    const file = join(dir, 'bootstrap root key.txt');
    writeFileSync(file, `${server.rootKey}\n`, { mode: 0o600 });
    const key = await freshKey('hinted');
    const { command, note, requests } = await hintOf(`#/keys/${key.keyId}`, { rootKeyFile: file });
    assert.ok(command.includes(`Bearer $(cat '${file.replace(/'/g, "'\\''")}')`), command);
    assert.ok(!command.includes('$ROOT_KEY'), command);
    assert.ok(!command.includes(server.rootKey), 'the key itself is never in the command');
    assert.ok(note.startsWith(`The command reads the local server's root key from ${file}.`), note);
    assert.ok(note.includes('Replace <your key> with this key'), note);
    assert.ok(requests.every((request) => !request.url.includes('bootstrap')), 'the file path in an address');

    const run = command.replace('<your key>', key.key);
    const answer = JSON.parse(execFileSync('bash', ['-c', run], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    assert.equal(answer.data?.valid, true, JSON.stringify(answer));
  });

  test('embedded for another server: the note says which root key', async () => {
    const key = await freshKey('remote');
    const { command, note } = await hintOf(`#/keys/${key.keyId}`, {});
    assert.ok(command.includes('Bearer $ROOT_KEY'), command);
    assert.ok(note.startsWith('Set ROOT_KEY to a root key of this server first: the one the dashboard is connected with'), note);
  });

  // (The first test verified a key, so the overview and that API have data now: a fresh API's view
  // and a fresh key's show the empty state.)
  test('in a browser: the note says where a root key comes from, in German too', async () => {
    const otherApi = (await server.call('apis.createApi', { name: 'quiet' })).data.apiId;
    const { command, note } = await hintOf(`#/apis/${otherApi}`, null);
    assert.ok(command.includes('Bearer $ROOT_KEY'), command);
    assert.ok(note.includes('the one you logged in with'), note);
    assert.ok(note.includes('bootstrap-root-key.txt'), note);
    assert.ok(note.includes('Replace <your key> with one of your keys'), note);
    const key = await freshKey('german');
    const german = await hintOf(`#/keys/${key.keyId}`, null, 'de-DE');
    assert.ok(german.command.includes('<Ihr Schlüssel>'), german.command);
    assert.ok(german.note.startsWith('Setzen Sie zuerst ROOT_KEY auf einen Root-Schlüssel dieses Servers'), german.note);
    assert.ok(german.note.includes('durch diesen Schlüssel'), german.note);
  });
});
