import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  /** After this long the process exits anyway (code 1), whatever is still running. */
  graceMs: number;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * SIGTERM / SIGINT: stop accepting connections, let requests in flight finish (an upload chunk, a
 * submit), close the database (the gateway's onClose hook), exit 0. Past `graceMs`, or on a second
 * signal, exit 1 at once: a supervisor's own kill is not far behind, and a stuck client must not
 * hold the process forever.
 */
export function closeOnSignals(app: FastifyInstance, options: ShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing = false;
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      if (closing) {
        app.log.warn({ signal }, 'second signal while shutting down: exiting now');
        exit(1);
        return;
      }
      closing = true;
      app.log.info({ signal, graceMs: options.graceMs }, 'shutting down: finishing requests in flight');
      const cap = setTimeout(() => {
        app.log.error({ graceMs: options.graceMs }, 'requests still running at the shutdown cap: exiting anyway');
        exit(1);
      }, options.graceMs);
      app.close().then(
        () => {
          clearTimeout(cap);
          app.log.info('shut down cleanly');
          exit(0);
        },
        (error: unknown) => {
          clearTimeout(cap);
          app.log.error({ err: error }, 'shutdown failed');
          exit(1);
        },
      );
    });
  }
}
