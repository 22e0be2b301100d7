#!/usr/bin/env node
// SDK conformance runner: the official Unkey SDKs (versions pinned in package-lock.json) against
// the real latchkeyd.
//
//   node tests/sdk/run.mjs --latchkeyd build/app/latchkeyd/latchkeyd [--seed-tool PATH] [suite/x.test.mjs ...]
//
// The latchkeyd path may also come from $LATCHKEYD, the seed tool (see seedrootkey.cpp) from
// $LATCHKEY_SEED_TOOL. Installs node_modules with `npm ci` when it is missing or older than
// package-lock.json, then runs suite/*.test.mjs with node:test; every file starts its own server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error(`sdk/run.mjs: ${message}`);
  process.exit(2);
}

function ensureDependencies() {
  const lock = join(here, 'package-lock.json');
  const installed = join(here, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('sdk/run.mjs: installing node_modules (npm ci)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: here, stdio: 'inherit' });
  if (result.status !== 0) fail(`npm ci failed (${result.error?.message ?? `exit ${result.status}`})`);
}

const { values, positionals } = parseArgs({
  options: { latchkeyd: { type: 'string' }, 'seed-tool': { type: 'string' } },
  allowPositionals: true,
});
const latchkeyd = values.latchkeyd ?? process.env.LATCHKEYD;
if (!latchkeyd) fail('give the latchkeyd binary with --latchkeyd PATH or $LATCHKEYD');
if (!existsSync(latchkeyd)) fail(`no latchkeyd binary at ${latchkeyd} (build the latchkeyd target first)`);
const seedTool = values['seed-tool'] ?? process.env.LATCHKEY_SEED_TOOL;
if (seedTool && !existsSync(seedTool)) fail(`no seed tool at ${seedTool}`);

ensureDependencies();

const files = positionals.length > 0
  ? positionals.map((file) => resolve(file))
  : readdirSync(join(here, 'suite')).filter((name) => name.endsWith('.test.mjs')).sort()
    .map((name) => join(here, 'suite', name));
const environment = { ...process.env, LATCHKEYD: resolve(latchkeyd) };
if (seedTool) environment.LATCHKEY_SEED_TOOL = resolve(seedTool);
else delete environment.LATCHKEY_SEED_TOOL;

// One server at a time keeps the 2-core CI machine calm; --test-concurrency needs node >= 20.10.
const [major, minor] = process.versions.node.split('.').map(Number);
const runnerFlags = ['--test', '--test-reporter=spec'];
if (major > 20 || (major === 20 && minor >= 10)) runnerFlags.push('--test-concurrency=1');
const result = spawnSync(process.execPath, [...runnerFlags, ...files],
  { cwd: here, env: environment, stdio: 'inherit' });
process.exit(result.status ?? 1);
