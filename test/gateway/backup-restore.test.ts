import fs from 'node:fs';
import path from 'node:path';
import {
  CaseDetail,
  CommitmentVerification,
  PublicKeyInfo,
  Rating,
  UploadSession,
  UploadedFile,
  WindowVisit,
  type CommitmentNotice,
} from '../../types/contract';
import { loadConfig } from '../../gateway/src/config';
import { listBackups } from '../../gateway/src/backup/backup-folder';
import { blobPath, readManifest } from '../../gateway/src/backup/manifest';
import { KEY_DIR } from '../../gateway/src/commitments/signing-key';
import { SMS_CODE_SECRET, WINDOW_QR_SECRET, secretFilePath } from '../../gateway/src/auth/secret-files';
import { expectOk, smsLogin, startGateway, tempDir, type TestGateway } from './support/harness';
import { ADMIN_TOKEN, admin, caseRating, createCase, person, rateOk, type Person } from './support/ratings';
import { download, noticesOf, sha256, signOk } from './support/commitments';
import { pdf } from './support/material-files';
import { UPLOAD_CHUNK_BYTES } from '../../gateway/src/uploads/material-limits';
import { FOOD_LICENCE, startPrereviewGateway, submittedFoodCase } from './support/prereview';
import { backupCli, backupDirOf, storedIds, type StoredIds } from './support/backups';

const DAY = 24 * 3600;
const restoredOptions = { adminToken: ADMIN_TOKEN, accessTokenTtl: 400 * DAY, refreshTokenTtl: 400 * DAY };

let gw: TestGateway;
let people: Person[];
let food: CommitmentNotice;
let backupRoot: string;
const cleanup: string[] = [];

/** What each acknowledged write produced, by kind: checked against the restored gateway. */
interface Made {
  cases: Map<string, { who: Person; detail: CaseDetail }>;
  commitments: Set<string>;
  ratings: Map<string, Person>;
}

function made(): Made {
  return { cases: new Map(), commitments: new Set(), ratings: new Map() };
}

/** One round of what residents do: a submitted application (three uploads), a signed 告知承诺, a rated case. */
async function round(who: Person, into: Made): Promise<void> {
  const { detail } = await submittedFoodCase(gw, who);
  into.cases.set(detail.id, { who, detail });
  const receipt = await signOk(gw, who, food);
  into.commitments.add(receipt.record.id);
  const finished = await createCase(gw, who, 'FX-MZ-0003');
  const rating = await rateOk(gw, who, caseRating(finished.id, 5));
  into.ratings.set(rating.id, who);
}

beforeAll(async () => {
  gw = await startPrereviewGateway();
  people = [
    await person(gw, '13800000801', true, '王小明'),
    await person(gw, '13800000802', true, '李四'),
    await person(gw, '13800000803', true, '赵六'),
  ];
  [food] = await noticesOf(gw, FOOD_LICENCE);
  backupRoot = tempDir('backups');
  cleanup.push(backupRoot);
});

