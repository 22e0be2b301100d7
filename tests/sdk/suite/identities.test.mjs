// identities.* through @unkey/api: create, get (by id and externalId), list (paginated),
// update, delete, and the typed 409/404 errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { APIError, ConflictErrorResponse, NotFoundErrorResponse } from '@unkey/api/models/errors';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { allPages, rejectsWith, unique, unkeyFor } from '../lib/sdk.mjs';

describe('identities', () => {
  let server;
  let unkey;
  before(async () => {
    server = await startLatchkeyd();
    unkey = unkeyFor(server);
  });
  after(async () => {
    const { code } = await server.stop();
    assert.equal(code, 0, `latchkeyd exits 0 on SIGTERM; log:\n${server.stderr()}`);
  });

  test('create, get by id and by externalId, update, delete', async () => {
    const externalId = unique('user');
    const created = await unkey.identities.createIdentity({
      externalId,
      meta: { plan: 'pro' },
      ratelimits: [{ name: 'tokens', limit: 100, duration: 60000 }],
    });
    const { identityId } = created.data;
    assert.match(identityId, /^id_/);

    for (const identity of [identityId, externalId]) {
      const { data } = await unkey.identities.getIdentity({ identity });
      assert.equal(data.id, identityId);
      assert.equal(data.externalId, externalId);
      assert.deepEqual(data.meta, { plan: 'pro' });
      assert.equal(data.ratelimits.length, 1);
      assert.equal(data.ratelimits[0].name, 'tokens');
      assert.equal(data.ratelimits[0].limit, 100);
      assert.equal(data.ratelimits[0].duration, 60000);
    }

    const updated = await unkey.identities.updateIdentity({
      identity: identityId,
      meta: { plan: 'enterprise' },
      ratelimits: [{ name: 'requests', limit: 5, duration: 1000 }],
    });
    assert.equal(updated.data.id, identityId);
    assert.deepEqual(updated.data.meta, { plan: 'enterprise' });
    assert.deepEqual(updated.data.ratelimits.map((limit) => limit.name), ['requests']);

    const deleted = await unkey.identities.deleteIdentity({ identity: identityId });
    assert.match(deleted.meta.requestId, /^req_/);
    await rejectsWith(unkey.identities.getIdentity({ identity: identityId }), NotFoundErrorResponse, 404);
    // The 2.5.1 SDK types deleteIdentity's errors only for Content-Type application/problem+json
    // (as the contract declares), yet sends "Accept: application/json", so a server that answers
    // like Unkey (problem+json only when asked for) reaches it as the fallback APIError.
    const gone = await rejectsWith(unkey.identities.deleteIdentity({ identity: identityId }), APIError, 404);
    assert.match(JSON.parse(gone.body).error.type, /identity_not_found/);
    const asked = await fetch(`${server.url}/v2/identities.deleteIdentity`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/problem+json',
        Authorization: `Bearer ${server.rootKey}`,
      },
      body: JSON.stringify({ identity: identityId }),
    });
    assert.equal(asked.status, 404);
    assert.equal(asked.headers.get('content-type'), 'application/problem+json');
  });

  test('a duplicate externalId is ConflictErrorResponse', async () => {
    const externalId = unique('dup');
    await unkey.identities.createIdentity({ externalId });
    await rejectsWith(unkey.identities.createIdentity({ externalId }), ConflictErrorResponse, 409);
  });

  test('keys created with an externalId belong to that identity', async () => {
    const externalId = unique('owner');
    const { data: { apiId } } = await unkey.apis.createApi({ name: unique('identity-keys') });
    const { data: { key } } = await unkey.keys.createKey({ apiId, externalId });
    const { data: identity } = await unkey.identities.getIdentity({ identity: externalId });
    const verified = await unkey.keys.verifyKey({ key });
    assert.equal(verified.data.identity.id, identity.id);
    assert.equal(verified.data.identity.externalId, externalId);
  });

  test('listIdentities pages through 12 identities 5 at a time', async () => {
    const tag = unique('listed');
    const created = new Set();
    for (let i = 0; i < 12; ++i) {
      const { data } = await unkey.identities.createIdentity({ externalId: `${tag}_${i}` });
      created.add(data.identityId);
    }
    const pages = await allPages(await unkey.identities.listIdentities({ limit: 5, search: tag }));
    assert.deepEqual(pages.map((page) => page.result.data.length), [5, 5, 2]);
    assert.equal(pages.at(-1).result.pagination.hasMore, false);
    assert.equal(pages.at(-1).result.pagination.cursor, undefined);
    assert.deepEqual(new Set(pages.flatMap((page) => page.result.data.map((identity) => identity.id))), created);
  });
});
