// The latchkeyd API as the console uses it: POST /v2/<action> on this origin with the root key in
// the Authorization header (the only place it ever goes), answers unwrapped from the envelope.
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
  }
}

export class Api {
  /** @param {() => string|null} rootKey  read at every call, so a logout takes effect at once */
  constructor(rootKey) {
    this.rootKey = rootKey;
  }

  headers() {
    return { Authorization: `Bearer ${this.rootKey() ?? ''}`, 'Content-Type': 'application/json' };
  }

  /** @returns {Promise<{data: any, pagination?: object}>} */
  async call(action, body = {}, { signal } = {}) {
    let response;
    try {
      response = await fetch(`/v2/${action}`, {
        method: 'POST', headers: this.headers(), body: JSON.stringify(body), signal, cache: 'no-store',
      });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      // Our own words, not the browser's: its English "Failed to fetch" sat inside a German
      // sentence (walkthrough 20/4), and it says no more than this.
      throw new ApiError(0, t('Network error'), t('The server cannot be reached.'));
    }
    const envelope = await response.json().catch(() => ({}));
    if (!response.ok) {
      const failure = envelope.error ?? {};
      throw new ApiError(response.status, failure.title, failure.detail);
    }
    return { data: envelope.data, pagination: envelope.pagination };
  }

  /** Opens POST /v2/analytics.stream; the caller reads the returned Response's body. */
  async openStream(body, signal) {
    const response = await fetch('/v2/analytics.stream', {
      method: 'POST', headers: this.headers(), body: JSON.stringify(body), signal, cache: 'no-store',
    });
    if (!response.ok) {
      const failure = (await response.json().catch(() => ({}))).error ?? {};
      throw new ApiError(response.status, failure.title, failure.detail);
    }
    return response;
  }
}