afterAll(async () => {
  await gw.close();
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

/** The content of a window's printed QR code, as an officer gets it for printing. */
async function windowQr(target: TestGateway, code: string): Promise<string> {
  const res = await admin(target, 'GET', `/windows/${code}/qr`);
  expect(res.status).toBe(200);
  return (res.body as { data: { qrContent: string } }).data.qrContent;
}

/** A rater scanning `qr` at `target`'s hall: a visit only when the QR code verifies there. */
const scan = (target: TestGateway, who: Person, qr: string) =>
  target.request('/api/ratings/visits', { method: 'POST', token: who.token, body: { qr } });

async function restoredGateway(dataDir: string): Promise<TestGateway> {
  const restored = await startGateway({ ...restoredOptions, dataDir });
  return restored;
}

/** Every case, file, commitment and rating the backup's database lists is served intact by `target`. */
async function expectAllIntact(target: TestGateway, ids: StoredIds, who: Map<string, Person>): Promise<void> {
  for (const c of ids.cases) {
    const owner = who.get(c.user_id);
    if (!owner) continue;
    expectOk(await target.request(`/api/me/cases/${c.id}`, { token: owner.token }), CaseDetail);
  }
  for (const u of ids.uploads) {
    const owner = who.get(u.user_id);
    if (!owner) continue;
    const file = await download(target, u.id, { authorization: `Bearer ${owner.token}` });
    expect({ id: u.id, status: file.status, sha256: sha256(file.bytes) }).toEqual({
      id: u.id,
      status: 200,
      sha256: u.sha256,
    });
  }
  for (const id of ids.commitments) {
    const check = expectOk(await target.request(`/api/commitments/${id}/verification`), CommitmentVerification);
    expect({ id, intact: check.intact }).toEqual({ id, intact: true });
  }
  for (const r of ids.ratings) {
    const owner = who.get(r.user_id);
    if (!owner) continue;
    expectOk(await target.request(`/api/me/ratings/${r.id}`, { token: owner.token }), Rating);
  }
}

describe('backup under write load, restore, start on the restored data', () => {
  it('keeps every case, file, commitment and rating, and receipts still verify', async () => {
    const before = made();
    await Promise.all(people.map((p) => round(p, before)));
    const printedQr = await windowQr(gw, 'FX-ZW-A01');

    // Residents keep submitting, uploading, signing and rating while the backup runs.
    const during = made();
    let stop = false;
    const load = Promise.all(
      people.map(async (p) => {
        for (let i = 0; i < 4 && !stop; i += 1) await round(p, during);
      }),
    );
    const run = await backupCli('backup', gw.dataDir, backupRoot);
    stop = true;
    await load;
    expect(run).toMatchObject({ code: 0 });
    const backupDir = backupDirOf(run);

    // Everything acknowledged before the backup began is in it.
    const inBackup = storedIds(backupDir);
    expect(inBackup.cases.map((c) => c.id)).toEqual(expect.arrayContaining([...before.cases.keys()]));
    expect(inBackup.commitments).toEqual(expect.arrayContaining([...before.commitments]));
    expect(inBackup.ratings.map((r) => r.id)).toEqual(expect.arrayContaining([...before.ratings.keys()]));
    const manifest = readManifest(backupDir);
    expect(manifest?.files.map((f) => f.path).sort()).toEqual(inBackup.uploads.map((u) => `files/${u.id}`).sort());
    expect(manifest?.privateKeyIncluded).toBe(false);

    const dataDir = path.join(tempDir('restored'), 'data');
    cleanup.push(path.dirname(dataDir));
    const restore = await backupCli('restore', dataDir, backupDir, '--keys', path.join(gw.dataDir, KEY_DIR));
    expect(restore).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toContain('校验值全部一致');
    // Brought back from the kept keys/ folder with the private key: the counters' QR codes still rate.
    expect(fs.readFileSync(secretFilePath(dataDir, WINDOW_QR_SECRET), 'utf8')).toBe(
      fs.readFileSync(secretFilePath(gw.dataDir, WINDOW_QR_SECRET), 'utf8'),
    );

    const restored = await restoredGateway(dataDir);
    try {
      const byUser = new Map(people.map((p) => [p.userId, p]));
      // Everything in the backup is the test's people's, so the checks below skip nothing.
      expect(inBackup.uploads.length).toBeGreaterThan(0);
      expect([...inBackup.uploads, ...inBackup.ratings].every((row) => byUser.has(row.user_id))).toBe(true);
      await expectAllIntact(restored, inBackup, byUser);
      for (const [id, { who, detail }] of before.cases) {
        const again = expectOk(await restored.request(`/api/me/cases/${id}`, { token: who.token }), CaseDetail);
        expect(again).toEqual(detail);
      }
      const key = async (g: TestGateway) =>
        expectOk(await g.request('/api/commitments/public-key'), PublicKeyInfo).keyId;
      expect(await key(restored)).toBe(await key(gw));
      // Still a working gateway: a new commitment signs with the restored key.
      const receipt = await signOk(restored, people[0], food);
      const check = expectOk(
        await restored.request(`/api/commitments/${receipt.record.id}/verification`),
        CommitmentVerification,
      );
      expect(check.intact).toBe(true);
      expectOk(await scan(restored, people[2], printedQr), WindowVisit);
    } finally {
      await restored.close();
    }
  });

  it('--with-secret-keys: printed window QR codes and SMS codes sent before the backup still work after a restore', async () => {
    const printedQr = await windowQr(gw, 'FX-ZW-B01');
    const mobile = '13800000809';
    expect((await gw.request('/api/auth/sms', { method: 'POST', body: { mobile } })).status).toBe(200);
    const sentCode = gw.smsCodes.get(mobile)?.at(-1);

    const root = tempDir('secret-backup');
    cleanup.push(root);
    const run = await backupCli('backup', gw.dataDir, root, '--with-secret-keys');
    expect(run.code).toBe(0);
    expect(run.out).toContain('已包含密钥（收据签名私钥及 2 个 HMAC 密钥）');
    const backupDir = backupDirOf(run);
    const manifest = readManifest(backupDir);
    expect(manifest?.privateKeyIncluded).toBe(true);
    expect(manifest?.keys.map((k) => k.path).sort()).toEqual(
      [
        'keys/commitment-ed25519.pem',
        'keys/commitment-ed25519.pub.pem',
        `keys/${SMS_CODE_SECRET.file}`,
        `keys/${WINDOW_QR_SECRET.file}`,
      ].sort(),
    );

    // Restored into an empty folder with nothing kept apart: the backup alone is enough.
    const dataDir = path.join(tempDir('secret-restored'), 'data');
    cleanup.push(path.dirname(dataDir));
    const restore = await backupCli('restore', dataDir, backupDir);
    expect(restore).toMatchObject({ code: 0, err: '' });
    for (const secret of [SMS_CODE_SECRET, WINDOW_QR_SECRET]) {
      const file = secretFilePath(dataDir, secret);
      expect({ file: secret.file, mode: fs.statSync(file).mode & 0o777 }).toEqual({ file: secret.file, mode: 0o600 });
      expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(secretFilePath(gw.dataDir, secret), 'utf8'));
    }

    const restored = await restoredGateway(dataDir);
    try {
      expectOk(await scan(restored, people[0], printedQr), WindowVisit);
      // The same signature (the origin differs: no public URL is configured in tests).
      const signature = (qr: string) => new URL(qr).searchParams.get('s');
      expect(signature(await windowQr(restored, 'FX-ZW-B01'))).toBe(signature(printedQr));
      // The code texted just before the backup (still within its 5 minutes) logs in on the restored gateway…
      const login = await restored.request('/api/auth/sms-login', { method: 'POST', body: { mobile, code: sentCode } });
      expect(login.status).toBe(200);
      // …and the whole SMS flow works there.
      expect((await smsLogin(restored, '13800000810')).accessToken).toEqual(expect.any(String));
    } finally {
      await restored.close();
    }
  });

  it('copies a stored file once: a later backup lists it again without copying it', async () => {
    const first = await backupCli('backup', gw.dataDir, backupRoot);
    const second = await backupCli('backup', gw.dataDir, backupRoot);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/其中新复制 0 个/);
    const [a, b] = [readManifest(backupDirOf(first)), readManifest(backupDirOf(second))];
    expect(b?.files).toEqual(a?.files);
    for (const f of b?.files ?? []) expect(fs.existsSync(blobPath(backupRoot, f.sha256))).toBe(true);
    // One copy per distinct content, however many backups list it.
    const distinct = new Set(b?.files.map((f) => f.sha256));
    const blobs = fs
      .readdirSync(path.join(backupRoot, 'blobs'))
      .filter((d) => d !== '.incoming')
      .flatMap((d) => fs.readdirSync(path.join(backupRoot, 'blobs', d)));
    expect(blobs.length).toBe(distinct.size);
  });
});

