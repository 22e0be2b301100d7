// The console in German and Spanish: the dashboard's embed with lang "de" (German texts, German
// numbers and times), the standalone console following navigator.language, and its language
// picker remembered across reloads (but never read by an embedded page).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eventually, launchBrowser, openPage } from '../lib/browser.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { verify, waitForLoggedEvents } from '../lib/traffic.mjs';

const artefacts = process.env.LATCHKEY_ARTEFACTS ?? join(process.cwd(), 'artefacts');
mkdirSync(artefacts, { recursive: true });

let server;
let browser;
let bulk; // a key whose verifications spend 1500 credits each: numbers with a group separator

const text = (page, selector) => page.locator(selector).first().textContent();

async function login(page) {
  await page.goto(`${server.url}/console/`);
  await page.fill('[data-testid=root-key]', server.rootKey);
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
}

function embedScript(lang) {
  return {
    script: ([key, language]) => {
      window.latchkeyEmbed = { rootKey: key, theme: 'light', ...(language ? { lang: language } : {}) };
    },
    arg: [server.rootKey, lang],
  };
}

async function openEmbedded(lang, view) {
  const opened = await openPage(browser, { initScript: embedScript(lang) });
  await opened.page.goto(`${server.url}/console/?embed=1#${view}`);
  await opened.page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
  assert.equal(await opened.page.title(), 'latchkey:ready');
  return opened;
}

