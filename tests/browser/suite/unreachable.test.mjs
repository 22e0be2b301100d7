// The console when the server stops answering: the status line says so in the page's language,
// in the console's own words (never the browser's English "Failed to fetch" inside a German
// sentence, walkthrough 20/4), and the range buttons stay where they were.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eventually, launchBrowser, openPage } from '../lib/browser.mjs';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';

const artefacts = process.env.LATCHKEY_ARTEFACTS ?? join(process.cwd(), 'artefacts');
mkdirSync(artefacts, { recursive: true });

let server;
let browser;

async function openOverview(lang, width) {
  const opened = await openPage(browser, {
    initScript: {
      script: ([key, language]) => { window.latchkeyEmbed = { rootKey: key, theme: 'light', lang: language }; },
      arg: [server.rootKey, lang],
    },
  });
  await opened.page.setViewportSize({ width, height: 800 });
  await opened.page.goto(`${server.url}/console/?embed=1#/overview`);
  await opened.page.waitForFunction(() => document.title.startsWith('latchkey:'), null, { timeout: 20000 });
  await eventually(async () => !/…$/.test(await status(opened.page)), `${lang}: the first refresh`);
  return opened;
}

const status = (page) => page.locator('[data-testid=refresh-status]').textContent();
const rangeBoxes = (page) => page.locator('[data-range]').evaluateAll((buttons) => buttons.map((button) => {
  const box = button.getBoundingClientRect();
  return { range: button.dataset.range, left: Math.round(box.left), top: Math.round(box.top) };
}));

describe('console without a server', () => {
  before(async () => {
    server = await startLatchkeyd();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // The dashboard embeds the overview 1060 px wide at 1280 px and 1380 px wide at 1600 px.
  test('a refresh without an answer says so in the page\'s language; the range buttons stay put', async () => {
    const pages = [
      { lang: 'de', width: 1060, expected: 'Aktualisierung fehlgeschlagen: Der Server ist nicht erreichbar.' },
      { lang: 'es', width: 1380, expected: 'Error al actualizar: No se puede conectar con el servidor.' },
      { lang: 'en', width: 1060, expected: 'Refresh failed: The server cannot be reached.' },
    ];
    for (const entry of pages) {
      Object.assign(entry, await openOverview(entry.lang, entry.width));
      entry.before = await rangeBoxes(entry.page);
    }
    const stopped = await server.stop();
    assert.equal(stopped.code, 0, `latchkeyd did not exit cleanly: ${server.stderr()}`);

    for (const { lang, width, expected, page, before: boxes } of pages) {
      await page.click('[data-testid=refresh]');
      await eventually(() => page.locator('[data-testid=refresh-status].failed').count(), `${lang}: the failure shown`);
      await page.screenshot({ path: join(artefacts, `console-unreachable-${lang}-${width}.png`) });
      const shown = await status(page);
      assert.equal(shown, expected, `${lang}`);
      assert.doesNotMatch(shown, /fetch/i, `${lang}: the browser's words`);
      assert.deepEqual(await rangeBoxes(page), boxes, `${lang} at ${width} px: the range buttons moved`);
    }
  });
});
