// apis.createApi / getApi / listKeys (paginated) / deleteApi through @unkey/api.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NotFoundErrorResponse } from '@unkey/api/models/errors';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { allPages, rejectsWith, unique, unkeyFor } from '../lib/sdk.mjs';

describe('apis', () => {
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

  test('createApi then getApi', async () => {
    const name = unique('api');
    const created = await unkey.apis.createApi({ name });
    assert.match(created.meta.requestId, /^req_/);
    assert.match(created.data.apiId, /^api_/);
    const fetched = await unkey.apis.getApi({ apiId: created.data.apiId });
    assert.deepEqual(fetched.data, { id: created.data.apiId, name });
  });

  test('getApi of an unknown id is NotFoundErrorResponse', async () => {
    await rejectsWith(unkey.apis.getApi({ apiId: 'api_doesNotExist1' }), NotFoundErrorResponse, 404);
  });

  test('listKeys pages through 25 keys 10 at a time', async () => {
    const { data: { apiId } } = await unkey.apis.createApi({ name: unique('paged') });
    const created = new Set();
    for (let i = 0; i < 25; ++i) {
      const { data } = await unkey.keys.createKey({ apiId, name: `key-${i}`, meta: { i } });
      created.add(data.keyId);
    }

    const first = await unkey.apis.listKeys({ apiId, limit: 10 });
    assert.equal(first.result.data.length, 10);
    assert.equal(first.result.pagination.hasMore, true);
    assert.equal(typeof first.result.pagination.cursor, 'string');
    const second = await first.next();
    assert.ok(second, 'next() gives the second page');
    assert.equal(second.result.data.length, 10);

    const pages = await allPages(await unkey.apis.listKeys({ apiId, limit: 10 }));
    assert.deepEqual(pages.map((page) => page.result.data.length), [10, 10, 5]);
    const last = pages.at(-1).result.pagination;
    assert.equal(last.hasMore, false);
    assert.equal(last.cursor, undefined, 'no cursor on the last page');
    const listed = pages.flatMap((page) => page.result.data);
    assert.deepEqual(new Set(listed.map((key) => key.keyId)), created);
    for (const key of listed) {
      assert.equal(key.enabled, true);
      assert.equal(typeof key.createdAt, 'number');
      assert.equal(key.name, `key-${key.meta.i}`);
    }
  });

  test('listKeys filters by externalId', async () => {
    const { data: { apiId } } = await unkey.apis.createApi({ name: unique('filtered') });
    const owner = unique('owner');
    const mine = new Set();
    for (let i = 0; i < 3; ++i) mine.add((await unkey.keys.createKey({ apiId, externalId: owner })).data.keyId);
    await unkey.keys.createKey({ apiId, externalId: unique('someone-else') });
    await unkey.keys.createKey({ apiId });
    const listed = await unkey.apis.listKeys({ apiId, externalId: owner });
    assert.deepEqual(new Set(listed.result.data.map((key) => key.keyId)), mine);
    for (const key of listed.result.data) assert.equal(key.identity.externalId, owner);
    const nobody = await unkey.apis.listKeys({ apiId, externalId: unique('nobody') });
    assert.deepEqual([nobody.result.data, nobody.result.pagination.hasMore], [[], false]);
  });

  test('deleteApi: the API is gone and its keys verify as NOT_FOUND', async () => {
    const { data: { apiId } } = await unkey.apis.createApi({ name: unique('doomed') });
    const { data: { key } } = await unkey.keys.createKey({ apiId });
    assert.equal((await unkey.keys.verifyKey({ key })).data.code, 'VALID');

    const deleted = await unkey.apis.deleteApi({ apiId });
    assert.deepEqual(deleted.data, {});
    await rejectsWith(unkey.apis.getApi({ apiId }), NotFoundErrorResponse, 404);
    const verified = await unkey.keys.verifyKey({ key });
    assert.equal(verified.data.valid, false);
    assert.equal(verified.data.code, 'NOT_FOUND');
    await rejectsWith(unkey.apis.deleteApi({ apiId }), NotFoundErrorResponse, 404);
  });
});
