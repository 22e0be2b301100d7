// End-to-end consistency of analytics: a known mix of verifications and rate-limit checks sent
// through @unkey/api, then every read path must agree with it exactly — analytics.getVerifications
// (the SDK), the extension endpoints analytics.getTimeseries / getTopKeys / getTopIdentities /
// getVerificationLog and ratelimit.getTimeseries / getTopIdentifiers / getLog (plain fetch: the SDK
// does not know them), and the live stream POST /v2/analytics.stream read with fetch() while the
// traffic runs (per-second counts summed over the run, and the events it showed).
//
// NOT_FOUND: a key that does not exist belongs to no key, API or identity, so latchkeyd records no
// analytics event for it (only the latchkey_verifications_total{outcome="NOT_FOUND"} counter of
// GET /metrics counts it). One is sent here and must appear in none of the read paths.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { unique, unkeyFor } from '../lib/sdk.mjs';

const MINUTE = 60_000;

/** POST /v2/<route> with the root key in the Authorization header; the parsed body. */
async function ext(server, route, body) {
  const response = await fetch(`${server.url}/v2/${route}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.rootKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  assert.equal(response.status, 200, `${route}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * Opens the workspace live stream and reads it in the background: sums of the per-second counts
 * (`tick`: per outcome; `ratelimit`: passed/blocked) and every event shown, by request id.
 */
async function openStream(server) {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/v2/analytics.stream`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.rootKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ scope: 'workspace' }),
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/event-stream/);
  const seen = { outcomes: {}, passed: 0, blocked: 0, verifications: new Map(), checks: new Map(), messages: 0 };
  const decoder = new TextDecoder();
  let buffer = '';
  const reading = (async () => {
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(message)?.[1];
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (!event || !data) continue; // ": subscribed", ": ping"
          const payload = JSON.parse(data);
          seen.messages++;
          if (event === 'tick') {
            for (const [outcome, count] of Object.entries(payload.counts)) {
              seen.outcomes[outcome] = (seen.outcomes[outcome] ?? 0) + count;
            }
            for (const shown of payload.events) seen.verifications.set(shown.requestId, shown);
          } else if (event === 'ratelimit') {
            seen.passed += payload.counts.passed;
            seen.blocked += payload.counts.blocked;
            for (const shown of payload.events) seen.checks.set(shown.requestId, shown);
          }
        }
      }
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  })();
  return { seen, async close() { controller.abort(); await reading; } };
}

/** Polls `probe` until it returns true (the writer commits at least once a second). */
async function eventually(what, probe, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await delay(100);
  }
  assert.fail(`not within ${timeoutMs} ms: ${what}`);
}

function tally(items, keyOf) {
  const counts = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

describe('analytics agree with what was sent', () => {
  let server;
  let unkey;
  let stream;
  const sent = []; // { requestId, keyId, identityId, outcome, tags, spent }, in order
  const checks = []; // { requestId, identifier, passed, cost }
  let firstMs;
  let lastMs;
  let keys;
  let identities;
  let namespace;

  before(async () => {
    server = await startLatchkeyd();
    unkey = unkeyFor(server);
    const { data: { apiId } } = await unkey.apis.createApi({ name: unique('analytics') });
    const alice = unique('alice');
    const bob = unique('bob');
    const create = async (request) => (await unkey.keys.createKey({ apiId, ...request })).data;
    keys = {
      credits: await create({ externalId: alice, credits: { remaining: 2 } }),
      limited: await create({ externalId: alice, ratelimits: [{ name: 'burst', limit: 1, duration: 10 * MINUTE, autoApply: true }] }),
      permitted: await create({ externalId: bob, permissions: ['docs.read'] }),
      disabled: await create({ enabled: false }),
      expiring: await create({ expires: Date.now() + 1500 }),
    };
    const expiresAt = Date.now() + 1500; // no earlier than the key's own expiry
    identities = {
      alice: (await unkey.identities.getIdentity({ identity: alice })).data.id,
      bob: (await unkey.identities.getIdentity({ identity: bob })).data.id,
    };
    namespace = unique('sdk.analytics');
    stream = await openStream(server);

    firstMs = Date.now();
    const verify = async (name, request, expected, tags = [], spent = 0) => {
      const result = await unkey.keys.verifyKey({ key: keys[name].key, ...request, ...(tags.length ? { tags } : {}) });
      assert.equal(result.data.code, expected, `${name}: ${JSON.stringify(result.data)}`);
      sent.push({
        requestId: result.meta.requestId, keyId: keys[name].keyId, outcome: expected, tags, spent,
        identityId: name === 'credits' || name === 'limited' ? identities.alice : name === 'permitted' ? identities.bob : '',
      });
    };
    await verify('credits', {}, 'VALID', ['path=/a'], 1);
    await verify('limited', {}, 'VALID', ['path=/b']);
    await verify('credits', {}, 'VALID', ['path=/a', 'plan=pro'], 1);
    await verify('limited', {}, 'RATE_LIMITED', ['path=/b']);
    await verify('credits', {}, 'USAGE_EXCEEDED');
    await verify('permitted', { permissions: 'docs.read' }, 'VALID', ['path=/a']);
    await verify('permitted', { permissions: 'docs.write' }, 'INSUFFICIENT_PERMISSIONS');
    await verify('limited', {}, 'RATE_LIMITED');
    await verify('disabled', {}, 'DISABLED');
    const notFound = await unkey.keys.verifyKey({ key: 'sk_analytics_no_such_key' });
    assert.equal(notFound.data.code, 'NOT_FOUND');
    await delay(Math.max(0, expiresAt + 100 - Date.now()));
    await verify('expiring', {}, 'EXPIRED');

    for (const [identifier, cost, passed] of [['u1', 2, true], ['u1', 1, true], ['u2', 3, true], ['u1', 1, false]]) {
      const result = await unkey.ratelimit.limit({ namespace, identifier, limit: 3, duration: 10 * MINUTE, cost });
      assert.equal(result.data.success, passed, `${identifier}: ${JSON.stringify(result.data)}`);
      checks.push({ requestId: result.meta.requestId, identifier, passed, cost });
    }
    lastMs = Date.now();
  });

  after(async () => {
    await stream?.close();
    const { code } = await server.stop();
    assert.equal(code, 0, `latchkeyd exits 0 on SIGTERM; log:\n${server.stderr()}`);
  });

  const range = () => ({
    start: Math.floor(firstMs / MINUTE) * MINUTE - MINUTE,
    end: Math.ceil((lastMs + 1) / MINUTE) * MINUTE + MINUTE,
  });
  const byOutcome = (events) => tally(events, (event) => event.outcome);

  /**
   * The range percentiles of a series (`data.latencyP50Us` / `data.latencyP99Us`) against the
   * nearest-rank p50/p99 of the logged latencies of the same events: the server reads them from its
   * merged log-scale histogram (bin midpoints, bins at most 12.5 % wide), so within 1/16 of the value.
   */
  const assertRangeLatency = (data, latencies, what) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const nearestRank = (q) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
    for (const [field, q] of [['latencyP50Us', 0.5], ['latencyP99Us', 0.99]]) {
      const expected = nearestRank(q);
      assert.ok(Number.isInteger(data[field]), `${what}: ${field} ${data[field]}`);
      assert.ok(Math.abs(data[field] - expected) <= Math.ceil(expected / 16) + 1,
        `${what}: ${field} ${data[field]}, the logged latencies say ${expected}`);
    }
    assert.ok(data.latencyP50Us <= data.latencyP99Us, what);
  };
  /** A range of the same length right after range(): no events in it. */
  const emptyRange = () => ({ start: range().end, end: 2 * range().end - range().start });

  test('the verification log holds exactly the events, newest first, and its filters', async () => {
    let log = [];
    await eventually('every verification in the log', async () => {
      log = (await ext(server, 'analytics.getVerificationLog', { limit: 100 })).data;
      return log.length >= sent.length;
    });
    assert.deepEqual(log.map((entry) => entry.requestId), sent.map((event) => event.requestId).reverse());
    for (const entry of log) {
      const event = sent.find((candidate) => candidate.requestId === entry.requestId);
      assert.equal(entry.keyId, event.keyId);
      assert.equal(entry.outcome, event.outcome);
      assert.deepEqual(entry.tags, event.tags);
      assert.equal(entry.spentCredits, event.spent);
      assert.equal(entry.identityId ?? '', event.identityId);
      assert.ok(entry.time >= firstMs - 5 && entry.time <= lastMs + 5, `time ${entry.time}`);
    }
    const ids = async (filter) => (await ext(server, 'analytics.getVerificationLog', filter)).data.map((entry) => entry.requestId);
    const expect = (keep) => sent.filter(keep).map((event) => event.requestId).reverse();
    assert.deepEqual(await ids({ outcomes: ['RATE_LIMITED', 'DISABLED'] }),
      expect((event) => event.outcome === 'RATE_LIMITED' || event.outcome === 'DISABLED'));
    assert.deepEqual(await ids({ tags: ['path=/a'] }), expect((event) => event.tags.includes('path=/a')));
    assert.deepEqual(await ids({ tags: ['path=/a', 'plan=pro'] }), expect((event) => event.tags.includes('plan=pro')));
    assert.deepEqual(await ids({ keyId: keys.limited.keyId }), expect((event) => event.keyId === keys.limited.keyId));
    assert.deepEqual(await ids({ identityId: identities.alice }), expect((event) => event.identityId === identities.alice));
    const middle = sent[4];
    const middleTime = log.find((entry) => entry.requestId === middle.requestId).time;
    const since = await ids({ start: middleTime });
    assert.ok(since.includes(middle.requestId) && since.length >= sent.length - 4 && since.length <= sent.length);
    // Pages of 4 walk the same list.
    const paged = [];
    let cursor;
    do {
      const page = await ext(server, 'analytics.getVerificationLog', { limit: 4, ...(cursor ? { cursor } : {}) });
      paged.push(...page.data.map((entry) => entry.requestId));
      cursor = page.pagination?.hasMore ? page.pagination.cursor : undefined;
    } while (cursor);
    assert.deepEqual(paged, log.map((entry) => entry.requestId));
  });

  test('analytics.getVerifications (SDK) counts by outcome, key, tags and spent credits', async () => {
    const query = async (sql) => (await unkey.analytics.getVerifications({ query: sql })).data;
    await eventually('every verification in key_verifications_v1', async () =>
      (await query('SELECT COUNT(*) AS total FROM key_verifications_v1'))[0].total >= sent.length);
    const outcomes = await query('SELECT outcome, COUNT(*) AS total FROM key_verifications_v1 GROUP BY outcome');
    assert.deepEqual(Object.fromEntries(outcomes.map((row) => [row.outcome, row.total])), byOutcome(sent));
    const perKey = await query('SELECT key_id, COUNT(*) AS total, SUM(spent_credits) AS spent FROM key_verifications_v1 GROUP BY key_id');
    assert.deepEqual(Object.fromEntries(perKey.map((row) => [row.key_id, row.total])), tally(sent, (event) => event.keyId));
    assert.deepEqual(Object.fromEntries(perKey.map((row) => [row.key_id, row.spent])),
      Object.fromEntries(Object.values(keys).filter((key) => sent.some((event) => event.keyId === key.keyId))
        .map((key) => [key.keyId, sent.filter((event) => event.keyId === key.keyId).reduce((sum, event) => sum + event.spent, 0)])));
    const [{ spent }] = await query('SELECT SUM(spent_credits) AS spent FROM key_verifications_v1');
    assert.equal(spent, 2);
    const perIdentity = await query("SELECT identity_id, COUNT(*) AS total FROM key_verifications_v1 WHERE identity_id != '' GROUP BY identity_id");
    assert.deepEqual(Object.fromEntries(perIdentity.map((row) => [row.identity_id, row.total])),
      tally(sent.filter((event) => event.identityId), (event) => event.identityId));
    const tagged = await query('SELECT tags, COUNT(*) AS total FROM key_verifications_v1 GROUP BY tags');
    const normalized = Object.fromEntries(tagged.map((row) => [JSON.stringify(typeof row.tags === 'string' ? JSON.parse(row.tags) : row.tags), row.total]));
    assert.deepEqual(normalized, tally(sent, (event) => JSON.stringify(event.tags)));
    // The per-minute aggregate view sums to the same counts.
    const minute = await query('SELECT outcome, SUM(count) AS total, SUM(spent_credits) AS spent FROM key_verifications_per_minute_v1 GROUP BY outcome');
    assert.deepEqual(Object.fromEntries(minute.map((row) => [row.outcome, row.total])), byOutcome(sent));
    assert.equal(minute.reduce((sum, row) => sum + row.spent, 0), 2);
  });

  test('analytics.getTimeseries sums to the counts for the workspace, a key and an identity', async () => {
    const sum = (buckets) => {
      const outcomes = {};
      let spent = 0;
      for (const bucket of buckets) {
        spent += bucket.spentCredits;
        for (const [outcome, count] of Object.entries(bucket.outcomes)) if (count) outcomes[outcome] = (outcomes[outcome] ?? 0) + count;
        assert.equal(bucket.total, Object.values(bucket.outcomes).reduce((a, b) => a + b, 0));
      }
      return { outcomes, spent };
    };
    const series = async (scope) => (await ext(server, 'analytics.getTimeseries', { ...scope, ...range(), bucket: 'minute' })).data.buckets;
    await eventually('the workspace series complete', async () =>
      (await series({ scope: 'workspace' })).reduce((total, bucket) => total + bucket.total, 0) >= sent.length);
    assert.deepEqual(sum(await series({ scope: 'workspace' })), { outcomes: byOutcome(sent), spent: 2 });
    const ofKey = sent.filter((event) => event.keyId === keys.credits.keyId);
    assert.deepEqual(sum(await series({ scope: 'key', keyId: keys.credits.keyId })), { outcomes: byOutcome(ofKey), spent: 2 });
    const ofAlice = sent.filter((event) => event.identityId === identities.alice);
    assert.deepEqual(sum(await series({ scope: 'identity', identityId: identities.alice })), { outcomes: byOutcome(ofAlice), spent: 2 });
    const hourly = (await ext(server, 'analytics.getTimeseries', { scope: 'workspace', ...range(), bucket: 'hour' })).data.buckets;
    assert.deepEqual(sum(hourly).outcomes, byOutcome(sent));

    const log = (await ext(server, 'analytics.getVerificationLog', { limit: 100 })).data;
    assert.equal(log.length, sent.length);
    const whole = (await ext(server, 'analytics.getTimeseries', { scope: 'workspace', ...range(), bucket: 'minute' })).data;
    assertRangeLatency(whole, log.map((entry) => entry.latencyUs), 'workspace range');
    const none = (await ext(server, 'analytics.getTimeseries', { scope: 'workspace', ...emptyRange(), bucket: 'minute' })).data;
    assert.deepEqual([none.latencyP50Us, none.latencyP99Us], [null, null]);
  });

  test('analytics.getTopKeys and getTopIdentities: order and counts', async () => {
    const expectTop = (idOf, events) => {
      const rows = {};
      for (const event of events) {
        const id = idOf(event);
        if (!id) continue;
        rows[id] ??= { verifications: 0, valid: 0, rejections: 0, spentCredits: 0 };
        rows[id].verifications++;
        if (event.outcome === 'VALID') rows[id].valid++;
        else rows[id].rejections++;
        rows[id].spentCredits += event.spent;
      }
      return Object.entries(rows).sort(([a, x], [b, y]) => y.verifications - x.verifications || (a < b ? -1 : 1));
    };
    await eventually('the top list complete', async () =>
      (await ext(server, 'analytics.getTopKeys', range())).data.reduce((total, row) => total + row.verifications, 0) >= sent.length);
    const topKeys = (await ext(server, 'analytics.getTopKeys', { ...range(), limit: 10 })).data;
    assert.deepEqual(topKeys.map(({ keyId, verifications, valid, rejections, spentCredits }) => [keyId, { verifications, valid, rejections, spentCredits }]),
      expectTop((event) => event.keyId, sent));
    const topIdentities = (await ext(server, 'analytics.getTopIdentities', range())).data;
    assert.deepEqual(topIdentities.map(({ identityId, verifications, valid, rejections, spentCredits }) => [identityId, { verifications, valid, rejections, spentCredits }]),
      expectTop((event) => event.identityId, sent));
    const bySpent = (await ext(server, 'analytics.getTopKeys', { ...range(), orderBy: 'spentCredits', limit: 1 })).data;
    assert.deepEqual(bySpent.map((row) => [row.keyId, row.spentCredits]), [[keys.credits.keyId, 2]]);
  });

  test('ratelimit.getTimeseries, getTopIdentifiers and getLog agree with the checks', async () => {
    let log = [];
    await eventually('every check in the log', async () => {
      log = (await ext(server, 'ratelimit.getLog', { namespace })).data;
      return log.length >= checks.length;
    });
    assert.deepEqual(log.map((entry) => [entry.requestId, entry.identifier, entry.passed, entry.cost, entry.limit]),
      checks.map((check) => [check.requestId, check.identifier, check.passed, check.cost, 3]).reverse());
    assert.deepEqual((await ext(server, 'ratelimit.getLog', { namespace, passed: false })).data.map((entry) => entry.requestId),
      checks.filter((check) => !check.passed).map((check) => check.requestId));
    assert.deepEqual((await ext(server, 'ratelimit.getLog', { namespace, identifier: 'u2' })).data.map((entry) => entry.requestId),
      [checks[2].requestId]);

    const { data: series } = await ext(server, 'ratelimit.getTimeseries', { namespace, ...range(), bucket: 'minute' });
    const totals = series.buckets.reduce((sum, bucket) => ({
      passed: sum.passed + bucket.passed, blocked: sum.blocked + bucket.blocked,
      passedCost: sum.passedCost + bucket.passedCost, blockedCost: sum.blockedCost + bucket.blockedCost,
    }), { passed: 0, blocked: 0, passedCost: 0, blockedCost: 0 });
    assert.deepEqual(totals, { passed: 3, blocked: 1, passedCost: 6, blockedCost: 1 });
    assertRangeLatency(series, log.map((entry) => entry.latencyUs), 'namespace range');
    const none = (await ext(server, 'ratelimit.getTimeseries', { namespace, ...emptyRange(), bucket: 'minute' })).data;
    assert.deepEqual([none.latencyP50Us, none.latencyP99Us], [null, null]);
    const u1 = (await ext(server, 'ratelimit.getTimeseries', { namespace, identifier: 'u1', ...range(), bucket: 'hour' })).data.buckets;
    assert.equal(u1.reduce((sum, bucket) => sum + bucket.total, 0), 3);

    const top = (await ext(server, 'ratelimit.getTopIdentifiers', { namespace, ...range() })).data;
    assert.deepEqual(top.map(({ identifier, total, passed, blocked, passedCost }) => ({ identifier, total, passed, blocked, passedCost })),
      [{ identifier: 'u1', total: 3, passed: 2, blocked: 1, passedCost: 3 }, { identifier: 'u2', total: 1, passed: 1, blocked: 0, passedCost: 3 }]);
  });

  test('the live stream counted every verification and check exactly once', async () => {
    const { seen } = stream;
    const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
    await eventually('the stream caught up', () =>
      total(seen.outcomes) >= sent.length && seen.passed + seen.blocked >= checks.length, 10_000);
    await delay(2_500); // two more ticks: nothing may be counted twice or late
    assert.deepEqual(seen.outcomes, byOutcome(sent));
    assert.deepEqual({ passed: seen.passed, blocked: seen.blocked }, { passed: 3, blocked: 1 });
    // Fewer than 20 events per second were sent, so the stream showed every one of them.
    assert.deepEqual([...seen.verifications.keys()].sort(), sent.map((event) => event.requestId).sort());
    for (const event of sent) {
      const shown = seen.verifications.get(event.requestId);
      assert.equal(shown.outcome, event.outcome);
      assert.equal(shown.keyId, event.keyId);
      assert.equal(shown.spentCredits, event.spent);
      assert.deepEqual(shown.tags ?? [], event.tags);
    }
    assert.deepEqual([...seen.checks.keys()].sort(), checks.map((check) => check.requestId).sort());
    for (const check of checks) {
      const shown = seen.checks.get(check.requestId);
      assert.deepEqual([shown.identifier, shown.passed, shown.cost, shown.limit], [check.identifier, check.passed, check.cost, 3]);
    }
  });
});
