import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  CommitmentNotice,
  CommitmentReceipt,
  CommitmentVerification,
  type CommitmentNotice as Notice,
} from '../../types/contract';
import { runAdmin } from '../../gateway/src/cli/admin-commands';
import { openDatabase } from '../../gateway/src/db/open-database';
import { REPO_ROOT } from '../../gateway/src/paths';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { person, startRatingGateway, type Person } from './support/ratings';
import { changeLastChar, noticesOf, sign, signBody, signOk, tamperDb, uploadOk } from './support/commitments';

let gw: TestGateway;
let db: Database;
let alice: Person;
let food: Notice;
let income: Notice;

beforeAll(async () => {
  gw = await startRatingGateway();
  db = openDatabase(gw.dataDir);
  alice = await person(gw, '13800000401', true, '王小明');
  [food] = await noticesOf(gw, 'FX-SC-0001');
  [income] = await noticesOf(gw, 'FX-MZ-0003');
});

// A day per test: the tests here sign more than the 20 signature uploads a user has per day.
beforeEach(() => gw.clock.advance(24 * 3600));

afterAll(async () => {
  db.close();
  await gw.close();
});

const verification = async (id: string) =>
  expectOk(await gw.request(`/api/commitments/${id}/verification`), CommitmentVerification);

/** The names of the checks that failed. */
const failed = (v: CommitmentVerification) => v.checks.filter((c) => !c.ok).map((c) => c.name);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, {
    db,
    now: gw.clock.now,
    rectificationDays: 15,
    defaultBase: 'https://zwfw.example.cn',
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('GET /api/commitments/:id/verification', () => {
  it('an untouched commitment is intact, and the answer reveals nothing personal', async () => {
    const receipt = await signOk(gw, alice, food);
    const res = await gw.request(`/api/commitments/${receipt.record.id}/verification`);
    const v = expectOk(res, CommitmentVerification);
    expect(v).toEqual({
      id: receipt.record.id,
      intact: true,
      checks: [
        { name: 'record-signature', ok: true, detail: `Ed25519 签名有效（密钥 ${receipt.keyId}）` },
        { name: 'record-fields', ok: true, detail: '各字段与签名记录一致' },
        { name: 'signature-file', ok: true, detail: '签名图片存在，SHA-256 与签名记录一致' },
        { name: 'notice-version', ok: true, detail: '告知书第 1 版内容完整，哈希与签名记录一致' },
      ],
    });
    for (const personal of [alice.userId, receipt.record.signerNameMasked, receipt.record.signerIdNumberMasked, '王']) {
      expect(res.text).not.toContain(personal);
    }
    expectError(await gw.request('/api/commitments/nope/verification'), 404, 'NOT_FOUND');
  });

  it.each([
    ['material_name', 'materialName'],
    ['signer_id_number_masked', 'signerIdNumberMasked'],
    ['signer_name_masked', 'signerNameMasked'],
    ['notice_hash', 'noticeHash'],
    ['signature_sha256', 'signatureSha256'],
    ['user_id', 'signerId'],
  ])('one byte changed in column %s is caught and named (%s)', async (column, field) => {
    const receipt = await signOk(gw, alice, food);
    const tamper = tamperDb(gw);
    try {
      const { value } = tamper
        .prepare(`SELECT ${column} AS value FROM commitments WHERE id = ?`)
        .get(receipt.record.id) as {
        value: string;
      };
      tamper.pragma('foreign_keys = OFF');
      tamper.prepare(`UPDATE commitments SET ${column} = ? WHERE id = ?`).run(changeLastChar(value), receipt.record.id);
    } finally {
      tamper.close();
    }
    const v = await verification(receipt.record.id);
    expect(v.intact).toBe(false);
    const fields = v.checks.find((c) => c.name === 'record-fields');
    expect(fields).toEqual({ name: 'record-fields', ok: false, detail: `与签名记录不一致的字段：${field}` });
    // The other checks that do not read that column still pass: the report points at what changed.
    expect(v.checks.find((c) => c.name === 'record-signature')?.ok).toBe(true);
  });

  it('a changed signed time (one millisecond) is caught too', async () => {
    const receipt = await signOk(gw, alice, food);
    const tamper = tamperDb(gw);
    tamper.prepare('UPDATE commitments SET signed_at = signed_at + 1 WHERE id = ?').run(receipt.record.id);
    tamper.close();
    expect(failed(await verification(receipt.record.id))).toEqual(['record-fields']);
  });

  it('a changed signed record or signature fails the signature check', async () => {
    const a = await signOk(gw, alice, food);
    const b = await signOk(gw, alice, food);
    const tamper = tamperDb(gw);
    const signed = a.record.itemName;
    tamper
      .prepare('UPDATE commitments SET record_json = replace(record_json, ?, ?), item_name = ? WHERE id = ?')
      .run(signed, `${signed}X`, `${signed}X`, a.record.id);
    const sig = Buffer.from(b.gatewaySignature, 'base64');
    sig[10] ^= 0x01;
    tamper
      .prepare('UPDATE commitments SET gateway_signature = ? WHERE id = ?')
      .run(sig.toString('base64'), b.record.id);
    tamper.close();
    // Record and columns agree with each other, but the gateway never signed that.
    expect(failed(await verification(a.record.id))).toEqual(['record-signature']);
    expect(failed(await verification(b.record.id))).toEqual(['record-signature']);
    const detail = (await verification(b.record.id)).checks[0].detail;
    expect(detail).toBe('Ed25519 签名无效：签名记录或签名已被改动');
  });

  it('one byte changed in the signature image on disk, or the image gone, fails the file check', async () => {
    const changed = await signOk(gw, alice, food);
    const gone = await signOk(gw, alice, food);
    const fileOf = (id: string) => {
      const row = db.prepare('SELECT signature_file_id AS f FROM commitments WHERE id = ?').get(id) as { f: string };
      return path.join(gw.dataDir, 'files', row.f);
    };
    const bytes = fs.readFileSync(fileOf(changed.record.id));
    bytes[bytes.length - 20] ^= 0x01;
    fs.writeFileSync(fileOf(changed.record.id), bytes);
    fs.rmSync(fileOf(gone.record.id));
    const v = await verification(changed.record.id);
    expect(failed(v)).toEqual(['signature-file']);
    expect(v.checks[2].detail).toBe('签名图片文件的 SHA-256 与签名记录不符（文件已被改动）');
    expect((await verification(gone.record.id)).checks[2]).toEqual({
      name: 'signature-file',
      ok: false,
      detail: '签名图片文件缺失',
    });
  });

  it('a changed notice version text fails the notice check', async () => {
    const receipt = await signOk(gw, alice, income);
    const tamper = tamperDb(gw);
    tamper
      .prepare(
        "UPDATE notice_versions SET content = replace(content, '真实', '真是') WHERE notice_id = ? AND version = 1",
      )
      .run(income.id);
    tamper.close();
    const v = await verification(receipt.record.id);
    expect(failed(v)).toEqual(['notice-version']);
    expect(v.checks[3].detail).toBe('告知书第 1 版的内容与其哈希不符（内容已被改动）');
  });
});

describe('a new notice version', () => {
  it('does not alter what an earlier signer signed; new signers must read the new one', async () => {
    const fresh = (await noticesOf(gw, 'FX-SC-0001'))[0];
    const earlier = await signOk(gw, alice, fresh);
    const revised = await cli(
      'notice-revise',
      fresh.id,
      '--consequence',
      '未按承诺取得经营场所使用权的，依法注销食品经营许可证。',
      '--officer',
      '周科员',
    );
    expect(revised.code).toBe(0);
    expect(revised.out).toMatch(new RegExp(`^已发布新版本：${fresh.id}  第 2 版  FX-SC-0001`));

    const v2 = expectOk(await gw.request(`/api/notices/${fresh.id}`), CommitmentNotice);
    expect(v2.version).toBe(2);
    expect(v2.consequences.at(-1)).toBe('未按承诺取得经营场所使用权的，依法注销食品经营许可证。');
    const v1 = expectOk(await gw.request(`/api/notices/${fresh.id}/versions/1`), CommitmentNotice);
    expect(v1).toEqual(fresh);

    const seen = expectOk(
      await gw.request(`/api/me/commitments/${earlier.record.id}`, { token: alice.token }),
      CommitmentReceipt,
    );
    expect(seen).toEqual(earlier);
    expect(seen.record).toMatchObject({ noticeVersion: 1, noticeHash: v1.contentHash });
    expect((await verification(earlier.record.id)).intact).toBe(true);

    const file = await uploadOk(gw, alice);
    expectError(await sign(gw, alice, signBody(fresh, file)), 409, 'CONFLICT');
    const now = expectOk(await sign(gw, alice, signBody(v2, file)), CommitmentReceipt);
    expect(now.record).toMatchObject({ noticeVersion: 2, noticeHash: v2.contentHash });
    food = v2;
  });
});

describe('gateway:admin commitment commands', () => {
  it('verify-commitment prints each check and exits 0 when intact, 1 otherwise', async () => {
    const intact = await signOk(gw, alice, food);
    let res = await cli('verify-commitment', intact.record.id);
    expect(res.code).toBe(0);
    expect(res.out.split('\n')).toEqual([
      `✓ record-signature  Ed25519 签名有效（密钥 ${intact.keyId}）`,
      '✓ record-fields  各字段与签名记录一致',
      '✓ signature-file  签名图片存在，SHA-256 与签名记录一致',
      `✓ notice-version  告知书第 ${food.version} 版内容完整，哈希与签名记录一致`,
      `承诺 ${intact.record.id} 完整`,
    ]);

    const broken = await signOk(gw, alice, food);
    const tamper = tamperDb(gw);
    tamper.prepare("UPDATE commitments SET item_name = item_name || ' ' WHERE id = ?").run(broken.record.id);
    tamper.close();
    res = await cli('verify-commitment', broken.record.id);
    expect(res.code).toBe(1);
    expect(res.out).toContain('✗ record-fields  与签名记录不一致的字段：itemName');
    expect(res.out).toContain('不完整');
    expect((await cli('verify-commitment', 'nope')).code).toBe(1);
    expect((await cli('verify-commitment')).code).toBe(2);
  });

  it('commitments, commitment-verdict and credit follow the API’s rules', async () => {
    const receipt = await signOk(gw, alice, income);
    const list = await cli('commitments');
    expect(list.code).toBe(0);
    expect(list.out).toContain(`${receipt.record.id}  待核查  特困人员认定 · 家庭收入状况申报表`);
    expect(list.out).not.toContain('王小明');

    expect((await cli('commitment-verdict', receipt.record.id, 'maybe', '说明')).code).toBe(2);
    const done = await cli('commitment-verdict', receipt.record.id, 'verified', '入户核查属实', '--officer', '吴科员');
    expect(done.code).toBe(0);
    expect(done.out).toContain('核查属实');
    const again = await cli('commitment-verdict', receipt.record.id, 'false', '改判');
    expect(again).toMatchObject({ code: 1, err: '未完成：该承诺已有核查结论' });
    const seen = expectOk(
      await gw.request(`/api/me/commitments/${receipt.record.id}`, { token: alice.token }),
      CommitmentReceipt,
    );
    expect(seen).toMatchObject({ status: 'verified', statusNote: '入户核查属实' });

    const on = await cli('credit', alice.mobile, 'on', '虚假承诺被查实');
    expect(on.out).toBe(`用户 ${alice.userId}：已列为严重失信主体（不适用告知承诺制）`);
    const file = await uploadOk(gw, alice);
    expectError(await sign(gw, alice, signBody(food, file)), 403, 'FORBIDDEN');
    expect((await cli('credit', alice.userId, 'off', '信用修复')).code).toBe(0);
    expectOk(await sign(gw, alice, signBody(food, file)), CommitmentReceipt);
    expect((await cli('credit', 'no-such-user', 'on', 'x')).code).toBe(1);
    expect((await cli('credit', alice.userId, 'maybe')).code).toBe(2);

    const notices = await cli('notices', 'FX-MZ-0003');
    expect(notices.out).toMatch(new RegExp(`^${income.id}  第 1 版  FX-MZ-0003 特困人员认定 · 家庭收入状况申报表`));
    expect((await cli('notice-revise', income.id)).code).toBe(2);
    expect((await cli('notice-revise', income.id, '--colour', 'x')).code).toBe(2);
    expect((await cli('notice-revise', 'ntc-nope', '--condition', '新的条件说明文字')).code).toBe(1);
  });

  it('the npm script verifies on GATEWAY_DATA_DIR (exit 0 intact, 1 tampered)', async () => {
    const intact = await signOk(gw, alice, food);
    const broken = await signOk(gw, alice, food);
    const tamper = tamperDb(gw);
    tamper.prepare("UPDATE commitments SET material_name = 'X' WHERE id = ?").run(broken.record.id);
    tamper.close();
    const run = (id: string) =>
      spawnSync(
        path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
        ['gateway/src/cli/admin.ts', 'verify-commitment', id],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, GATEWAY_DATA_DIR: gw.dataDir },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    const ok = run(intact.record.id);
    expect({ status: ok.status, out: ok.stdout }).toEqual({ status: 0, out: expect.stringContaining('完整') });
    const bad = run(broken.record.id);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('✗ record-fields');
    // The CLI never makes a key of its own: these are the gateway's (receipts, SMS codes, window QR codes).
    expect(fs.readdirSync(path.join(gw.dataDir, 'keys')).sort()).toEqual([
      'commitment-ed25519.pem',
      'commitment-ed25519.pub.pem',
      'sms-code-hmac.key',
      'window-qr-hmac.key',
    ]);
  }, 60_000);
});
