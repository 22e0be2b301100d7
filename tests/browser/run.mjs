#!/usr/bin/env node
// Browser end-to-end tests of the web console: Debian's Chromium (/usr/bin/chromium, or
// $LATCHKEY_CHROMIUM) driven by playwright-core against the real latchkeyd.
//
//   node tests/browser/run.mjs --latchkeyd build/app/latchkeyd/latchkeyd [--artefacts DIR]
//                              [--history-tool build/tests/browser/latchkey_console_history] [suite/x.test.mjs ...]
//
// Installs node_modules with `npm ci` when it is missing or older than package-lock.json, then
// runs suite/*.test.mjs with node:test, one file at a time. Screenshots go to --artefacts
// (default: ./artefacts); with the history tool (seedhistory.cpp) their charts have 30 days of past.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error(`browser/run.mjs: ${message}`);
  process.exit(2);
}

function ensureDependencies() {
  const lock = join(here, 'package-lock.json');
  const installed = join(here, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('browser/run.mjs: installing node_modules (npm ci)');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: here, stdio: 'inherit' });
  if (result.status !== 0) fail(`npm ci failed (${result.error?.message ?? `exit ${result.status}`})`);
}

const { values, positionals } = parseArgs({
  options: { latchkeyd: { type: 'string' }, artefacts: { type: 'string' }, 'history-tool': { type: 'string' } },
  allowPositionals: true,
});
const latchkeyd = values.latchkeyd ?? process.env.LATCHKEYD;
if (!latchkeyd) fail('give the latchkeyd binary with --latchkeyd PATH or $LATCHKEYD');
if (!existsSync(latchkeyd)) fail(`no latchkeyd binary at ${latchkeyd} (build the latchkeyd target first)`);
const chromium = process.env.LATCHKEY_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) fail(`no Chromium at ${chromium} (apt-get install chromium; ./dev does)`);

ensureDependencies();

const files = positionals.length > 0
  ? positionals.map((file) => resolve(file))
  : readdirSync(join(here, 'suite')).filter((name) => name.endsWith('.test.mjs')).sort()
    .map((name) => join(here, 'suite', name));
const environment = {
  ...process.env,
  LATCHKEYD: resolve(latchkeyd),
  LATCHKEY_ARTEFACTS: resolve(values.artefacts ?? 'artefacts'),
};
if (values['history-tool']) environment.LATCHKEY_HISTORY_TOOL = resolve(values['history-tool']);
else delete environment.LATCHKEY_HISTORY_TOOL;
const [major, minor] = process.versions.node.split('.').map(Number);
const runnerFlags = ['--test', '--test-reporter=spec'];
if (major > 20 || (major === 20 && minor >= 10)) runnerFlags.push('--test-concurrency=1');
const result = spawnSync(process.execPath, [...runnerFlags, ...files], { cwd: here, env: environment, stdio: 'inherit' });
process.exit(result.status ?? 1);
