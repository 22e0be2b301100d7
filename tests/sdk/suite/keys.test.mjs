// keys.* management endpoints through @unkey/api: create, get, whoami, update, updateCredits,
// reroll, migrate, permissions and roles (add/remove/set), delete.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { BadRequestErrorResponse, NotFoundErrorResponse } from '@unkey/api/models/errors';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { rejectsWith, unique, unkeyFor } from '../lib/sdk.mjs';

const DAY = 24 * 60 * 60 * 1000;
// keys.migrateKeys needs a registered migration; the API cannot register one (nor can Unkey's).
const MIGRATION_ID = 'mig_sdk_conformance';

describe('keys', () => {
  let server;
  let unkey;
  let apiId;
  before(async () => {
    server = await startLatchkeyd({ migrations: [MIGRATION_ID] });
    unkey = unkeyFor(server);
    ({ data: { apiId } } = await unkey.apis.createApi({ name: unique('keys') }));
  });
  after(async () => {
    const { code } = await server.stop();
    assert.equal(code, 0, `latchkeyd exits 0 on SIGTERM; log:\n${server.stderr()}`);
  });

  test('createKey with every option, then getKey and whoami return it', async () => {
    const expires = Date.now() + 7 * DAY;
    const externalId = unique('owner');
    const created = await unkey.keys.createKey({
      apiId,
      prefix: 'sk_test',
      name: 'full key',
      byteLength: 24,
      externalId,
      meta: { plan: 'pro', seats: 3 },
      permissions: ['documents.read', 'documents.write'],
      expires,
      credits: { remaining: 100, refill: { interval: 'daily', amount: 100 } },
      ratelimits: [{ name: 'requests', limit: 10, duration: 60000, autoApply: true }],
      enabled: true,
    });
    const { keyId, key } = created.data;
    assert.match(keyId, /^key_/);
    assert.match(key, /^sk_test_[1-9A-HJ-NP-Za-km-z]+$/, 'prefix_ + base58');

    const { data: got } = await unkey.keys.getKey({ keyId });
    assert.equal(got.keyId, keyId);
    assert.equal(got.start, key.slice(0, 'sk_test_'.length + 4));
    assert.equal(got.name, 'full key');
    assert.equal(got.enabled, true);
    assert.deepEqual(got.meta, { plan: 'pro', seats: 3 });
    assert.equal(got.expires, expires);
    assert.deepEqual([...got.permissions].sort(), ['documents.read', 'documents.write']);
    assert.equal(got.credits.remaining, 100);
    assert.equal(got.credits.refill.interval, 'daily');
    assert.equal(got.credits.refill.amount, 100);
    assert.equal(got.identity.externalId, externalId);
    assert.equal(got.ratelimits.length, 1);
    assert.equal(got.ratelimits[0].name, 'requests');
    assert.equal(got.ratelimits[0].limit, 10);
    assert.equal(got.ratelimits[0].duration, 60000);
    assert.equal(got.ratelimits[0].autoApply, true);
    assert.equal(got.plaintext, undefined, 'never returns the plaintext of a non-recoverable key');

    const { data: who } = await unkey.keys.whoami({ key });
    assert.equal(who.keyId, keyId);
    assert.equal(who.name, 'full key');
  });

  test('a minimal key omits every optional field', async () => {
    const { data: { keyId, key } } = await unkey.keys.createKey({ apiId });
    assert.match(key, /^[1-9A-HJ-NP-Za-km-z]{20,23}$/, '16 random bytes in base58');
    const { data: got } = await unkey.keys.getKey({ keyId });
    for (const field of ['name', 'meta', 'expires', 'credits', 'identity', 'ratelimits', 'plaintext']) {
      assert.equal(got[field], undefined, `${field} is omitted`);
    }
  });

  test('recoverable keys: getKey and listKeys with decrypt return the plaintext', async () => {
    const { data: { apiId: ownApi } } = await unkey.apis.createApi({ name: unique('recoverable') });
    const { data: recoverable } = await unkey.keys.createKey({ apiId: ownApi, recoverable: true, name: 'recoverable' });
    const { data: plain } = await unkey.keys.createKey({ apiId: ownApi, name: 'plain' });
    assert.equal((await unkey.keys.getKey({ keyId: recoverable.keyId, decrypt: true })).data.plaintext, recoverable.key);
    assert.equal((await unkey.keys.getKey({ keyId: recoverable.keyId })).data.plaintext, undefined,
      'no plaintext unless asked for');
    assert.equal((await unkey.keys.getKey({ keyId: plain.keyId, decrypt: true })).data.plaintext, undefined,
      'a key that is not recoverable has no plaintext');
    const listed = await unkey.apis.listKeys({ apiId: ownApi, decrypt: true });
    const byName = Object.fromEntries(listed.result.data.map((key) => [key.name, key]));
    assert.equal(byName.recoverable.plaintext, recoverable.key);
    assert.equal(byName.plain.plaintext, undefined);
  });

  test('an expiry in the past makes verification EXPIRED', async () => {
    const { data: { keyId, key } } = await unkey.keys.createKey({ apiId, expires: Date.now() + DAY });
    await unkey.keys.updateKey({ keyId, expires: Date.now() - 60000 });
    const { data } = await unkey.keys.verifyKey({ key });
    assert.deepEqual([data.valid, data.code, data.keyId], [false, 'EXPIRED', keyId]);
  });

  test('getKey / whoami of unknown keys are NotFoundErrorResponse', async () => {
    await rejectsWith(unkey.keys.getKey({ keyId: 'key_doesNotExist1' }), NotFoundErrorResponse, 404);
    await rejectsWith(unkey.keys.whoami({ key: 'not_a_real_key_1234567' }), NotFoundErrorResponse, 404);
  });

  test('updateKey changes, clears and disables', async () => {
    const { data: { keyId, key } } = await unkey.keys.createKey({
      apiId, name: 'before', meta: { a: 1 }, expires: Date.now() + DAY,
    });
    await unkey.keys.updateKey({ keyId, name: 'after', meta: null, expires: null, enabled: false });
    const { data: got } = await unkey.keys.getKey({ keyId });
    assert.equal(got.name, 'after');
    assert.equal(got.meta, undefined, 'meta: null clears');
    assert.equal(got.expires, undefined, 'expires: null clears');
    assert.equal(got.enabled, false);
    assert.equal((await unkey.keys.verifyKey({ key })).data.code, 'DISABLED');

    await unkey.keys.updateKey({ keyId, enabled: true, credits: { remaining: 2 } });
    const verified = await unkey.keys.verifyKey({ key });
    assert.equal(verified.data.code, 'VALID');
    assert.equal(verified.data.credits, 1);
  });

  test('updateCredits: set, increment, decrement (floors at 0), unlimited', async () => {
    const { data: { keyId } } = await unkey.keys.createKey({ apiId, credits: { remaining: 5 } });
    assert.equal((await unkey.keys.updateCredits({ keyId, operation: 'set', value: 7 })).data.remaining, 7);
    assert.equal((await unkey.keys.updateCredits({ keyId, operation: 'increment', value: 3 })).data.remaining, 10);
    assert.equal((await unkey.keys.updateCredits({ keyId, operation: 'decrement', value: 25 })).data.remaining, 0);
    const unlimited = await unkey.keys.updateCredits({ keyId, operation: 'set', value: null });
    assert.equal(unlimited.data.remaining, null);
    assert.equal((await unkey.keys.getKey({ keyId })).data.credits?.remaining ?? null, null);
    await rejectsWith(unkey.keys.updateCredits({ keyId, operation: 'increment', value: 1 }),
      BadRequestErrorResponse, 400);
  });

  test('rerollKey with expiration 0 revokes the old key at once', async () => {
    const { data: old } = await unkey.keys.createKey({
      apiId, prefix: 'rr', name: 'rolled', credits: { remaining: 9 }, permissions: ['p.one'],
    });
    const { data: fresh } = await unkey.keys.rerollKey({ keyId: old.keyId, expiration: 0 });
    assert.notEqual(fresh.keyId, old.keyId);
    assert.notEqual(fresh.key, old.key);
    assert.match(fresh.key, /^rr_/);
    const oldVerified = await unkey.keys.verifyKey({ key: old.key });
    assert.equal(oldVerified.data.valid, false);
    assert.ok(['EXPIRED', 'NOT_FOUND'].includes(oldVerified.data.code), oldVerified.data.code);
    const { data: copy } = await unkey.keys.getKey({ keyId: fresh.keyId });
    assert.equal(copy.name, 'rolled');
    assert.equal(copy.credits.remaining, 9);
    assert.deepEqual(copy.permissions, ['p.one']);
    const verified = await unkey.keys.verifyKey({ key: fresh.key, permissions: 'p.one' });
    assert.equal(verified.data.code, 'VALID');
  });

  test('migrateKeys imports hashes that then verify; a duplicate hash fails', async (t) => {
    if (!server.seeded) {
      t.skip('LATCHKEY_SEED_TOOL not set: cannot register a migration');
      return;
    }
    const plaintext = unique('legacy_key');
    const hash = createHash('sha256').update(plaintext).digest('base64');
    const migrationId = MIGRATION_ID;
    const { data } = await unkey.keys.migrateKeys({
      migrationId, apiId, keys: [{ hash, name: 'imported', credits: { remaining: 3 } }],
    });
    assert.deepEqual(data.failed, []);
    assert.equal(data.migrated.length, 1);
    assert.equal(data.migrated[0].hash, hash);
    const verified = await unkey.keys.verifyKey({ key: plaintext });
    assert.equal(verified.data.code, 'VALID');
    assert.equal(verified.data.keyId, data.migrated[0].keyId);
    assert.equal(verified.data.credits, 2);

    const again = await unkey.keys.migrateKeys({ migrationId, apiId, keys: [{ hash }] });
    assert.deepEqual(again.data.migrated, []);
    assert.deepEqual(again.data.failed, [hash]);
  });

  test('migrateKeys with an unregistered migrationId is NotFoundErrorResponse', async () => {
    const hash = createHash('sha256').update(unique('orphan')).digest('base64');
    await rejectsWith(unkey.keys.migrateKeys({ migrationId: unique('unregistered'), apiId, keys: [{ hash }] }),
      NotFoundErrorResponse, 404);
  });

  test('addPermissions / removePermissions / setPermissions', async () => {
    const { data: { keyId, key } } = await unkey.keys.createKey({ apiId });
    const slugs = (response) => response.data.map((permission) => permission.slug).sort();

    const added = await unkey.keys.addPermissions({ keyId, permissions: ['docs.read', 'docs.write'] });
    assert.deepEqual(slugs(added), ['docs.read', 'docs.write']);
    for (const permission of added.data) {
      assert.match(permission.id, /^perm_/);
      assert.equal(typeof permission.name, 'string');
    }
    assert.deepEqual(slugs(await unkey.keys.addPermissions({ keyId, permissions: ['docs.read'] })),
      ['docs.read', 'docs.write'], 'adding is idempotent');
    assert.deepEqual(slugs(await unkey.keys.removePermissions({ keyId, permissions: ['docs.write'] })),
      ['docs.read']);
    assert.equal((await unkey.keys.verifyKey({ key, permissions: 'docs.write' })).data.code,
      'INSUFFICIENT_PERMISSIONS');
    assert.deepEqual(slugs(await unkey.keys.setPermissions({ keyId, permissions: ['admin.all'] })),
      ['admin.all']);
    assert.equal((await unkey.keys.verifyKey({ key, permissions: 'admin.all' })).data.code, 'VALID');
    assert.deepEqual(slugs(await unkey.keys.setPermissions({ keyId, permissions: [] })), []);
    await rejectsWith(unkey.keys.addPermissions({ keyId: 'key_doesNotExist1', permissions: ['x.y'] }),
      NotFoundErrorResponse, 404);
  });

  test('addRoles / removeRoles / setRoles', async () => {
    const reader = unique('reader');
    const writer = unique('writer');
    await unkey.permissions.createRole({ name: reader, permissions: [] });
    await unkey.permissions.createPermission({ name: 'write', slug: `${writer}.write` });
    await unkey.permissions.createRole({ name: writer, permissions: [`${writer}.write`] });
    const { data: { keyId, key } } = await unkey.keys.createKey({ apiId });
    const names = (response) => response.data.map((role) => role.name).sort();

    const added = await unkey.keys.addRoles({ keyId, roles: [reader, writer] });
    assert.deepEqual(names(added), [reader, writer].sort());
    for (const role of added.data) assert.match(role.id, /^role_/);
    assert.equal((await unkey.keys.verifyKey({ key, permissions: `${writer}.write` })).data.code, 'VALID');
    assert.deepEqual(names(await unkey.keys.removeRoles({ keyId, roles: [writer] })), [reader]);
    assert.equal((await unkey.keys.verifyKey({ key, permissions: `${writer}.write` })).data.code,
      'INSUFFICIENT_PERMISSIONS');
    assert.deepEqual(names(await unkey.keys.setRoles({ keyId, roles: [writer] })), [writer]);
    assert.deepEqual((await unkey.keys.getKey({ keyId })).data.roles, [writer]);
    assert.deepEqual(names(await unkey.keys.setRoles({ keyId, roles: [] })), []);
    await rejectsWith(unkey.keys.addRoles({ keyId, roles: [unique('missing')] }), NotFoundErrorResponse, 404);
  });

  test('deleteKey (soft and permanent)', async () => {
    for (const permanent of [false, true]) {
      const { data: { keyId, key } } = await unkey.keys.createKey({ apiId });
      const deleted = await unkey.keys.deleteKey({ keyId, permanent });
      assert.deepEqual(deleted.data, {});
      await rejectsWith(unkey.keys.getKey({ keyId }), NotFoundErrorResponse, 404);
      const verified = await unkey.keys.verifyKey({ key });
      assert.deepEqual([verified.data.valid, verified.data.code], [false, 'NOT_FOUND']);
    }
    await rejectsWith(unkey.keys.deleteKey({ keyId: 'key_doesNotExist1' }), NotFoundErrorResponse, 404);
  });
});
