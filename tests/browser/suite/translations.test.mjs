// The console's translation tables (console/src/i18n/): every text the source hands to t() has a
// German and a Spanish entry with the same {placeholders}, t() only ever gets a literal (so this
// check sees every text), and no table keeps an entry the source no longer uses. No browser needed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

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
