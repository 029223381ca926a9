import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { UPLOAD_CHUNK_BYTES } from '../../../gateway/src/uploads/material-limits';
import type { RunningGateway } from '../../e2e/support/running-gateway';
import { pdf as wellFormedPdf } from '../../gateway/support/material-files';
import { signInBySms, verifyRealName } from '../../e2e/support/sign-in';
import { figure, type Figure } from '../lib/figures';
import { MOBILE_PROFILE, throttle } from '../lib/mobile-profile';
import { openBenchPhone } from '../lib/phone';
import { round } from '../lib/stats';
import {
  apiSignIn,
  ConnectionCutter,
  CutChunkMeter,
  SessionReader,
  startUploadGateway,
  type SessionState,
} from '../lib/upload-gateway';

const SECTION = '7. Uploads (20 MiB PDF, 750 kbit/s up, 150 ms RTT, 4× CPU, drop at 50%)';
export const CHUNK_BYTES = UPLOAD_CHUNK_BYTES;
export const FILE_CHUNKS = 20;
/** "A 20 MB PDF": 20 MiB, exactly 20 chunks, so 50% is a chunk boundary. */
export const FILE_BYTES = FILE_CHUNKS * CHUNK_BYTES;
/** The connection drops once the gateway holds this many chunks (half the file)… */
const DROP_AFTER_CHUNKS = FILE_CHUNKS / 2;
/**
 * …and the next chunk has been on the wire for this share of its time on the link. Dropping the
 * moment the 10th acknowledgement lands would hit the gap between two chunks (the answer still on
 * its way back, the next chunk being read and hashed), cutting nothing; a drop mid-chunk is the
 * case a resume has to handle.
 */
const CUT_INTO_CHUNK = 0.5;
/** Chunks the floor sends per run: a rate needs no 20 MiB, and 5 × 20 MiB more would cost ~19 min. */
export const FLOOR_CHUNKS = 3;
/** 食品经营许可（注销）: its licence takes a PDF (the e2e pre-review journey uses the same item). */
const ITEM = 'HS-SC-0004';
const MATERIAL = '食品经营许可证';
const FILE_NAME = '许可证扫描件.pdf';
const LINK_BYTES_PER_S = MOBILE_PROFILE.uploadBitsPerSecond / 8;
const POLL_MS = 50;
/** Generous: a whole file takes ~224 s on this link. */
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- The file ---

interface BenchPdf {
  path: string;
  sha256: string;
  /** SHA-256 of each chunk (the floor sends them as the protocol asks; it does not hash in the page). */
  chunkSha256: string[];
  remove: () => void;
}

/** A well-formed 20 MiB PDF (xref, trailer, startxref: the gateway's test fixture), written to a temporary file. */
function writePdf(seed: number): BenchPdf {
  const bytes = wellFormedPdf(FILE_BYTES, seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-bench-pdf-'));
  const file = path.join(dir, FILE_NAME);
  fs.writeFileSync(file, bytes);
  const chunkSha256: string[] = [];
  for (let start = 0; start < FILE_BYTES; start += CHUNK_BYTES) {
    chunkSha256.push(
      createHash('sha256')
        .update(bytes.subarray(start, start + CHUNK_BYTES))
        .digest('hex'),
    );
  }
  return {
    path: file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    chunkSha256,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

// --- The link and what crosses it ---

/** The throttled profile's link, up or down (offline), through the same DevTools call as elsewhere. */
async function setLink(cdp: CDPSession, offline: boolean): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline,
    latency: MOBILE_PROFILE.rttMs,
    downloadThroughput: MOBILE_PROFILE.downloadBitsPerSecond / 8,
    uploadThroughput: LINK_BYTES_PER_S,
  });
}

/** The page's chunk PUTs as DevTools sees them: which one was on the wire when the link dropped. */
class ChunkRequests {
  private readonly started = new Map<string, { index: number; startedAt: number }>();
  private readonly ended = new Set<string>();

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (event) => {
      const match = /\/chunks\/(\d+)$/.exec(event.request.url);
      if (event.request.method === 'PUT' && match) {
        this.started.set(event.requestId, { index: Number(match[1]), startedAt: event.wallTime * 1000 });
      }
    });
    cdp.on('Network.loadingFinished', (event) => this.ended.add(event.requestId));
    cdp.on('Network.loadingFailed', (event) => this.ended.add(event.requestId));
  }

  /** Chunk requests sent so far (repeats included). */
  get count(): number {
    return this.started.size;
  }

  /** When the first request for this chunk went out (wall clock), if it has. */
  startedAt(index: number): number | undefined {
    for (const request of this.started.values()) if (request.index === index) return request.startedAt;
    return undefined;
  }

  /** The chunk request started and not yet finished, if any. */
  inFlight(): { index: number; startedAt: number } | undefined {
    let last: { index: number; startedAt: number } | undefined;
    for (const [id, request] of this.started) if (!this.ended.has(id)) last = request;
    return last;
  }
}

