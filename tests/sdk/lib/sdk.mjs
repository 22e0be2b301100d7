// Helpers shared by the suites: an SDK client pointed at a latchkeyd, and assertions on the
// SDK's typed errors.
import assert from 'node:assert/strict';
import { Unkey } from '@unkey/api';

/** An @unkey/api client for `server`, without retries so a failure shows at once. */
export function unkeyFor(server, rootKey = server.rootKey) {
  return new Unkey({ rootKey, serverURL: server.url, retryConfig: { strategy: 'none' }, timeoutMs: 15000 });
}

/**
 * Asserts that `promise` rejects with an instance of `ErrorClass` (one of @unkey/api's
 * models/errors classes) for HTTP `status`, whose parsed envelope is complete. Returns the error.
 */
export async function rejectsWith(promise, ErrorClass, status) {
  let caught;
  await assert.rejects(promise, (error) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof ErrorClass,
    `expected ${ErrorClass.name} (${status}), got ${caught?.name}: ${caught?.message}`);
  assert.equal(caught.statusCode, status, `HTTP status of ${caught.name}`);
  const envelope = caught.error ? caught : JSON.parse(caught.body);
  assert.match(envelope.meta?.requestId ?? '', /^req_/, `meta.requestId in ${caught.body}`);
  assert.equal(envelope.error.status, status, 'error.status equals the HTTP status');
  for (const field of ['title', 'detail', 'type']) {
    assert.equal(typeof envelope.error[field], 'string', `error.${field} in ${caught.body}`);
    assert.ok(envelope.error[field].length > 0, `error.${field} is not empty`);
  }
  return caught;
}

/** Collects every page of a paginated SDK call (its async iterator follows `next()`). */
export async function allPages(iterator) {
  const pages = [];
  for await (const page of iterator) pages.push(page);
  return pages;
}

/** A name that no other test run uses. */
export function unique(prefix) {
  return `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
