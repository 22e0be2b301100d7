// keys.verifyKey through @unkey/api: outcomes, credits, rate limits, identity, and 50 concurrent
// verifications of a key with 10 credits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BadRequestErrorResponse } from '@unkey/api/models/errors';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { rejectsWith, unique, unkeyFor } from '../lib/sdk.mjs';

const DAY = 24 * 60 * 60 * 1000;

describe('keys.verifyKey', () => {
  let server;
  let unkey;
  let apiId;
  before(async () => {
    server = await startLatchkeyd();
    unkey = unkeyFor(server);
    ({ data: { apiId } } = await unkey.apis.createApi({ name: unique('verify') }));
  });
  after(async () => {
    const { code } = await server.stop();
    assert.equal(code, 0, `latchkeyd exits 0 on SIGTERM; log:\n${server.stderr()}`);
  });

  test('a valid key returns its details', async () => {
    const externalId = unique('owner');
    const expires = Date.now() + DAY;
    const { data: { keyId, key } } = await unkey.keys.createKey({
      apiId, name: 'verified', meta: { tier: 'gold' }, externalId, expires, permissions: ['a.read'],
    });
    const { data } = await unkey.keys.verifyKey({ key, tags: ['path=/v1/things'] });
    assert.equal(data.valid, true);
    assert.equal(data.code, 'VALID');
    assert.equal(data.keyId, keyId);
    assert.equal(data.name, 'verified');
    assert.deepEqual(data.meta, { tier: 'gold' });
    assert.equal(data.expires, expires);
    assert.equal(data.enabled, true);
    assert.equal(data.credits, undefined, 'unlimited keys omit credits');
    assert.deepEqual(data.permissions, ['a.read']);
    assert.equal(data.identity.externalId, externalId);
  });

  test('an unknown key is 200 NOT_FOUND with nothing else', async () => {
    const { data } = await unkey.keys.verifyKey({ key: 'sk_this_key_does_not_exist' });
    assert.deepEqual(data, { valid: false, code: 'NOT_FOUND' });
  });

  test('credits: default cost 1, custom cost, cost 0, USAGE_EXCEEDED without spending', async () => {
    const { data: { keyId, key } } = await unkey.keys.createKey({ apiId, credits: { remaining: 5 } });
    assert.equal((await unkey.keys.verifyKey({ key })).data.credits, 4);
    assert.equal((await unkey.keys.verifyKey({ key, credits: { cost: 3 } })).data.credits, 1);
    const exceeded = await unkey.keys.verifyKey({ key, credits: { cost: 2 } });
    assert.deepEqual([exceeded.data.valid, exceeded.data.code, exceeded.data.credits], [false, 'USAGE_EXCEEDED', 1]);
    const free = await unkey.keys.verifyKey({ key, credits: { cost: 0 } });
    assert.deepEqual([free.data.code, free.data.credits], ['VALID', 1]);
    assert.equal((await unkey.keys.getKey({ keyId })).data.credits.remaining, 1);
  });

  test('rate limits: auto-applied and requested', async () => {
    const { data: { key } } = await unkey.keys.createKey({
      apiId,
      ratelimits: [
        { name: 'auto', limit: 2, duration: DAY, autoApply: true },
        { name: 'on-request', limit: 1, duration: DAY },
      ],
    });
    const first = await unkey.keys.verifyKey({ key });
    assert.equal(first.data.code, 'VALID');
    const limit = first.data.ratelimits.find((entry) => entry.name === 'auto');
    assert.equal(limit.limit, 2);
    assert.equal(limit.remaining, 1);
    assert.equal(limit.exceeded, false);
    assert.equal(limit.autoApply, true);
    assert.ok(limit.reset > Date.now() && limit.reset <= Date.now() + DAY, `reset ${limit.reset} is absolute`);

    const requested = await unkey.keys.verifyKey({ key, ratelimits: [{ name: 'on-request' }] });
    assert.equal(requested.data.code, 'VALID');
    assert.equal((await unkey.keys.verifyKey({ key })).data.code, 'RATE_LIMITED');
  });

  test('permission queries', async () => {
    const { data: { key } } = await unkey.keys.createKey({ apiId, permissions: ['docs.read', 'docs.write'] });
    const code = async (permissions) => (await unkey.keys.verifyKey({ key, permissions })).data.code;
    assert.equal(await code('docs.read AND docs.write'), 'VALID');
    assert.equal(await code('docs.delete OR (docs.read and docs.write)'), 'VALID');
    assert.equal(await code('docs.delete'), 'INSUFFICIENT_PERMISSIONS');
    const error = await rejectsWith(unkey.keys.verifyKey({ key, permissions: 'docs.read AND' }),
      BadRequestErrorResponse, 400);
    assert.ok(Array.isArray(error.error.errors));
  });

  test('50 concurrent verifications of a key with 10 credits: exactly 10 VALID', async () => {
    const { data: { keyId, key } } = await unkey.keys.createKey({ apiId, credits: { remaining: 10 } });
    const results = await Promise.all(Array.from({ length: 50 }, () => unkey.keys.verifyKey({ key })));
    const codes = results.map((result) => result.data.code);
    assert.equal(codes.filter((code) => code === 'VALID').length, 10, codes.join(','));
    assert.equal(codes.filter((code) => code === 'USAGE_EXCEEDED').length, 40, codes.join(','));
    const remaining = results.filter((result) => result.data.valid).map((result) => result.data.credits).sort((a, b) => a - b);
    assert.deepEqual(remaining, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'each VALID answer saw its own balance');
    assert.equal((await unkey.keys.getKey({ keyId })).data.credits.remaining, 0);
  });
});
