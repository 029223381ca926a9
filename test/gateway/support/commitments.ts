import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PNG } from 'pngjs';
import {
  CommitmentReceipt,
  NoticeList,
  UploadedFile,
  type CommitmentNotice,
  type SignCommitmentRequest,
} from '../../../types/contract';
import { DATABASE_FILE } from '../../../gateway/src/db/open-database';
import { expectOk, type ApiResponse, type TestGateway } from './harness';
import { openDb, person, startRatingGateway, type Person } from './ratings';

export const PAD_W = 400;
export const PAD_H = 200;

export type Point = [number, number];

/** A transparent RGBA pad, as the signature canvas exports it. */
export function blankPad(width = PAD_W, height = PAD_H): Uint8Array {
  return new Uint8Array(width * height * 4);
}

/** Draws a polyline of square pens (`pen` pixels wide) in near-black. */
export function stroke(rgba: Uint8Array, width: number, points: Point[], pen = 3): void {
  const height = rgba.length / 4 / width;
  const dab = (x: number, y: number) => {
    for (let dx = 0; dx < pen; dx += 1)
      for (let dy = 0; dy < pen; dy += 1) {
        const px = x + dx;
        const py = y + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        rgba.set([20, 20, 20, 255], (py * width + px) * 4);
      }
  };
  for (let k = 1; k < points.length; k += 1) {
    const [x0, y0] = points[k - 1];
    const [x1, y1] = points[k];
    const steps = Math.max(1, Math.abs(x1 - x0), Math.abs(y1 - y0));
    for (let s = 0; s <= steps; s += 1) {
      dab(Math.round(x0 + ((x1 - x0) * s) / steps), Math.round(y0 + ((y1 - y0) * s) / steps));
    }
  }
}

/** Three characters written across the pad (the same strokes as the app's unit test). */
export function nameStrokes(): Point[][] {
  return [
    [
      [60, 60],
      [120, 60],
      [90, 60],
      [90, 150],
      [60, 140],
    ],
    [
      [160, 70],
      [220, 70],
      [190, 40],
      [190, 160],
      [150, 120],
      [230, 120],
    ],
    [
      [260, 60],
      [330, 60],
      [300, 60],
      [280, 150],
      [340, 150],
    ],
  ];
}

export function scribblePixels(): Uint8Array {
  const pad = blankPad();
  for (const s of nameStrokes()) stroke(pad, PAD_W, s);
  return pad;
}

export function dotPixels(): Uint8Array {
  const pad = blankPad();
  stroke(
    pad,
    PAD_W,
    [
      [200, 100],
      [202, 101],
    ],
    4,
  );
  return pad;
}

export function tickPixels(): Uint8Array {
  const pad = blankPad();
  stroke(pad, PAD_W, [
    [100, 100],
    [120, 110],
    [150, 70],
  ]);
  return pad;
}

export function whitePixels(width = PAD_W, height = PAD_H): Uint8Array {
  return new Uint8Array(width * height * 4).fill(255);
}

/** Encodes RGBA pixels as a real PNG with pngjs. */
export function encodePng(rgba: Uint8Array, width = PAD_W, height = PAD_H): Buffer {
  const png = new PNG({ width, height });
  Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength).copy(png.data);
  // One fixed filter: trying all five per row takes half a second under the jest transform.
  return PNG.sync.write(png, { filterType: 0 });
}

/** A real handwritten-looking signature PNG; `variant` shifts the strokes so each call differs. */
export function scribblePng(variant = 0): Buffer {
  const pad = blankPad();
  for (const s of nameStrokes()) {
    stroke(
      pad,
      PAD_W,
      s.map(([x, y]) => [x + (variant % 7), y + (variant % 5)]),
    );
  }
  return encodePng(pad);
}

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

export interface UploadOptions {
  purpose?: string | null;
  filename?: string;
  type?: string;
  /** Send the file before the purpose field. */
  fileFirst?: boolean;
  token?: string;
  headers?: Record<string, string>;
}