/**
 * Polls the gateway's session for these bytes until `done`, noting when each count of acknowledged
 * chunks was first seen (wall clock, within POLL_MS of the gateway's commit).
 */
async function follow(
  reader: SessionReader,
  pdf: BenchPdf,
  sinceMs: number,
  ackSeenAt: Map<number, number>,
  done: (state: SessionState) => boolean,
  what: string,
): Promise<{ state: SessionState; at: number }> {
  const end = Date.now() + UPLOAD_TIMEOUT_MS;
  for (;;) {
    const state = reader.find(pdf.sha256, sinceMs);
    const at = Date.now();
    if (state) for (let k = 1; k <= state.acked; k += 1) if (!ackSeenAt.has(k)) ackSeenAt.set(k, at);
    if (state && done(state)) return { state, at };
    if (at > end) throw new Error(`uploads: timed out waiting for ${what}: ${JSON.stringify(state)}`);
    await sleep(POLL_MS);
  }
}

/** Share of the link's capacity: bytes over milliseconds, against 750 kbit/s. */
const linkShare = (bytes: number, ms: number): number => bytes / (ms / 1000) / LINK_BYTES_PER_S;

const ackTimeline = (ackSeenAt: Map<number, number>, from: number): number[] =>
  [...ackSeenAt.entries()].sort((a, b) => a[0] - b[0]).map(([, at]) => at - from);

/** Waits for the chunk's request to go out; returns when it did. */
async function chunkOnWire(requests: ChunkRequests, index: number): Promise<number> {
  const end = Date.now() + 60_000;
  for (;;) {
    const at = requests.startedAt(index);
    if (at !== undefined) return at;
    if (Date.now() > end) throw new Error(`uploads: chunk ${index} was never sent`);
    await sleep(10);
  }
}

// --- The app ---

interface BenchWindow {
  __benchFileChosenAt?: number;
}

/** Init script: when the page's file input reports a choice (the app keeps its input in the document). */
function recordFileChoice(): void {
  window.addEventListener(
    'change',
    (event) => {
      const w = window as unknown as BenchWindow;
      if ((event.target as HTMLInputElement | null)?.type === 'file' && w.__benchFileChosenAt === undefined) {
        w.__benchFileChosenAt = Date.now();
      }
    },
    true,
  );
}

export interface AppUploadRun {
  /** File chosen → the gateway opened the session: the app reads, checks and hashes the 20 MiB first. */
  sessionOpenedMs: number;
  /** File chosen → half the chunks held by the gateway (uninterrupted). */
  firstHalfMs: number;
  firstHalfShare: number;
  /** Link down → 重试 tapped with the link back: excluded from the whole-file time. */
  pausedMs: number;
  /** Link down → the app showed 上传失败 (its own retries give up). */
  failureShownMs: number;
  /** File chosen → session complete, minus the pause. */
  wholeMs: number;
  wholeShare: number;
  ackedAtDrop: number;
  /** The chunk on the wire when the link dropped; its bytes sent before the drop, at most the link's rate × time. */
  inFlightAtDrop: { index: number; sinceMs: number; wireBytesAtMost: number } | null;
  bytesTransferred: number;
  /** bytes_transferred − file size: chunk bodies the gateway read more than once. */
  resentBytes: number;
  /** Body bytes of cut chunk requests the gateway's socket read (in no gateway counter), and how many were cut. */
  cutBytes: number;
  cutRequests: number;
  /** Both, in chunks: what the drop cost on the wire. */
  resentChunks: number;
  chunkRequests: number;
  /** When the gateway held 1, 2, … chunks, ms after the file was chosen. */
  ackAtMs: number[];
}

/**
 * One upload in the app: sign in, open the pre-review form, then under the throttled profile pick
 * the PDF for the licence, drop the link once the gateway holds half the chunks and the next one is
 * half sent, wait for 上传失败, bring the link back, tap 重试 and wait for the gateway to complete
 * the session.
 */
