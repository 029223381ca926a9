import fs from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { buildGateway } from '../../../gateway/src/server';
import type { RunningGateway } from '../../e2e/support/running-gateway';
import { distDir } from './paths';

/**
 * The real gateway with its seed (the pre-review items, HS-SC-0004 among them) serving the app's
 * H5 build, as the e2e suite's `startGateway` starts it, but quiet: the drops the upload figure
 * provokes would otherwise print the gateway's logs of aborted requests between the bench's lines.
 * Same shape as the e2e helper, so its sign-in helpers work on it.
 */
export async function startUploadGateway(): Promise<RunningGateway> {
  const staticDir = distDir('app', 'h5');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error(`${staticDir} is not built`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-bench-uploads-'));
  const smsCodes = new Map<string, string>();
  const app = await buildGateway({
    dataDir,
    staticDir,
    logLevel: 'fatal',
    onSmsCode: (mobile, code) => smsCodes.set(mobile, code),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('gateway did not bind a TCP port');
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataDir,
    smsCodes,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs a mobile in through the API (for the floor, which has no login page) and returns its access token. */
export async function apiSignIn(gateway: RunningGateway, mobile: string): Promise<string> {
  const post = async <T>(url: string, body: unknown): Promise<T> => {
    const res = await fetch(`${gateway.baseUrl}/api${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const envelope = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
    if (!envelope.ok) throw new Error(`POST ${url}: ${res.status} ${envelope.error?.message}`);
    return envelope.data;
  };
  await post('/auth/sms', { mobile });
  const code = gateway.smsCodes.get(mobile);
  if (!code) throw new Error(`no SMS code issued for ${mobile}`);
  const login = await post<{ tokens: { accessToken: string } }>('/auth/sms-login', { mobile, code });
  return login.tokens.accessToken;
}

/** An upload session as the gateway's database holds it. */
export interface SessionState {
  id: string;
  size: number;
  /** Every chunk body the gateway read, repeats included. */
  bytesTransferred: number;
  status: 'open' | 'complete';
  /** Epoch ms, gateway clock (the same machine as the bench). */
  createdAt: number;
  /** Chunks acknowledged (stored). */
  acked: number;
}

/** Reads a session's counters straight from SQLite (read-only; WAL lets it read while the gateway writes). */
export class SessionReader {
  private readonly db: BetterSqlite3.Database;
  private readonly stmt: BetterSqlite3.Statement<[string, number]>;

  constructor(gateway: RunningGateway) {
    this.db = new BetterSqlite3(path.join(gateway.dataDir, 'gateway.sqlite'), { readonly: true, fileMustExist: true });
    this.stmt = this.db.prepare(
      `SELECT s.id, s.size, s.bytes_transferred AS bytesTransferred, s.status, s.created_at AS createdAt,
         (SELECT COUNT(*) FROM upload_chunks c WHERE c.session_id = s.id) AS acked
       FROM upload_sessions s WHERE s.sha256 = ? AND s.created_at >= ? ORDER BY s.created_at DESC LIMIT 1`,
    );
  }

  /** The newest session declared for these bytes (by their SHA-256) since `sinceMs`, if any yet. */
  find(sha256: string, sinceMs: number): SessionState | undefined {
    return this.stmt.get(sha256, sinceMs) as SessionState | undefined;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Body bytes the gateway's sockets read for chunk PUTs that never arrived whole (cut by a drop).
 * `bytes_transferred` counts only bodies read to the end, so a cut chunk's bytes are on the wire
 * but in no counter of the gateway's: this one measures them (from the socket's byte count at the
 * request's headers to its close; bytes that came in the same read as the headers are not seen).
 */
export class CutChunkMeter {
  private bytes = 0;
  private cuts = 0;
  private readonly onRequest = (request: IncomingMessage): void => {
    if (request.method !== 'PUT' || !/\/chunks\/\d+$/.test(request.url ?? '')) return;
    const socket = request.socket;
    const start = socket.bytesRead;
    request.once('close', () => {
      if (request.complete) return;
      this.bytes += socket.bytesRead - start;
      this.cuts += 1;
    });
  };

  constructor(private readonly server: Server) {
    server.on('request', this.onRequest);
  }

  /** What was cut since the last call: body bytes read and how many requests. */
  take(): { bytes: number; requests: number } {
    const taken = { bytes: this.bytes, requests: this.cuts };
    this.bytes = 0;
    this.cuts = 0;
    return taken;
  }

  close(): void {
    this.server.off('request', this.onRequest);
  }
}

/**
 * The gateway's end of a dropped connection. DevTools' offline emulation alone does not cut an
 * upload under way: Chromium releases a throttled request body when the conditions change, so the
 * rest of the chunk reaches the gateway at once and the request succeeds (probed on Chromium 156:
 * a 1 MiB PUT at 750 kbit/s, offline after 5.6 s, arrived whole at 5.6 s). A real drop loses what
 * is on the wire: `cut()` resets every open connection and refuses new ones until `restore()`.
 */
export class ConnectionCutter {
  private down = false;
  private readonly open = new Set<Socket>();
  private readonly onConnection = (socket: Socket): void => {
    if (this.down) {
      socket.destroy();
      return;
    }
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
  };

  constructor(private readonly server: Server) {
    server.on('connection', this.onConnection);
  }

  cut(): void {
    this.down = true;
    for (const socket of this.open) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  close(): void {
    this.server.off('connection', this.onConnection);
  }
}
