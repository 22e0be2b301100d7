// Display names for ids (key names, identities' external ids, API names), looked up once per tab
// and only for what is on screen. A failed lookup (e.g. a root key without read_key) shows the id.

export class Names {
  constructor(api) {
    this.api = api;
    this.cache = new Map();
  }

  lookup(kind, id) {
    const cacheKey = `${kind}:${id}`;
    if (!this.cache.has(cacheKey)) this.cache.set(cacheKey, this.fetch(kind, id).catch(() => undefined));
    return this.cache.get(cacheKey);
  }

  /** Drops what was looked up for @p id: the next lookup asks the server again (a rename). */
  forget(kind, id) {
    this.cache.delete(`${kind}:${id}`);
  }

  async fetch(kind, id) {
    if (kind === 'key') {
      const { data } = await this.api.call('keys.getKey', { keyId: id });
      return data.name || (data.start ? `${data.start}…` : undefined);
    }
    if (kind === 'identity') {
      const { data } = await this.api.call('identities.getIdentity', { identity: id });
      return data.externalId;
    }
    if (kind === 'api') {
      const { data } = await this.api.call('apis.getApi', { apiId: id });
      return data.name;
    }
    return undefined;
  }
}
