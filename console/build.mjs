#!/usr/bin/env node
// Builds the web console's asset set for latchkeyd:
//
//   node console/build.mjs --out DIR
//
// Installs node_modules with `npm ci` when it is missing or older than package-lock.json, bundles
// src/main.js (our modules, uPlot and the style sheets) with esbuild into content-hashed files,
// writes index.html pointing at them and console.qrc listing everything under the prefix
// /console, which CMake compiles into latchkeyd with rcc (server/consoleendpoint.cpp serves it).
// Every file but index.html carries its content hash in its name, so it may be cached forever.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error(`console/build.mjs: ${message}`);
  process.exit(2);
}

function ensureDependencies() {
  const lock = join(here, 'package-lock.json');
  const installed = join(here, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('console/build.mjs: installing node_modules (npm ci)');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: here, stdio: 'inherit' });
  if (result.status !== 0) fail(`npm ci failed (${result.error?.message ?? `exit ${result.status}`})`);
}

function escapeXml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

async function bundle(outDir) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: here,
    entryPoints: { app: 'src/main.js' },
    bundle: true,
    format: 'esm',
    // Qt 6.4's WebEngine (the dashboard's embedded views) is Chromium 102.
    target: ['es2022', 'chrome102'],
    minify: true,
    legalComments: 'none',
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.svg': 'file' },
    outdir: outDir,
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((path) => basename(path));
  const script = outputs.find((name) => name.startsWith('app-') && name.endsWith('.js'));
  const style = outputs.find((name) => name.startsWith('app-') && name.endsWith('.css'));
  if (!script || !style) fail(`esbuild produced no app script or style sheet: ${outputs.join(', ')}`);
  return { script, style };
}

function copyHashed(source, outDir) {
  const bytes = readFileSync(source);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10).toUpperCase();
  const name = basename(source).replace(/(\.[a-z]+)$/, `-${hash}$1`);
  writeFileSync(join(outDir, name), bytes);
  return name;
}

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) fail('give the output folder with --out DIR');
const outDir = resolve(values.out);

ensureDependencies();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const { script, style } = await bundle(outDir);
const icon = copyHashed(join(here, 'src', 'favicon.svg'), outDir);
const html = readFileSync(join(here, 'src', 'index.html'), 'utf8')
  .replaceAll('{{APP_JS}}', script).replaceAll('{{APP_CSS}}', style).replaceAll('{{ICON}}', icon);
writeFileSync(join(outDir, 'index.html'), html);

const files = readdirSync(outDir).filter((name) => name !== 'console.qrc').sort();
const qrc = ['<!DOCTYPE RCC><RCC version="1.0">', '<qresource prefix="/console">',
  ...files.map((name) => `  <file alias="${escapeXml(name)}">${escapeXml(join(outDir, name))}</file>`),
  '</qresource>', '</RCC>', ''].join('\n');
writeFileSync(join(outDir, 'console.qrc'), qrc);
console.log(`console/build.mjs: ${files.join(', ')}`);
