/**
 * AbortController for the mini-program JS engines, which have none. Injected by webpack's
 * ProvidePlugin in mini-program builds only (config/index.ts); H5 uses the browser's own.
 * Implements what axios, react-query and our upload code use: `aborted`, `reason`,
 * `onabort`, `addEventListener('abort')`, `removeEventListener`, `throwIfAborted`.
 */
type AbortListener = (event: { type: 'abort' }) => void;

export class MiniAbortSignal {
  aborted = false;
  reason: unknown = undefined;
  onabort: AbortListener | null = null;
  private readonly listeners = new Set<AbortListener>();

  addEventListener(type: string, listener: AbortListener): void {
    if (type === 'abort') this.listeners.add(listener);
  }

  removeEventListener(type: string, listener: AbortListener): void {
    if (type === 'abort') this.listeners.delete(listener);
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  /** Called by the controller only. */
  fire(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const event = { type: 'abort' as const };
    this.onabort?.(event);
    for (const listener of [...this.listeners]) listener(event);
    this.listeners.clear();
  }
}

export class MiniAbortController {
  readonly signal = new MiniAbortSignal();

  abort(reason?: unknown): void {
    const error = reason ?? Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    this.signal.fire(error);
  }
}

export { MiniAbortController as AbortController, MiniAbortSignal as AbortSignal };