describe('console languages', () => {
  before(async () => {
    server = await startLatchkeyd();
    browser = await launchBrowser();
    const { data: api } = await server.call('apis.createApi', { name: 'billing' });
    bulk = (await server.call('keys.createKey', { apiId: api.apiId, name: 'bulk-export', credits: { remaining: 10000 } })).data;
    for (let i = 0; i < 2; ++i) assert.equal(await verify(server, bulk.key, { credits: { cost: 1500 } }), 'VALID');
    assert.equal(await verify(server, bulk.key, { credits: { cost: 9000 } }), 'USAGE_EXCEEDED');
    await waitForLoggedEvents(server, bulk.keyId, 3);
  });

  after(async () => {
    await browser?.close();
    const stopped = await server?.stop();
    assert.equal(stopped?.code, 0, `latchkeyd did not exit cleanly: ${server?.stderr()}`);
  });

  test('an embedded view with lang "de" is German, with German numbers and times', async () => {
    const { context, page, consoleLines } = await openEmbedded('de', `/keys/${bulk.keyId}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await text(page, '.log-card h2'), 'Live-Protokoll');
    assert.deepEqual(await page.locator('.tile-label').allTextContents(),
      ['Verifizierungen', 'Gültig', 'Abgelehnt', 'Creditverbrauch', 'Latenz p50 / p99']);
    assert.equal(await text(page, '[data-testid=tile-credits]'), '3.000'); // "3,000" in English
    assert.match(await text(page, '[data-testid=tile-valid] + .tile-hint'), /^67\s%$/); // German: space before %
    assert.equal(await page.locator('[data-testid=log-rows] tr[data-outcome]').count(), 3);
    assert.deepEqual(await page.locator('[data-testid=log-rows] .badge').allTextContents(),
      ['Kontingent erschöpft', 'Gültig', 'Gültig']);
    assert.equal(await page.locator('[data-testid=log-rows] tr[data-outcome=VALID] td.num').first().textContent(), '1.500');
    // Walk 21/W11: the column of credits each verification spent said "Credits", beside a key
    // page whose "Credits" card means credits left.
    const titles = await page.locator('.log-card thead th').allTextContents();
    assert.ok(titles.includes('Creditverbrauch') && !titles.includes('Credits'), titles.join(' | '));
    for (const time of await page.locator('[data-testid=log-rows] tr td.mono:first-child').allTextContents()) {
      assert.match(time, /^\d{2}:\d{2}:\d{2}$/, 'a 24-hour time without AM/PM');
    }
    assert.equal(await page.locator('[data-range="7d"]').textContent(), '7 Tg.');
    assert.match(await text(page, '[data-testid=refresh-status]'), /^Aktualisiert \d{2}:\d{2}:\d{2} · alle 15 s$/);
    assert.equal(await page.locator('[data-testid=language]').count(), 0, 'an embedded page has no picker');
    assert.deepEqual(consoleLines.filter((line) => /^(error|pageerror)/.test(line)), []);
    await context.close();

    // The same view with lang "es" and with an unknown language (English texts and formats).
    const spanish = await openEmbedded('es-ES', `/keys/${bulk.keyId}`);
    assert.equal(await text(spanish.page, '.log-card h2'), 'Registro en directo');
    assert.equal(await text(spanish.page, '[data-testid=tile-credits]'), '3000'); // Spanish groups from 5 digits
    await spanish.context.close();
    const klingon = await openEmbedded('tlh', `/keys/${bulk.keyId}`);
    assert.equal(await text(klingon.page, '.log-card h2'), 'Live log');
    assert.equal(await text(klingon.page, '[data-testid=tile-credits]'), '3,000');
    await klingon.context.close();
  });

  // The dashboard at 1280 × 800 embeds the overview 1060 px wide and a namespace 774 px wide (beside
  // its list). In German every tile's value is one line, whole (never "107 µs / 19 / ms"), and the
  // values of a row of tiles sit on one line although some labels wrap ("Kosten (durchgelassen)").
  test('German tiles at the dashboard\'s widths: one-line values, level rows', async () => {
    for (let i = 0; i < 3; ++i) {
      await server.call('ratelimit.limit', { namespace: 'checkout', identifier: 'user_42', limit: 2, duration: 60000 });
    }
    for (const [view, width] of [['/overview', 1060], ['/namespaces/checkout', 774], [`/keys/${bulk.keyId}`, 774]]) {
      const { context, page } = await openEmbedded('de', view);
      await page.setViewportSize({ width, height: 800 });
      await eventually(async () => (await text(page, '[data-testid=tile-latency]')) !== '—', `${view}: latency shown`);
      await page.waitForTimeout(300); // two frames at least: the tiles lay themselves out one frame after a change
      await page.screenshot({ path: join(artefacts, `console-tiles-de-${width}-${view.split('/')[1]}.png`) });
      const tiles = await page.locator('.tile').evaluateAll((elements) => elements.map((tile) => {
        const value = tile.querySelector('.tile-value');
        // The text's own width, not cut to the box (scrollWidth is rounded, the ellipsis hides a cut).
        value.style.textOverflow = 'clip';
        const range = document.createRange();
        range.selectNodeContents(value);
        const textWidth = range.getBoundingClientRect().width;
        const lineHeight = parseFloat(getComputedStyle(value).lineHeight) || parseFloat(getComputedStyle(value).fontSize) * 1.45;
        return { label: tile.querySelector('.tile-label').textContent, value: value.textContent,
          valueTop: Math.round(value.getBoundingClientRect().top), tileTop: Math.round(tile.getBoundingClientRect().top),
          height: value.getBoundingClientRect().height, lineHeight,
          cut: textWidth > value.getBoundingClientRect().width + 0.01, fontSize: parseFloat(getComputedStyle(value).fontSize) };
      }));
      assert.equal(tiles.length, 5, view);
      for (const tile of tiles) {
        assert.ok(tile.height < tile.lineHeight * 1.5, `${view} at ${width} px: "${tile.value}" (${tile.label}) takes ${tile.height} px, a line is ${tile.lineHeight}`);
        assert.ok(!tile.cut, `${view} at ${width} px: "${tile.value}" (${tile.label}) is cut off`);
        assert.ok(tile.fontSize >= 14, `${view}: "${tile.value}" at ${tile.fontSize} px`);
      }
      for (const tile of tiles) {
        const row = tiles.filter((other) => other.tileTop === tile.tileTop);
        assert.deepEqual(new Set(row.map((other) => other.valueTop)).size, 1,
          `${view} at ${width} px: the values of a row are not level: ${JSON.stringify(row.map(({ label, valueTop }) => [label, valueTop]))}`);
      }
      await context.close();
    }
  });

  test('the standalone console follows navigator.language', async () => {
    const { context, page } = await openPage(browser, { locale: 'de-DE' });
    await page.goto(`${server.url}/console/`);
    assert.equal(await text(page, 'button[type=submit]'), 'Konsole öffnen');
    await page.screenshot({ path: join(artefacts, 'console-login-de-light.png') });
    await login(page);
    assert.equal(await text(page, '.nav-link.active'), 'Übersicht');
    assert.equal(await page.locator('[data-testid=language]').inputValue(), 'de');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de-DE');
    await eventually(async () => (await text(page, '[data-testid=tile-credits]')) === '3.000', 'German credits total');
    assert.equal(await text(page, '[data-testid=tile-verifications]'), '3');
    await context.close();
  });

  test('the language picker switches at once and is remembered; an embedded page ignores it', async () => {
    const { context, page } = await openPage(browser, { locale: 'en-US' });
    await login(page);
    assert.equal(await text(page, '.nav-link.active'), 'Overview');
    await page.selectOption('[data-testid=language]', 'es');
    await eventually(async () => (await text(page, '.nav-link.active')) === 'Resumen', 'the Spanish chrome');
    assert.equal(await text(page, '[data-testid=logout]'), 'Cerrar sesión');
    assert.equal(await text(page, '.log-card h2'), 'Registro en directo');
    assert.equal(await page.evaluate(() => localStorage.getItem('latchkey.language')), 'es');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');

    await page.reload();
    await page.waitForSelector('.topbar');
    assert.equal(await text(page, '.nav-link.active'), 'Resumen');
    assert.equal(await page.locator('[data-testid=language]').inputValue(), 'es');

    // An embedded page in the same browser profile follows its host, not the remembered choice.
    const embedded = await context.newPage();
    await embedded.addInitScript(([key]) => { window.latchkeyEmbed = { rootKey: key }; }, [server.rootKey]);
    await embedded.goto(`${server.url}/console/?embed=1#/overview`);
    await embedded.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
    assert.equal(await text(embedded, '.log-card h2'), 'Live log');

    await page.selectOption('[data-testid=language]', 'en');
    await eventually(async () => (await text(page, '.nav-link.active')) === 'Overview', 'English again');
    assert.equal(await page.evaluate(() => localStorage.getItem('latchkey.language')), 'en');
    await context.close();
  });
});
