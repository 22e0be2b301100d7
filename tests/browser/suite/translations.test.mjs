// The console's translation tables (console/src/i18n/): every text the source hands to t() has a
// German and a Spanish entry with the same {placeholders}, t() only ever gets a literal (so this
// check sees every text), and no table keeps an entry the source no longer uses. No browser needed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

// The dashboard's Qt Linguist catalogues: { source: translation } (numerus forms joined by " | ").
function dashboardTable(language) {
  const ts = readFileSync(join(sourceDir, '..', '..', 'dashboard', 'i18n', `latchkey_${language}.ts`), 'utf8');
  const unescape = (text) => text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const table = {};
  for (const match of ts.matchAll(/<source>([\s\S]*?)<\/source>[\s\S]*?<translation[^>]*>([\s\S]*?)<\/translation>/g)) {
    const forms = [...match[2].matchAll(/<numerusform>([\s\S]*?)<\/numerusform>/g)].map((form) => form[1]);
    table[unescape(match[1])] = unescape(forms.length ? forms.join(' | ') : match[2]);
  }
  return table;
}

// One word per language for the same thing in the dashboard and the console: a text about it
// never uses the other word.
const glossary = {
  de: [{ term: /credit/i, word: 'Credits', not: [/Guthaben/i] },
       { term: /namespace/i, word: 'Namensraum', not: [/Namespace/] },
       { term: /owner/i, word: 'Inhaber', not: [/Besitzer/i, /Eigentümer/i] }],
  es: [{ term: /credit/i, word: 'Créditos', not: [/saldo/i] },
       { term: /namespace/i, word: 'Espacio de nombres', not: [/namespace/i] },
       { term: /owner/i, word: 'Propietario', not: [/dueño/i, /titular/i] },
       // Walk 21/W24: the console said "Limitada por tasa", the dashboard "Límites de frecuencia".
       { term: /rate.?limit/i, word: 'Límites de frecuencia', not: [/tasa/i] }],
};

const sourceDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'console', 'src');
const tables = {
  de: (await import(join(sourceDir, 'i18n', 'de.js'))).default,
  es: (await import(join(sourceDir, 'i18n', 'es.js'))).default,
  en: (await import(join(sourceDir, 'i18n', 'en.js'))).default,
};

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

const LITERAL_CALL = /\bt\(\s*'((?:[^'\\]|\\.)*)'/g;
const ANY_CALL = /(?<!function )\bt\(/g; // the definition is no call
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const forms = (entry) => (typeof entry === 'object' ? Object.values(entry) : [entry]);

const used = new Map(); // text -> file
const nonLiteral = [];
for (const file of sourceFiles(sourceDir)) {
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(LITERAL_CALL)) used.set(match[1].replace(/\\'/g, "'"), relative(sourceDir, file));
  const literal = [...code.matchAll(LITERAL_CALL)].length;
  const all = [...code.matchAll(ANY_CALL)].length;
  if (all !== literal) nonLiteral.push(`${relative(sourceDir, file)}: ${all - literal} call(s) of t() without a literal`);
}

describe('console translations', () => {
  test('the source hands t() literals only, and plenty of them', () => {
    assert.deepEqual(nonLiteral, []);
    assert.ok(used.size > 100, `only ${used.size} texts found: is the pattern still right?`);
  });

  for (const language of ['de', 'es']) {
    test(`every text has a ${language} entry with the same placeholders`, () => {
      const missing = [...used.keys()].filter((text) => !(text in tables[language]));
      assert.deepEqual(missing, [], `missing in ${language}.js`);
      for (const [text, entry] of Object.entries(tables[language])) {
        for (const form of forms(entry)) {
          assert.equal(typeof form, 'string', `${language}: ${text}`);
          assert.ok(form.trim().length > 0, `${language}: empty translation of ${text}`);
          assert.deepEqual(placeholders(form), placeholders(text), `${language}: placeholders of ${text}`);
        }
      }
    });

    test(`the ${language} table holds no texts the source no longer uses`, () => {
      assert.deepEqual(Object.keys(tables[language]).filter((text) => !used.has(text)), []);
    });
  }

  for (const language of ['de', 'es']) {
    test(`the ${language} dashboard and console use one word per term`, () => {
      const dashboard = dashboardTable(language);
      assert.ok(Object.keys(dashboard).length > 300, 'the dashboard catalogue was read');
      const clashes = [];
      for (const [where, table] of [['dashboard', dashboard], ['console', tables[language]]]) {
        for (const [text, entry] of Object.entries(table)) {
          const translation = forms(entry).join(' | ');
          for (const { term, not } of glossary[language])
            if (term.test(text) && not.some((word) => word.test(translation)))
              clashes.push(`${where}: ${text} => ${translation}`);
        }
      }
      assert.deepEqual(clashes, []);
      // The bare words themselves are the same in both.
      // The console has no bare "Credits" (what is spent says so): its texts about credits use
      // the dashboard's word (the clash check above).
      if ('Credits' in tables[language]) assert.equal(tables[language].Credits, dashboard.Credits);
      assert.equal(dashboard.Credits, glossary[language][0].word);
      assert.equal(dashboard.Namespace, glossary[language][1].word);
      if (glossary[language][3]) assert.equal(dashboard['Rate limits'], glossary[language][3].word);
    });
  }

  test('plural entries have the forms their language needs', () => {
    for (const [language, table] of Object.entries(tables)) {
      for (const [text, entry] of Object.entries(table)) {
        if (typeof entry !== 'object') continue;
        assert.ok('one' in entry && 'other' in entry, `${language}: ${text} needs one and other`);
        assert.ok(used.has(text), `${language}: ${text} is not used`);
      }
    }
  });
});