async function uploadInApp(
  browser: Browser,
  gateway: RunningGateway,
  reader: SessionReader,
  gatewaySide: { meter: CutChunkMeter; cutter: ConnectionCutter },
  pdf: BenchPdf,
  run: number,
): Promise<AppUploadRun> {
  const { meter, cutter } = gatewaySide;
  const { context, page } = await openBenchPhone(browser);
  try {
    await context.addInitScript(recordFileChoice);
    await signInBySms(page, gateway, `1370000${String(5000 + run).padStart(4, '0')}`);
    await verifyRealName(page, gateway, '王芳', '11010519491231002X');
    await page.goto(`${gateway.baseUrl}/prereview/apply/index?item=${ITEM}`);
    await page.getByText('申请人信息').waitFor();
    const card = page.locator('.mcard', { hasText: MATERIAL });
    const choosePdf = card.locator('.way', { hasText: '选择 PDF' });
    await choosePdf.waitFor();

    const cdp = await throttle(page, { network: true, cpu: true });
    const requests = new ChunkRequests(cdp);
    meter.take();
    const since = Date.now();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), choosePdf.click()]);
    await chooser.setFiles(pdf.path);
    const ackSeenAt = new Map<number, number>();
    const half = await follow(
      reader,
      pdf,
      since,
      ackSeenAt,
      (s) => s.acked >= DROP_AFTER_CHUNKS,
      'half the chunks acknowledged',
    );
    const cutStartedAt = await chunkOnWire(requests, DROP_AFTER_CHUNKS);
    await sleep(cutStartedAt + ((CUT_INTO_CHUNK * CHUNK_BYTES) / LINK_BYTES_PER_S) * 1000 - Date.now());

    // The drop: connections reset at the gateway (what is on the wire is lost), then the link offline.
    const inFlight = requests.inFlight();
    const droppedAt = Date.now();
    cutter.cut();
    await setLink(cdp, true);
    await card.getByText('上传失败').waitFor({ timeout: 120_000 });
    const failureShownAt = Date.now();
    const atDrop = reader.find(pdf.sha256, since);

    await setLink(cdp, false);
    cutter.restore();
    const resumedAt = Date.now();
    await card.getByRole('button', { name: '重试' }).click();
    const done = await follow(reader, pdf, since, ackSeenAt, (s) => s.status === 'complete', 'the session to complete');
    await card.getByText('已上传').waitFor({ timeout: 60_000 });

    const chosenAt = await page.evaluate(() => (window as unknown as BenchWindow).__benchFileChosenAt);
    if (chosenAt === undefined) throw new Error('uploads: the app’s file input never reported a choice');
    const halfAt = ackSeenAt.get(DROP_AFTER_CHUNKS) ?? half.at;
    const pausedMs = resumedAt - droppedAt;
    const wholeMs = done.at - chosenAt - pausedMs;
    const resentBytes = done.state.bytesTransferred - FILE_BYTES;
    const cut = meter.take();
    const chunkLength = (index: number) => Math.min(CHUNK_BYTES, FILE_BYTES - index * CHUNK_BYTES);
    return {
      sessionOpenedMs: done.state.createdAt - chosenAt,
      firstHalfMs: halfAt - chosenAt,
      firstHalfShare: round(linkShare(DROP_AFTER_CHUNKS * CHUNK_BYTES, halfAt - chosenAt), 4),
      pausedMs,
      failureShownMs: failureShownAt - droppedAt,
      wholeMs,
      wholeShare: round(linkShare(FILE_BYTES, wholeMs), 4),
      ackedAtDrop: atDrop?.acked ?? half.state.acked,
      inFlightAtDrop: inFlight
        ? {
            index: inFlight.index,
            sinceMs: round(droppedAt - inFlight.startedAt, 0),
            wireBytesAtMost: Math.round(
              Math.min(
                chunkLength(inFlight.index),
                Math.max(0, ((droppedAt - inFlight.startedAt) / 1000) * LINK_BYTES_PER_S),
              ),
            ),
          }
        : null,
      bytesTransferred: done.state.bytesTransferred,
      resentBytes,
      cutBytes: cut.bytes,
      cutRequests: cut.requests,
      resentChunks: round((resentBytes + cut.bytes) / CHUNK_BYTES, 4),
      chunkRequests: requests.count,
      ackAtMs: ackTimeline(ackSeenAt, chosenAt),
    };
  } finally {
    await context.close();
  }
}

