import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { closeOnSignals } from '../../gateway/src/shutdown';

/** A server with one request that hangs until the test lets it go. */
async function hangingServer() {
  const app = Fastify({ logger: false });
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived: () => void = () => undefined;
  const inside = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  app.get('/slow', async () => {
    arrived();
    await held;
    return { done: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const request = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.status);
  await inside;
  return { app, release, request };
}

function exits() {
  const codes: number[] = [];
  let first: (code: number) => void = () => undefined;
  const firstExit = new Promise<number>((resolve) => {
    first = resolve;
  });
  return {
    codes,
    firstExit,
    exit: (code: number) => {
      codes.push(code);
      if (codes.length === 1) first(code);
    },
  };
}

describe('shutdown cap', () => {
  it('exits 1 once the grace period is over while a request still runs', async () => {
    const { app, release, request } = await hangingServer();
    const recorder = exits();
    closeOnSignals(app, { graceMs: 50, exit: recorder.exit, signals: ['SIGUSR2'] });
    process.emit('SIGUSR2');
    expect(await recorder.firstExit).toBe(1);
    release();
    expect(await request).toBe(200);
    // The real process is gone by now; here the drain is let finish so nothing is left open.
    const closed = new Promise((resolve) => app.server.once('close', resolve));
    app.server.closeIdleConnections();
    await closed;
    process.removeAllListeners('SIGUSR2');
  });

  it('exits 1 at once on a second signal', async () => {
    const { app, release, request } = await hangingServer();
    const recorder = exits();
    closeOnSignals(app, { graceMs: 60_000, exit: recorder.exit, signals: ['SIGUSR2'] });
    process.emit('SIGUSR2');
    process.emit('SIGUSR2');
    expect(await recorder.firstExit).toBe(1);
    release();
    await request;
    // The drain still completes; its exit(0) comes after the forced one and changes nothing.
    await app.close();
    process.removeAllListeners('SIGUSR2');
  });

  it('exits 0 when the request in flight finishes within the grace period', async () => {
    const { app, release, request } = await hangingServer();
    const recorder = exits();
    closeOnSignals(app, { graceMs: 60_000, exit: recorder.exit, signals: ['SIGUSR2'] });
    process.emit('SIGUSR2');
    release();
    expect(await request).toBe(200);
    expect(await recorder.firstExit).toBe(0);
    process.removeAllListeners('SIGUSR2');
  });
});
