// The live stream (POST /v2/analytics.stream) read with fetch() and a streaming body, so the root
// key can travel in the Authorization header (EventSource cannot send headers). Parses the
// server-sent events (`tick`: verifications, `ratelimit`: rate-limit checks), reconnects after
// the server closes the stream, and gives up on 4xx.

const RETRY_MS = 3000;

/** Splits a text/event-stream buffer into complete messages; returns [messages, rest]. */
export function parseEvents(buffer) {
  const messages = [];
  let end;
  while ((end = buffer.indexOf('\n\n')) >= 0) {
    const block = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length > 0) messages.push({ event, data: data.join('\n') });
  }
  return [messages, buffer];
}

export class LiveFeed {
  /**
   * @param {import('./api.js').Api} api
   * @param {{scope: string, id?: string}} subscription
   * @param {{onTick?: (tick: object) => void, onRatelimit?: (tick: object) => void,
   *          onState: (state: string, detail?: string) => void}} handlers
   */
  constructor(api, subscription, handlers) {
    this.api = api;
    this.subscription = subscription;
    this.handlers = handlers;
    this.controller = null;
    this.closed = false;
    this.retryTimer = null;
    this.connect();
  }

  async connect() {
    if (this.closed) return;
    this.controller = new AbortController();
    this.handlers.onState('connecting');
    try {
      const response = await this.api.openStream(this.subscription, this.controller.signal);
      this.handlers.onState('live');
      await this.read(response.body);
      this.retry('The live feed ended; reconnecting…');
    } catch (error) {
      if (this.closed || error.name === 'AbortError') return;
      if (error.status >= 400 && error.status < 500) {
        this.handlers.onState('error', error.message);
        return;
      }
      this.retry(error.message);
    }
  }

  async read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done || this.closed) return;
      let messages;
      [messages, buffer] = parseEvents(buffer + value.replaceAll('\r\n', '\n'));
      for (const message of messages) {
        const handler = { tick: this.handlers.onTick, ratelimit: this.handlers.onRatelimit }[message.event];
        if (!handler) continue;
        try {
          handler(JSON.parse(message.data));
        } catch (error) {
          console.warn('latchkey console: bad live tick', error);
        }
      }
    }
  }

  retry(detail) {
    if (this.closed) return;
    this.handlers.onState('reconnecting', detail);
    this.retryTimer = setTimeout(() => this.connect(), RETRY_MS);
  }

  close() {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.controller?.abort();
  }
}