// --- The floor: plain fetch PUTs from a blank page ---

interface FloorPlan {
  token: string;
  session: { purpose: 'material'; fileName: string; mime: 'application/pdf'; size: number; sha256: string };
  chunkBytes: number;
  chunks: number;
  chunkSha256: string[];
}

interface FloorTimes {
  chosenAt: number;
  sessionId: string;
  doneAt: number;
}

interface FloorWindow {
  __floorUpload?: Promise<FloorTimes>;
}

/**
 * In the blank page: on the file input's change, declare the session and PUT the first chunks one
 * after another with fetch (Blob slices of the chosen file, hashes given), nothing else.
 */
function armFloorUpload(plan: FloorPlan): void {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const auth = { authorization: `Bearer ${plan.token}` };
  const w = window as unknown as FloorWindow;
  w.__floorUpload = new Promise<FloorTimes>((resolve, reject) => {
    input.addEventListener(
      'change',
      () => {
        const chosenAt = Date.now();
        const file = input.files?.[0];
        const send = async (): Promise<FloorTimes> => {
          if (!file) throw new Error('no file chosen');
          const started = await fetch('/api/uploads/sessions', {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify(plan.session),
          });
          const session = (await started.json()) as { ok: boolean; data: { id: string } };
          if (!session.ok) throw new Error(`session refused: ${started.status}`);
          for (let i = 0; i < plan.chunks; i += 1) {
            const res = await fetch(`/api/uploads/sessions/${session.data.id}/chunks/${i}`, {
              method: 'PUT',
              headers: { ...auth, 'content-type': 'application/octet-stream', 'x-chunk-sha256': plan.chunkSha256[i] },
              body: file.slice(i * plan.chunkBytes, (i + 1) * plan.chunkBytes),
            });
            if (!res.ok) throw new Error(`chunk ${i} refused: ${res.status}`);
          }
          return { chosenAt, sessionId: session.data.id, doneAt: Date.now() };
        };
        send().then(resolve, reject);
      },
      { once: true },
    );
  });
}

export interface FloorUploadRun {
  /** File chosen → FLOOR_CHUNKS chunks held by the gateway. */
  ms: number;
  share: number;
  sessionOpenedMs: number;
  ackAtMs: number[];
}

async function uploadInFloor(
  browser: Browser,
  gateway: RunningGateway,
  reader: SessionReader,
  pdf: BenchPdf,
  run: number,
): Promise<FloorUploadRun> {
  const token = await apiSignIn(gateway, `1370000${String(6000 + run).padStart(4, '0')}`);
  const { context, page } = await openBenchPhone(browser);
  try {
    // Any page of the gateway's origin will do (an unknown API path: a JSON 404), then a blank document.
    await page.goto(`${gateway.baseUrl}/api/bench-upload-floor`);
    await page.setContent('<!doctype html><meta charset="utf-8"><title>upload floor</title><input type="file">');
    await throttle(page, { network: true, cpu: true });
    const plan: FloorPlan = {
      token,
      session: {
        purpose: 'material',
        fileName: FILE_NAME,
        mime: 'application/pdf',
        size: FILE_BYTES,
        sha256: pdf.sha256,
      },
      chunkBytes: CHUNK_BYTES,
      chunks: FLOOR_CHUNKS,
      chunkSha256: pdf.chunkSha256,
    };
    await page.evaluate(armFloorUpload, plan);
    const since = Date.now();
    await page.locator('input[type="file"]').setInputFiles(pdf.path);
    const ackSeenAt = new Map<number, number>();
    const done = await follow(reader, pdf, since, ackSeenAt, (s) => s.acked >= FLOOR_CHUNKS, 'the floor’s chunks');
    const times = await page.evaluate(() => (window as unknown as FloorWindow).__floorUpload);
    if (!times) throw new Error('uploads: the floor page never started');
    const ms = done.at - times.chosenAt;
    return {
      ms,
      share: round(linkShare(FLOOR_CHUNKS * CHUNK_BYTES, ms), 4),
      sessionOpenedMs: done.state.createdAt - times.chosenAt,
      ackAtMs: ackTimeline(ackSeenAt, times.chosenAt),
    };
  } finally {
    await context.close();
  }
}

// --- The figure ---

