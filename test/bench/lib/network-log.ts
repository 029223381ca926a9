import type { CDPSession } from 'playwright-core';

export interface Transfer {
  url: string;
  type: string;
  /** Bytes on the wire: headers plus the (compressed) body. */
  bytes: number;
  encoding: string;
}

/**
 * Records every response the page receives through the DevTools protocol, with the bytes that
 * actually crossed the wire, and knows when the network has gone quiet.
 */
export class NetworkLog {
  readonly transfers: Transfer[] = [];
  private readonly pending = new Map<string, { url: string; type: string; encoding: string }>();
  private inflight = 0;
  private lastActivity = Date.now();

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      this.inflight += 1;
      this.lastActivity = Date.now();
      this.pending.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', encoding: '' });
    });
    cdp.on('Network.responseReceived', (e) => {
      const entry = this.pending.get(e.requestId);
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      if (entry) entry.encoding = String(headers['content-encoding'] ?? 'identity');
    });
    cdp.on('Network.loadingFinished', (e) => {
      this.finish(e.requestId, e.encodedDataLength);
    });
    cdp.on('Network.loadingFailed', (e) => {
      this.finish(e.requestId, 0);
    });
  }

  private finish(requestId: string, bytes: number): void {
    const entry = this.pending.get(requestId);
    if (!entry) return;
    this.pending.delete(requestId);
    this.inflight = Math.max(0, this.inflight - 1);
    this.lastActivity = Date.now();
    this.transfers.push({ ...entry, bytes });
  }

  get totalBytes(): number {
    return this.transfers.reduce((sum, t) => sum + t.bytes, 0);
  }

  /** Resolves once nothing has been in flight for `quietMs` (or rejects after `timeoutMs`). */
  async quiet(quietMs: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inflight > 0 || Date.now() - this.lastActivity < quietMs) {
      if (Date.now() > deadline) throw new Error(`network still busy after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
