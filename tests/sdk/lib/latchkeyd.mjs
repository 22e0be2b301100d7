// Starts the real latchkeyd for one test file: a fresh data folder, a seeded root key, a free
// loopback port. Readiness is GET /v2/liveness answering 200.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function randomRootKey(tag = 'sdk') {
  return `lkroot_${tag}_${randomBytes(18).toString('hex')}`;
}

function cleanEnvironment() {
  const environment = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('LATCHKEY_')) environment[name] = value;
  }
  return environment;
}

/**
 * Prepares the data folder through latchkey_sdk_seed (see seedrootkey.cpp): a second root key
 * holding exactly `limitedPermissions`, and registered key migrations. Returns false when the
 * seed tool is not available (the tests that need it then skip).
 */
function seed(dataDir, rootKey, limitedKey, { limitedPermissions, migrations = [] }) {
  const tool = process.env.LATCHKEY_SEED_TOOL;
  if (!tool) return false;
  const args = ['--data-dir', dataDir, '--root-key', rootKey];
  if (limitedPermissions) args.push('--limited-key', limitedKey, '--permissions', limitedPermissions.join(','));
  for (const migration of migrations) args.push('--migration', migration);
  const result = spawnSync(tool, args, { encoding: 'utf8', env: cleanEnvironment() });
  if (result.status !== 0) {
    throw new Error(`latchkey_sdk_seed failed (${result.status}): ${result.stderr}`);
  }
  return true;
}

async function waitUntilLive(url, child, stderr, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`latchkeyd exited (${child.exitCode ?? child.signalCode}) before it was ready: ${stderr()}`);
    }
    try {
      const response = await fetch(`${url}/v2/liveness`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await delay(25);
  }
  throw new Error(`latchkeyd not ready within ${timeoutMs} ms: ${stderr()}`);
}

/**
 * @param {{limitedPermissions?: string[], migrations?: string[]}} options  what to seed first
 * @returns {Promise<{url: string, rootKey: string, limitedKey?: string, seeded: boolean, dataDir: string,
 *                    stderr: () => string, stop: () => Promise<{code: number|null, signal: string|null}>}>}
 */
export async function startLatchkeyd(options = {}) {
  const binary = process.env.LATCHKEYD;
  if (!binary) throw new Error('LATCHKEYD (path of the latchkeyd binary) is not set');
  const dataDir = mkdtempSync(join(tmpdir(), 'latchkey-sdk-'));
  const rootKey = randomRootKey();
  const wantsSeed = Boolean(options.limitedPermissions || options.migrations);
  const candidate = randomRootKey('limited');
  const seeded = wantsSeed && seed(dataDir, rootKey, candidate, options);
  const limitedKey = seeded && options.limitedPermissions ? candidate : undefined;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(binary, ['--listen', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    env: { ...cleanEnvironment(), LATCHKEY_BOOTSTRAP_ROOT_KEY: rootKey },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const stderr = () => log;
  try {
    await waitUntilLive(url, child, stderr, 20000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    rootKey,
    limitedKey,
    seeded,
    dataDir,
    stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
      const result = await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      return result;
    },
  };
}