export interface UploadResult {
  figures: Figure[];
  detail: { app: AppUploadRun[]; floor: FloorUploadRun[] };
  note: string;
}

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Figure 7: each run uploads a fresh 20 MiB PDF in the app (its own user, fresh browser context)
 * with one drop at 50%, then the floor sends the first FLOOR_CHUNKS chunks of the same file by
 * plain fetch from a blank page; both on the throttled profile, against the same gateway.
 */
export async function measureUploads(
  browser: Browser,
  runs: number,
  log: (line: string) => void,
): Promise<UploadResult> {
  const gateway = await startUploadGateway();
  const reader = new SessionReader(gateway);
  const meter = new CutChunkMeter(gateway.app.server);
  const cutter = new ConnectionCutter(gateway.app.server);
  const detail: UploadResult['detail'] = { app: [], floor: [] };
  try {
    for (let run = 1; run <= runs; run += 1) {
      const started = Date.now();
      const pdf = writePdf(run);
      try {
        const app = await uploadInApp(browser, gateway, reader, { meter, cutter }, pdf, run);
        const floor = await uploadInFloor(browser, gateway, reader, pdf, run);
        detail.app.push(app);
        detail.floor.push(floor);
        const flight = app.inFlightAtDrop
          ? `chunk ${app.inFlightAtDrop.index} on the wire for ${app.inFlightAtDrop.sinceMs} ms`
          : 'no chunk on the wire';
        log(
          `  run ${run}/${runs}: app ${pct(app.wholeShare)} of the link over the whole file ` +
            `(${seconds(app.wholeMs)} + ${seconds(app.pausedMs)} offline), first half ${pct(app.firstHalfShare)}, ` +
            `session after ${seconds(app.sessionOpenedMs)}; drop at ${app.ackedAtDrop}/${FILE_CHUNKS} (${flight}), ` +
            `re-sent ${app.resentBytes} B + ${app.cutBytes} B cut (${app.resentChunks.toFixed(2)} chunks), ` +
            `${app.chunkRequests} chunk requests; ` +
            `floor ${pct(floor.share)}; ${seconds(Date.now() - started)}`,
        );
      } finally {
        pdf.remove();
      }
    }
  } finally {
    cutter.close();
    meter.close();
    reader.close();
    await gateway.close();
  }

  const floorRuns = detail.floor.map((r) => r.share);
  const linkTarget = { text: '≥ 80 % of the link', check: (v: number) => v >= 0.8 };
  return {
    figures: [
      figure({
        section: SECTION,
        name: 'throughput, whole file (offline pause excluded), share of 750 kbit/s',
        unit: 'share',
        runs: detail.app.map((r) => r.wholeShare),
        floorRuns,
        target: linkTarget,
      }),
      figure({
        section: SECTION,
        name: `throughput, first half (file chosen → ${DROP_AFTER_CHUNKS} chunks held)`,
        unit: 'share',
        runs: detail.app.map((r) => r.firstHalfShare),
        floorRuns,
        target: linkTarget,
      }),
      figure({
        section: SECTION,
        name: '  of which file chosen → session opened (read, hash)',
        unit: 'ms',
        runs: detail.app.map((r) => r.sessionOpenedMs),
        floorRuns: detail.floor.map((r) => r.sessionOpenedMs),
      }),
      figure({
        section: SECTION,
        name: 'bytes re-sent after the drop: gateway count (transferred − size)',
        unit: 'bytes',
        runs: detail.app.map((r) => r.resentBytes),
      }),
      figure({
        section: SECTION,
        name: '  + the cut chunk’s bytes read before the drop',
        unit: 'bytes',
        runs: detail.app.map((r) => r.cutBytes),
      }),
      figure({
        section: SECTION,
        name: 'chunks re-sent after the drop, both (÷ 1 MiB)',
        unit: 'chunks',
        runs: detail.app.map((r) => r.resentChunks),
        target: { text: '≤ 1 chunk', check: (v) => v <= 1 },
      }),
    ],
    detail,
    note:
      `uploads: one 20 MiB PDF per run through the app’s pre-review page, the connection dropped (reset at the ` +
      `gateway, the page offline) once the gateway held ${DROP_AFTER_CHUNKS} of ${FILE_CHUNKS} chunks and the next ` +
      `was half sent; throughput is file bytes over the time from the file chosen to ` +
      `the session completed (pause excluded), as a share of 750 kbit/s; the floor sends the first ${FLOOR_CHUNKS} ` +
      `chunks of the same file with plain fetch PUTs from a blank page on the same link, timed the same way`,
  };
}