describe('unfinished chunked uploads', () => {
  const FILE = pdf(4 * 1024 * 1024 + 999, 3);
  const chunkOf = (i: number) => FILE.subarray(i * UPLOAD_CHUNK_BYTES, (i + 1) * UPLOAD_CHUNK_BYTES);

  async function putChunk(target: TestGateway, who: Person, id: string, i: number): Promise<UploadSession> {
    const res = await fetch(`${target.base}/api/uploads/sessions/${id}/chunks/${i}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${who.token}`,
        'content-type': 'application/octet-stream',
        'x-chunk-sha256': sha256(chunkOf(i)),
      },
      body: new Uint8Array(chunkOf(i)),
    });
    return expectOk(
      { status: res.status, headers: res.headers, body: await res.json(), text: '' },
      UploadSession,
    ) as UploadSession;
  }

  async function halfUploaded(): Promise<{ session: UploadSession; backupDir: string }> {
    const who = people[1];
    const session = expectOk(
      await gw.request('/api/uploads/sessions', {
        method: 'POST',
        token: who.token,
        body: {
          purpose: 'material',
          fileName: '章程.pdf',
          mime: 'application/pdf',
          size: FILE.length,
          sha256: sha256(FILE),
        },
      }),
      UploadSession,
    );
    await putChunk(gw, who, session.id, 0);
    await putChunk(gw, who, session.id, 1);
    const root = tempDir('sessions-backup');
    cleanup.push(root);
    return { session, backupDir: backupDirOf(await backupCli('backup', gw.dataDir, root, '--with-private-key')) };
  }

  async function restoreTo(
    backupDir: string,
  ): Promise<{ target: TestGateway; run: Awaited<ReturnType<typeof backupCli>> }> {
    const dataDir = path.join(tempDir('sessions-restored'), 'data');
    cleanup.push(path.dirname(dataDir));
    const run = await backupCli('restore', dataDir, backupDir);
    expect(run.code).toBe(0);
    return { target: await restoredGateway(dataDir), run };
  }

  it('resume after a restore: the chunks held at backup time are there, the rest completes the file', async () => {
    const { session, backupDir } = await halfUploaded();
    expect(readManifest(backupDir)?.files.map((f) => f.path)).toContain(`files/sessions/${session.id}.part`);
    const { target } = await restoreTo(backupDir);
    try {
      const who = people[1];
      const held = expectOk(
        await target.request(`/api/uploads/sessions/${session.id}`, { token: who.token }),
        UploadSession,
      );
      expect(held.received).toEqual([0, 1]);
      for (let i = 2; i < held.chunkCount; i += 1) await putChunk(target, who, session.id, i);
      const file = expectOk(
        await target.request(`/api/uploads/sessions/${session.id}/complete`, { method: 'POST', token: who.token }),
        UploadedFile,
      );
      const bytes = await download(target, file.id, { authorization: `Bearer ${who.token}` });
      expect(sha256(bytes.bytes)).toBe(sha256(FILE));
    } finally {
      await target.close();
    }
  });

  it('a part file the backup could not capture (the upload completed meanwhile): its chunks are asked for again', async () => {
    const { session, backupDir } = await halfUploaded();
    const manifestFile = path.join(backupDir, 'manifest.json');
    const manifest = readManifest(backupDir);
    if (!manifest) throw new Error('no manifest');
    manifest.files = manifest.files.filter((f) => !f.path.startsWith('files/sessions/'));
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const { target, run } = await restoreTo(backupDir);
    try {
      expect(run.out).toMatch(/\d+ 个未完成的分片上传需要重新上传分片/);
      const held = expectOk(
        await target.request(`/api/uploads/sessions/${session.id}`, { token: people[1].token }),
        UploadSession,
      );
      expect(held.received).toEqual([]);
    } finally {
      await target.close();
    }
  });
});

