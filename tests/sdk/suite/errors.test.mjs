// The wire conventions the SDK relies on: liveness, the error envelope surfaced as the SDK's
// typed errors (400/401/403/404), JSON content types, and analytics.getVerifications.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BadRequestErrorResponse, ForbiddenErrorResponse, NotFoundErrorResponse, UnauthorizedErrorResponse,
} from '@unkey/api/models/errors';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { rejectsWith, unique, unkeyFor } from '../lib/sdk.mjs';

const LIMITED_PERMISSIONS = ['api.*.read_api'];

describe('errors and conventions', () => {
  let server;
  let unkey;
  before(async () => {
    server = await startLatchkeyd({ limitedPermissions: LIMITED_PERMISSIONS });
    unkey = unkeyFor(server);
  });
  after(async () => {
    const { code } = await server.stop();
    assert.equal(code, 0, `latchkeyd exits 0 on SIGTERM; log:\n${server.stderr()}`);
  });

  test('GET /v2/liveness (not in the SDK) answers the success envelope', async () => {
    const response = await fetch(`${server.url}/v2/liveness`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/json/);
    const body = await response.json();
    assert.match(body.meta.requestId, /^req_/);
    assert.equal(typeof body.data.message, 'string');
  });

  test('a wrong root key is UnauthorizedErrorResponse', async () => {
    const stranger = unkeyFor(server, 'lkroot_not_a_key_we_issued_000000');
    await rejectsWith(stranger.apis.createApi({ name: 'nope' }), UnauthorizedErrorResponse, 401);
    await rejectsWith(stranger.keys.verifyKey({ key: 'whatever_1234' }), UnauthorizedErrorResponse, 401);
  });

  test('a root key lacking the permission is ForbiddenErrorResponse', async (t) => {
    if (!server.limitedKey) {
      t.skip('LATCHKEY_SEED_TOOL not set: cannot seed a root key with fewer permissions');
      return;
    }
    const limited = unkeyFor(server, server.limitedKey);
    const { data: { apiId } } = await unkey.apis.createApi({ name: unique('visible') });
    assert.equal((await limited.apis.getApi({ apiId })).data.id, apiId, 'the limited key may read APIs');
    const error = await rejectsWith(limited.apis.createApi({ name: unique('forbidden') }), ForbiddenErrorResponse, 403);
    assert.match(error.error.detail, /api\.\*\.create_api/, 'the detail names the missing permission');
    await rejectsWith(limited.identities.createIdentity({ externalId: unique('x') }), ForbiddenErrorResponse, 403);
    await rejectsWith(limited.permissions.createPermission({ name: 'x', slug: unique('x') }), ForbiddenErrorResponse, 403);
    await rejectsWith(limited.apis.deleteApi({ apiId }), ForbiddenErrorResponse, 403);
  });

  test('validation failures are BadRequestErrorResponse with errors[]', async () => {
    const error = await rejectsWith(unkey.apis.createApi({ name: 'ab' }), BadRequestErrorResponse, 400);
    assert.ok(Array.isArray(error.error.errors) && error.error.errors.length > 0, JSON.stringify(error.error));
    for (const entry of error.error.errors) {
      assert.equal(typeof entry.location, 'string');
      assert.equal(typeof entry.message, 'string');
    }
    await rejectsWith(unkey.ratelimit.limit({ namespace: unique('ns'), identifier: 'x', limit: 1, duration: 10 }),
      BadRequestErrorResponse, 400);
  });

  test('unknown fields and non-JSON bodies are 400 envelopes (raw HTTP: the SDK strips unknown fields)', async () => {
    for (const body of [JSON.stringify({ name: 'valid-name', surprise: true }), '{"name": ', 'not json']) {
      const response = await fetch(`${server.url}/v2/apis.createApi`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.rootKey}` },
        body,
      });
      assert.equal(response.status, 400, body);
      assert.match(response.headers.get('content-type'), /^application\/json/);
      const envelope = await response.json();
      assert.match(envelope.meta.requestId, /^req_/);
      assert.equal(envelope.error.status, 400);
      assert.ok(Array.isArray(envelope.error.errors), body);
    }
  });

  test('a missing Authorization header is 400, a malformed one 400', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer']) {
      const headers = { 'Content-Type': 'application/json' };
      if (authorization) headers.Authorization = authorization;
      const response = await fetch(`${server.url}/v2/apis.createApi`, {
        method: 'POST', headers, body: JSON.stringify({ name: 'valid-name' }),
      });
      assert.equal(response.status, 400, String(authorization));
      assert.equal((await response.json()).error.status, 400);
    }
  });

  test('not-found resources are NotFoundErrorResponse', async () => {
    await rejectsWith(unkey.keys.getKey({ keyId: 'key_doesNotExist1' }), NotFoundErrorResponse, 404);
    await rejectsWith(unkey.identities.getIdentity({ identity: 'id_doesNotExist1' }), NotFoundErrorResponse, 404);
    await rejectsWith(unkey.permissions.getPermission({ permission: 'perm_doesNotExist1' }), NotFoundErrorResponse, 404);
    await rejectsWith(unkey.permissions.getRole({ role: 'role_doesNotExist1' }), NotFoundErrorResponse, 404);
  });

  test('analytics.getVerifications counts exactly what was verified', async () => {
    const { data: api } = await unkey.apis.createApi({ name: unique('analytics') });
    const { data: good } = await unkey.keys.createKey({ apiId: api.apiId });
    const { data: off } = await unkey.keys.createKey({ apiId: api.apiId, enabled: false });
    for (let i = 0; i < 3; i++) assert.equal((await unkey.keys.verifyKey({ key: good.key, tags: ['sdk'] })).data.code, 'VALID');
    assert.equal((await unkey.keys.verifyKey({ key: off.key })).data.code, 'DISABLED');

    // Events are written in batches of at most one second: poll until they are all there.
    const query = `SELECT outcome, COUNT(*) AS total FROM key_verifications_v1 WHERE key_space_id IN
      (SELECT key_space_id FROM key_verifications_v1 WHERE key_id = '${good.keyId}') GROUP BY outcome ORDER BY outcome`;
    let rows = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      rows = (await unkey.analytics.getVerifications({ query })).data;
      const total = rows.reduce((sum, row) => sum + row.total, 0);
      if (total >= 4) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(rows, [{ outcome: 'DISABLED', total: 1 }, { outcome: 'VALID', total: 3 }]);

    // Anything but a SELECT over the public views is a typed 400.
    await rejectsWith(unkey.analytics.getVerifications({ query: 'SELECT * FROM keys' }), BadRequestErrorResponse, 400);
    await rejectsWith(unkey.analytics.getVerifications({ query: 'DELETE FROM key_verifications_v1' }),
      BadRequestErrorResponse, 400);
  });
});
