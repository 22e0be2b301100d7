// The real latchkeyd for one browser test file: a fresh data folder, a known bootstrap root key
// (LATCHKEY_BOOTSTRAP_ROOT_KEY), a free loopback port; ready when GET /v2/liveness answers 200.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function environmentWithout(prefix) {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith(prefix)));
}

/**
 * @param {{dataDir?: string, rootKey?: string}} reuse  restart on an earlier run's data (stop({keepData: true}))
 * @returns {Promise<{url, rootKey, dataDir, call, stderr, stop}>}
 */
export async function startLatchkeyd(reuse = {}) {
  const binary = process.env.LATCHKEYD;
  if (!binary) throw new Error('LATCHKEYD (path of the latchkeyd binary) is not set');
  const dataDir = reuse.dataDir ?? mkdtempSync(join(tmpdir(), 'latchkey-browser-'));
  const rootKey = reuse.rootKey ?? `lkroot_browser_${randomBytes(18).toString('hex')}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(binary, ['--listen', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    env: { ...environmentWithout('LATCHKEY_'), LATCHKEY_BOOTSTRAP_ROOT_KEY: rootKey },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`latchkeyd exited (${child.exitCode}): ${log}`);
    const live = await fetch(`${url}/v2/liveness`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (live) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`latchkeyd not ready within 20 s: ${log}`);
    }
    await delay(50);
  }

  /** POST /v2/<action> with the root key; returns the parsed body, throws on non-2xx. */
  async function call(action, body = {}) {
    const response = await fetch(`${url}/v2/${action}`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { Authorization: `Bearer ${rootKey}`, 'Content-Type': 'application/json' },
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${action}: ${response.status} ${JSON.stringify(json.error)}`);
    return json;
  }

  return {
    url,
    rootKey,
    dataDir,
    call,
    stderr: () => log,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
      const result = await exited;
      clearTimeout(timer);
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
      return result;
    },
  };
}