describe('restore refuses', () => {
  let backupDir: string;

  beforeAll(async () => {
    backupDir = backupDirOf(await backupCli('backup', gw.dataDir, tempDir('one-backup'), '--with-secret-keys'));
    cleanup.push(path.dirname(backupDir));
  });

  function emptyDataDir(): string {
    const dir = tempDir('restore-target');
    cleanup.push(dir);
    return dir;
  }

  it('a data folder that is not empty, unless --force', async () => {
    const dataDir = emptyDataDir();
    fs.writeFileSync(path.join(dataDir, 'gateway.sqlite'), 'something precious');
    const refused = await backupCli('restore', dataDir, backupDir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`数据目录 ${dataDir} 不是空的`);
    expect(refused.err).toContain('--force');
    expect(fs.readFileSync(path.join(dataDir, 'gateway.sqlite'), 'utf8')).toBe('something precious');

    const forced = await backupCli('restore', dataDir, backupDir, '--force');
    expect(forced.code).toBe(0);
    expect(storedIds(dataDir)).toEqual(storedIds(backupDir));
  });

  it('a backup whose stored file was changed, naming the file, and writes nothing', async () => {
    const copy = tempDir('damaged');
    cleanup.push(copy);
    fs.cpSync(path.dirname(backupDir), copy, { recursive: true });
    const damagedDir = path.join(copy, path.basename(backupDir));
    const victim = readManifest(damagedDir)?.files[0];
    if (!victim) throw new Error('the backup has no files');
    fs.appendFileSync(blobPath(copy, victim.sha256), 'x');
    const dataDir = emptyDataDir();
    const refused = await backupCli('restore', dataDir, damagedDir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${victim.path}：校验值不符`);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('to leave a gateway that cannot sign: without the private key it says where to put it, and the gateway will not start', async () => {
    const withoutKey = backupDirOf(await backupCli('backup', gw.dataDir, tempDir('no-key')));
    cleanup.push(path.dirname(withoutKey));
    const dataDir = emptyDataDir();
    const run = await backupCli('restore', dataDir, withoutKey);
    expect(run.code).toBe(1);
    expect(run.err).toContain('备份不含收据签名私钥');
    expect(run.err).toContain('备份不含窗口二维码密钥');
    await expect(startGateway({ dataDir })).rejects.toThrow(/restore the private key/);
  });

  it('a separately kept private key that is not the backup’s', async () => {
    const other = tempDir('other-gateway');
    cleanup.push(other);
    const stranger = await startGateway({ dataDir: path.join(other, 'data') });
    const strangerKeys = path.join(stranger.dataDir, KEY_DIR);
    const keptKeys = path.join(other, 'kept-keys');
    fs.cpSync(strangerKeys, keptKeys, { recursive: true });
    await stranger.close();
    const withoutKey = backupDirOf(await backupCli('backup', gw.dataDir, tempDir('no-key-2')));
    cleanup.push(path.dirname(withoutKey));
    const run = await backupCli('restore', emptyDataDir(), withoutKey, '--keys', keptKeys);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/--keys 指定的收据签名私钥（编号 \w+）与备份的收据公钥（编号 \w+）不匹配/);
  });
});

describe('scheduled backups', () => {
  it('are configured from the environment: off unless GATEWAY_BACKUP_DIR is set', () => {
    expect(loadConfig({}).backup).toBeUndefined();
    expect(
      loadConfig({
        GATEWAY_BACKUP_DIR: '/srv/backups',
        GATEWAY_BACKUP_INTERVAL_MINUTES: '60',
        GATEWAY_BACKUP_KEEP: '3',
      }).backup,
    ).toEqual({ dir: '/srv/backups', intervalMs: 3_600_000, keep: 3, withSecretKeys: false });
    // The older name still switches it on; the newer one wins when both are set.
    const secretKeys = (env: Record<string, string>) =>
      loadConfig({ GATEWAY_BACKUP_DIR: '/b', ...env }).backup?.withSecretKeys;
    expect(secretKeys({ GATEWAY_BACKUP_PRIVATE_KEY: 'on' })).toBe(true);
    expect(secretKeys({ GATEWAY_BACKUP_SECRET_KEYS: 'on' })).toBe(true);
    expect(secretKeys({ GATEWAY_BACKUP_PRIVATE_KEY: 'on', GATEWAY_BACKUP_SECRET_KEYS: 'off' })).toBe(false);
    expect(loadConfig({ GATEWAY_BACKUP_DIR: '/srv/backups' }).backup).toMatchObject({
      intervalMs: 86_400_000,
      keep: 7,
    });
    expect(() => loadConfig({ GATEWAY_BACKUP_DIR: '/b', GATEWAY_BACKUP_KEEP: '0' })).toThrow(/GATEWAY_BACKUP_KEEP/);
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
  });

  it('runs on the interval and keeps only the newest ones', async () => {
    const dir = tempDir('scheduled');
    cleanup.push(dir);
    const scheduled = await startGateway({ backup: { dir, intervalMs: 50, keep: 2, withSecretKeys: true } });
    try {
      const done = () => scheduled.logs.filter((l) => l.includes('定时备份完成')).length;
      while (done() < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      // Waits for a backup in progress: none is left half-pruned.
      await scheduled.close();
    }
    const kept = listBackups(dir);
    expect(kept.length).toBe(2);
    expect(kept.every((b) => b.manifest.privateKeyIncluded)).toBe(true);
    expect(kept.every((b) => b.manifest.keys.some((k) => k.path === `keys/${WINDOW_QR_SECRET.file}`))).toBe(true);
  });

  it('starts an interval after the newest backup already in the folder', async () => {
    const dir = tempDir('scheduled-later');
    cleanup.push(dir);
    await backupCli('backup', gw.dataDir, dir);
    const scheduled = await startGateway({ backup: { dir, intervalMs: 3600_000, keep: 5, withSecretKeys: false } });
    await scheduled.close();
    expect(listBackups(dir).length).toBe(1);
  });
});