async function toResponse(res: Response): Promise<ApiResponse> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** `POST /api/uploads` as a browser would send it (multipart/form-data). */
export async function upload(
  gw: TestGateway,
  who: Person | undefined,
  bytes: Buffer | undefined,
  options: UploadOptions = {},
): Promise<ApiResponse> {
  const form = new FormData();
  const purpose = options.purpose === undefined ? 'signature' : options.purpose;
  const file = () => {
    if (bytes !== undefined) {
      form.append(
        'file',
        new Blob([new Uint8Array(bytes)], { type: options.type ?? 'image/png' }),
        options.filename ?? 'signature.png',
      );
    }
  };
  if (options.fileFirst) file();
  if (purpose !== null) form.append('purpose', purpose);
  if (!options.fileFirst) file();
  const token = options.token ?? who?.token;
  const res = await fetch(`${gw.base}/api/uploads`, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    body: form,
  });
  return toResponse(res);
}

export async function uploadOk(gw: TestGateway, who: Person, bytes: Buffer = scribblePng()): Promise<UploadedFile> {
  return expectOk(await upload(gw, who, bytes), UploadedFile);
}

/** `GET /api/uploads/:id` with raw bytes. */
export async function download(
  gw: TestGateway,
  id: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${gw.base}/api/uploads/${id}`, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

export async function noticesOf(gw: TestGateway, itemCode: string): Promise<CommitmentNotice[]> {
  return expectOk(await gw.request(`/api/items/${itemCode}/notices`), NoticeList).notices;
}

export const ALL_CONFIRMED = { informed: true, qualified: true, truthful: true, acceptVerification: true };

export function signBody(
  notice: CommitmentNotice,
  file: UploadedFile,
  extra: Partial<SignCommitmentRequest> = {},
): SignCommitmentRequest {
  return {
    noticeId: notice.id,
    noticeVersion: notice.version,
    noticeHash: notice.contentHash,
    confirmations: { ...ALL_CONFIRMED },
    signatureFileId: file.id,
    signatureSha256: file.sha256,
    ...extra,
  };
}

export function sign(gw: TestGateway, who: Person, body: unknown): Promise<ApiResponse> {
  return gw.request('/api/commitments', { method: 'POST', token: who.token, body });
}

let signSerial = 0;

/** Uploads a fresh signature and signs the notice with it. */
export async function signOk(
  gw: TestGateway,
  who: Person,
  notice: CommitmentNotice,
  extra: Partial<SignCommitmentRequest> = {},
): Promise<CommitmentReceipt> {
  signSerial += 1;
  const file = await uploadOk(gw, who, scribblePng(signSerial));
  return expectOk(await sign(gw, who, signBody(notice, file, extra)), CommitmentReceipt);
}

/** Row counts of everything signing may write, and the stored files: equal before and after a refusal. */
export function storedState(gw: TestGateway): Record<string, number> {
  const db = openDb(gw);
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const dir = path.join(gw.dataDir, 'files');
    return {
      commitments: count('commitments'),
      commitment_events: count('commitment_events'),
      notice_versions: count('notice_versions'),
      uploads: count('uploads'),
      credit_events: count('credit_events'),
      files: fs.existsSync(dir) ? fs.readdirSync(dir).length : 0,
    };
  } finally {
    db.close();
  }
}

/** Canonical JSON written independently of the gateway's helper: flat records, keys sorted. */
export function canonicalRecord(record: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** A writable connection with the append-only triggers dropped: what an attacker with the file could do. */
export function tamperDb(gw: TestGateway): BetterSqlite3.Database {
  const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE));
  for (const trigger of ['commitments_no_update', 'notice_versions_no_update'])
    db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
  return db;
}

/** Flips the last character of a text column (one byte changed as far as a reader can tell). */
export function changeLastChar(value: string): string {
  const chars = Array.from(value);
  const last = chars[chars.length - 1];
  chars[chars.length - 1] = last === 'x' ? 'y' : 'x';
  return chars.join('');
}

/** A gateway on the fixture seed with two verified people and the two fixture notices. */
export interface CommitmentWorld {
  gw: TestGateway;
  alice: Person;
  bob: Person;
  food: CommitmentNotice;
  income: CommitmentNotice;
}

/** `mobileStem` is 9 digits; alice and bob get …01 and …02, so suites never share a number. */
export async function startCommitmentWorld(mobileStem: string): Promise<CommitmentWorld> {
  const gw = await startRatingGateway();
  const alice = await person(gw, `${mobileStem}01`, true, '王小明');
  const bob = await person(gw, `${mobileStem}02`, true, '李四');
  const [food] = await noticesOf(gw, 'FX-SC-0001');
  const [income] = await noticesOf(gw, 'FX-MZ-0003');
  return { gw, alice, bob, food, income };
}
