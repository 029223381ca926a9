/** What the test makes the network do for one request (the gateway stays up for the others). */
export type NetworkCondition =
  | { kind: 'normal' }
  /** Connection refused, as with the gateway down or the phone offline. */
  | { kind: 'offline' }
  /** The answer arrives after this long (the app's own timeout may come first). */
  | { kind: 'slow'; delayMs: number }
  /** A 200 whose body is cut in the middle of the JSON. */
  | { kind: 'malformed' };

export interface HttpExchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array | FormData;
  timeoutMs: number;
  signal: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Why an exchange produced no answer. */
export class TransportError extends Error {
  constructor(readonly reason: 'offline' | 'timeout' | 'abort') {
    super(`transport: ${reason}`);
  }
}

/**
 * The phone's network: requests leave the sandbox here and go over real HTTP (Node's fetch) to the
 * gateway the test started. The app was built with its configured origin (`TARO_APP_API_BASE`), so
 * that origin is pointed at the test's gateway, as a hosts entry would.
 */
export class HttpBridge {
  /** Requests on the wire now. */
  inFlight = 0;
  readonly log: Array<{ method: string; url: string; status: number | string }> = [];
  condition: (url: string, method: string) => NetworkCondition = () => ({ kind: 'normal' });

  constructor(
    private readonly builtOrigin: string,
    private readonly gatewayOrigin: string,
  ) {}

  private resolve(url: string): string {
    return url.startsWith(this.builtOrigin) ? this.gatewayOrigin + url.slice(this.builtOrigin.length) : url;
  }

  async send(exchange: HttpExchange): Promise<HttpAnswer> {
    const url = this.resolve(exchange.url);
    const condition = this.condition(url, exchange.method);
    this.inFlight++;
    try {
      if (condition.kind === 'offline') throw new TransportError('offline');
      const timeout = AbortSignal.timeout(exchange.timeoutMs);
      const signal = AbortSignal.any([timeout, exchange.signal]);
      if (condition.kind === 'slow') await delay(condition.delayMs, signal);
      let res: Response;
      try {
        res = await fetch(url, {
          method: exchange.method,
          headers: exchange.headers,
          body: exchange.body instanceof Uint8Array ? Buffer.from(exchange.body) : exchange.body,
          signal,
        });
      } catch {
        throw new TransportError(exchange.signal.aborted ? 'abort' : timeout.aborted ? 'timeout' : 'offline');
      }
      let body = Buffer.from(await res.arrayBuffer());
      if (condition.kind === 'malformed') body = Buffer.from('{"ok":true,"data":{"ite');
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => (headers[key] = value));
      this.log.push({ method: exchange.method, url, status: res.status });
      return { status: res.status, headers, body };
    } catch (error) {
      this.log.push({ method: exchange.method, url, status: error instanceof TransportError ? error.reason : 'error' });
      throw error;
    } finally {
      this.inFlight--;
    }
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(
        new TransportError(
          signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError' ? 'timeout' : 'abort',
        ),
      );
    });
  });
}
