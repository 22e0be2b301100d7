// Test data through the public API: an API, owners, keys with credits and rate limits, and a mix
// of verifications whose outcomes the tests know exactly.

export async function seedWorkspace(server) {
  const { data: api } = await server.call('apis.createApi', { name: 'payments' });
  await server.call('identities.createIdentity', { externalId: 'acme-corp' });
  await server.call('identities.createIdentity', { externalId: 'globex' });
  const key = async (body) => (await server.call('keys.createKey', { apiId: api.apiId, ...body })).data;
  return {
    apiId: api.apiId,
    checkout: await key({ name: 'checkout-service', prefix: 'chk', externalId: 'acme-corp' }),
    metered: await key({ name: 'metered-export', prefix: 'mtr', externalId: 'globex', credits: { remaining: 3 } }),
    limited: await key({ name: 'mobile-app', prefix: 'mob', externalId: 'acme-corp',
      ratelimits: [{ name: 'requests', limit: 4, duration: 60000, autoApply: true }] }),
    disabled: await key({ name: 'legacy-cron', prefix: 'old', enabled: false }),
  };
}

export async function verify(server, key, extra = {}) {
  const { data } = await server.call('keys.verifyKey', { key, ...extra });
  return data.code;
}

/** @p count verifications of @p key; returns the outcomes in order. */
export async function verifyMany(server, key, count, extra = {}) {
  const outcomes = [];
  for (let i = 0; i < count; ++i) outcomes.push(await verify(server, key, extra));
  return outcomes;
}

/** A realistic mix for a few seconds (the live chart and the screenshots). */
export async function backgroundTraffic(server, keys, seconds) {
  const tags = [['path=/v1/charge'], ['path=/v1/refund'], ['path=/v1/customers']];
  for (let second = 0; second < seconds; ++second) {
    const started = Date.now();
    const burst = 6 + ((second * 7) % 9);
    const calls = [];
    for (let i = 0; i < burst; ++i) calls.push(verify(server, keys.checkout.key, { tags: tags[i % 3] }));
    calls.push(verify(server, keys.limited.key));
    if (second % 2 === 0) calls.push(verify(server, keys.disabled.key));
    if (second % 3 === 0) calls.push(verify(server, 'chk_doesnotexist0000000000'));
    if (second % 4 === 1) calls.push(verify(server, keys.checkout.key, { permissions: 'payments.refund' }));
    await Promise.all(calls);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started))));
  }
}

/** Waits until analytics.getVerificationLog has @p expected events of @p keyId (the writer batches). */
export async function waitForLoggedEvents(server, keyId, expected, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await server.call('analytics.getVerificationLog', { keyId, limit: 100 });
    if (data.length >= expected) return data;
    if (Date.now() > deadline) throw new Error(`only ${data.length} of ${expected} events of ${keyId} were logged`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
