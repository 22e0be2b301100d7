// ratelimit.* through @unkey/api (limit, multiLimit, overrides) and the @unkey/ratelimit SDK.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NotFoundErrorResponse } from '@unkey/api/models/errors';
import { Overrides, Ratelimit } from '@unkey/ratelimit';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { allPages, rejectsWith, unique, unkeyFor } from '../lib/sdk.mjs';

// Day-long windows: a test never straddles a window boundary in practice.
const DAY = 24 * 60 * 60 * 1000;

describe('ratelimit', () => {
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

  test('limit passes 3 times, then blocks', async () => {
    const namespace = unique('ns');
    const answers = [];
    for (let i = 0; i < 4; ++i) {
      answers.push((await unkey.ratelimit.limit({ namespace, identifier: 'user', limit: 3, duration: DAY })).data);
    }
    assert.deepEqual(answers.map((answer) => answer.success), [true, true, true, false]);
    assert.deepEqual(answers.map((answer) => answer.remaining), [2, 1, 0, 0]);
    for (const answer of answers) {
      assert.equal(answer.limit, 3);
      assert.ok(answer.reset > Date.now() && answer.reset <= Date.now() + DAY, `reset ${answer.reset} is absolute`);
      assert.equal(answer.overrideId, undefined);
    }
    const other = await unkey.ratelimit.limit({ namespace, identifier: 'someone-else', limit: 3, duration: DAY });
    assert.equal(other.data.success, true, 'identifiers are counted apart');
    const costly = await unkey.ratelimit.limit({ namespace, identifier: 'costly', limit: 3, duration: DAY, cost: 3 });
    assert.deepEqual([costly.data.success, costly.data.remaining], [true, 0]);
  });

  test('multiLimit is all-or-nothing', async () => {
    const tight = unique('tight');
    const loose = unique('loose');
    const checks = [
      { namespace: tight, identifier: 'u', limit: 1, duration: DAY },
      { namespace: loose, identifier: 'u', limit: 5, duration: DAY },
    ];
    const first = await unkey.ratelimit.multiLimit(checks);
    assert.equal(first.data.passed, true);
    assert.deepEqual(first.data.limits.map((limit) => [limit.namespace, limit.identifier, limit.passed, limit.remaining]),
      [[tight, 'u', true, 0], [loose, 'u', true, 4]]);
    const second = await unkey.ratelimit.multiLimit(checks);
    assert.equal(second.data.passed, false);
    assert.equal(second.data.limits.find((limit) => limit.namespace === tight).passed, false);
    const looseAfter = await unkey.ratelimit.limit({ namespace: loose, identifier: 'u', limit: 5, duration: DAY });
    assert.equal(looseAfter.data.remaining, 3, 'the rejected multiLimit spent nothing in the other namespace');
  });

  test('overrides: set, get, apply, limit 0 blocks, list (paginated), delete', async () => {
    const namespace = unique('ovr');
    await unkey.ratelimit.limit({ namespace, identifier: 'seed', limit: 1, duration: DAY });

    const set = await unkey.ratelimit.setOverride({ namespace, identifier: 'vip', limit: 100, duration: DAY });
    const { overrideId } = set.data;
    assert.equal(typeof overrideId, 'string');
    const got = await unkey.ratelimit.getOverride({ namespace, identifier: 'vip' });
    assert.deepEqual(got.data, { overrideId, identifier: 'vip', limit: 100, duration: DAY });

    const applied = await unkey.ratelimit.limit({ namespace, identifier: 'vip', limit: 1, duration: DAY });
    assert.deepEqual([applied.data.success, applied.data.limit, applied.data.overrideId], [true, 100, overrideId]);

    await unkey.ratelimit.setOverride({ namespace, identifier: 'banned', limit: 0, duration: DAY });
    const blocked = await unkey.ratelimit.limit({ namespace, identifier: 'banned', limit: 10, duration: DAY });
    assert.equal(blocked.data.success, false, 'an override with limit 0 blocks');

    for (let i = 0; i < 10; ++i) {
      await unkey.ratelimit.setOverride({ namespace, identifier: `bulk-${i}`, limit: i + 1, duration: DAY });
    }
    const pages = await allPages(await unkey.ratelimit.listOverrides({ namespace, limit: 5 }));
    assert.deepEqual(pages.map((page) => page.result.data.length), [5, 5, 2]);
    assert.equal(pages.at(-1).result.pagination.cursor, undefined);
    const identifiers = pages.flatMap((page) => page.result.data.map((entry) => entry.identifier)).sort();
    assert.deepEqual(identifiers, ['banned', ...Array.from({ length: 10 }, (_, i) => `bulk-${i}`), 'vip'].sort());

    assert.deepEqual((await unkey.ratelimit.deleteOverride({ namespace, identifier: 'vip' })).data, {});
    await rejectsWith(unkey.ratelimit.getOverride({ namespace, identifier: 'vip' }), NotFoundErrorResponse, 404);
    const fallback = await unkey.ratelimit.limit({ namespace, identifier: 'vip', limit: 1, duration: DAY });
    assert.equal(fallback.data.overrideId, undefined, 'the default applies again');
  });

  test('overrides on an unknown namespace are NotFoundErrorResponse', async () => {
    await rejectsWith(unkey.ratelimit.getOverride({ namespace: unique('missing'), identifier: 'x' }),
      NotFoundErrorResponse, 404);
  });

  test('@unkey/ratelimit: limit() passes, then blocks', async () => {
    const limiter = new Ratelimit({
      rootKey: server.rootKey,
      baseUrl: server.url,
      namespace: unique('rl-sdk'),
      limit: 2,
      duration: '1d',
      timeout: false, // a network problem must fail the test, not fall back
    });
    const answers = [];
    for (let i = 0; i < 3; ++i) answers.push(await limiter.limit('customer-1'));
    assert.deepEqual(answers.map((answer) => answer.success), [true, true, false]);
    assert.deepEqual(answers.map((answer) => answer.remaining), [1, 0, 0]);
    assert.equal(answers[0].limit, 2);
    assert.equal((await limiter.limit('customer-2')).success, true);
    assert.equal((await limiter.limit('customer-3', { limit: { limit: 1, duration: 60000 }, cost: 1 })).success, true);
  });

  test('@unkey/ratelimit: Overrides', async () => {
    const namespace = unique('rl-ovr');
    const limiter = new Ratelimit({ rootKey: server.rootKey, baseUrl: server.url, namespace, limit: 1, duration: '1d', timeout: false });
    assert.equal((await limiter.limit('warm-up')).success, true);
    const overrides = new Overrides({ rootKey: server.rootKey, baseUrl: server.url });
    const set = await overrides.setOverride({ namespace, identifier: 'partner', limit: 3, duration: DAY });
    const got = await overrides.getOverride({ namespace, identifier: 'partner' });
    assert.equal(got.data.overrideId, set.data.overrideId);
    const answers = [];
    for (let i = 0; i < 4; ++i) answers.push((await limiter.limit('partner')).success);
    assert.deepEqual(answers, [true, true, true, false]);
    await overrides.deleteOverride({ namespace, identifier: 'partner' });
  });
});
