import { spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { CommitmentReceipt, PublicKeyInfo, type CommitmentNotice, type UploadedFile } from '../../types/contract';
import { COMMITMENT_MESSAGES, CONFIRMATION_MESSAGES } from '../../gateway/src/commitments/commitment-service';
import { openDatabase } from '../../gateway/src/db/open-database';
import { NoticeService } from '../../gateway/src/commitments/notice-service';
import { NoticeStore } from '../../gateway/src/store/notice-store';
import { CatalogueStore } from '../../gateway/src/store/catalogue-store';
import { expectError, expectOk, tempDir, type ApiResponse, type TestGateway } from './support/harness';
import { admin, createCase, openDb, person, type Person } from './support/ratings';
import {
  canonicalRecord,
  scribblePng,
  sha256,
  sign,
  signBody,
  signOk,
  startCommitmentWorld,
  storedState,
  uploadOk,
} from './support/commitments';

const CreditState = Type.Object({ userId: Type.String(), seriousDishonesty: Type.Boolean() });

let gw: TestGateway;
let alice: Person;
let bob: Person;
let food: CommitmentNotice;
let income: CommitmentNotice;

beforeAll(async () => {
  ({ gw, alice, bob, food, income } = await startCommitmentWorld('138000002'));
});

afterAll(async () => {
  await gw.close();
});

/** Runs a request that must be refused and checks nothing at all was stored by it. */
async function refusedWithoutTrace(run: () => Promise<ApiResponse>): Promise<ApiResponse> {
  const before = storedState(gw);
  const res = await run();
  expect(storedState(gw)).toEqual(before);
  return res;
}

describe('POST /api/commitments: signing', () => {
  it('signs as the logged-in user; the receipt binds notice version + hash, signer, signature hash and time', async () => {
    const file = await uploadOk(gw, alice, scribblePng(11));
    const receipt = expectOk(await sign(gw, alice, signBody(food, file)), CommitmentReceipt);
    expect(receipt).toEqual({
      record: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        noticeId: food.id,
        noticeVersion: 1,
        noticeHash: food.contentHash,
        itemCode: 'FX-SC-0001',
        itemName: '食品经营许可（新办）',
        materialName: '经营场所使用证明',
        signerId: alice.userId,
        signerNameMasked: '王**',
        signerIdNumberMasked: expect.stringMatching(/^4201\*{10}\d{3}[\dX]$/),
        signatureSha256: file.sha256,
        signedAt: gw.clock.now().toISOString(),
      },
      gatewaySignature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      status: 'signed',
      statusAt: gw.clock.now().toISOString(),
      withdrawable: true,
    });
    expect(JSON.stringify(receipt)).not.toContain('王小明');
    const db = openDb(gw);
    const events = db
      .prepare('SELECT status, actor FROM commitment_events WHERE commitment_id = ?')
      .all(receipt.record.id);
    db.close();
    expect(events).toEqual([{ status: 'signed', actor: 'applicant' }]);
  });

  it('the receipt verifies offline with node:crypto and the published key; a changed field does not', async () => {
    const receipt = await signOk(gw, alice, food);
    const key = expectOk(await gw.request('/api/commitments/public-key'), PublicKeyInfo);
    expect(key.algorithm).toBe('Ed25519');
    const publicKey = createPublicKey(key.publicKeyPem);
    expect(sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16)).toBe(key.keyId);
    expect(receipt.keyId).toBe(key.keyId);

    const text = canonicalRecord(receipt.record);
    const signature = Buffer.from(receipt.gatewaySignature, 'base64');
    expect(verify(null, Buffer.from(text), publicKey, signature)).toBe(true);
    const forged = canonicalRecord({ ...receipt.record, signerNameMasked: '李*' });
    expect(verify(null, Buffer.from(forged), publicKey, signature)).toBe(false);

    // The key pair lives in the data folder: private 0600, public as published.
    const keys = path.join(gw.dataDir, 'keys');
    expect(fs.statSync(path.join(keys, 'commitment-ed25519.pem')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(keys, 'commitment-ed25519.pub.pem'), 'utf8')).toBe(key.publicKeyPem);
  });

  const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  (openssl.status === 0 ? it : it.skip)('…and with openssl (pkeyutl -verify -rawin)', async () => {
    const receipt = await signOk(gw, alice, food);
    const key = expectOk(await gw.request('/api/commitments/public-key'), PublicKeyInfo);
    const dir = tempDir('openssl');
    try {
      fs.writeFileSync(path.join(dir, 'pub.pem'), key.publicKeyPem);
      fs.writeFileSync(path.join(dir, 'record.json'), canonicalRecord(receipt.record));
      fs.writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(receipt.gatewaySignature, 'base64'));
      const args = [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'pub.pem',
        '-rawin',
        '-in',
        'record.json',
        '-sigfile',
        'sig.bin',
      ];
      const ok = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      expect(ok.stdout).toContain('Signature Verified Successfully');
      fs.writeFileSync(path.join(dir, 'record.json'), canonicalRecord({ ...receipt.record, itemName: '别的事项' }));
      const bad = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      expect(bad.status).not.toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nobody signs for someone else: no field names a signer, and a body with extra fields is refused', async () => {
    const file = await uploadOk(gw, alice);
    for (const extra of [{ signerId: bob.userId }, { signer: { name: '李四' } }, { userId: bob.userId }]) {
      const res = await refusedWithoutTrace(() => sign(gw, alice, { ...signBody(food, file), ...extra }));
      const error = expectError(res, 400, 'VALIDATION_FAILED');
      const [field] = Object.keys(extra);
      expect(error.fields).toEqual([{ field, message: `不支持的字段“${field}”` }]);
    }
    const nested = { ...signBody(food, file), confirmations: { ...signBody(food, file).confirmations, forMe: true } };
    expectError(await refusedWithoutTrace(() => sign(gw, alice, nested)), 400, 'VALIDATION_FAILED');
    const anonymous = await gw.request('/api/commitments', { method: 'POST', body: signBody(food, file) });
    expectError(anonymous, 401, 'UNAUTHENTICATED');
  });

  it('requires real-name verification (403)', async () => {
    const carol = await person(gw, '13800000203', false);
    const file = await uploadOk(gw, carol);
    const error = expectError(await refusedWithoutTrace(() => sign(gw, carol, signBody(food, file))), 403, 'FORBIDDEN');
    expect(error.message).toBe('请先完成实名认证');
  });

  describe('each refusal names its field, says why in Chinese and stores nothing', () => {
    let file: UploadedFile;
    beforeAll(async () => {
      file = await uploadOk(gw, alice, scribblePng(21));
    });

    it('an unknown notice is 404', async () => {
      const res = await refusedWithoutTrace(() => sign(gw, alice, signBody(food, file, { noticeId: 'ntc-nope' })));
      expect(expectError(res, 404, 'NOT_FOUND').message).toBe('没有找到这份告知书');
    });

    it('a notice hash that is not the version’s is 400 on noticeHash', async () => {
      const res = await refusedWithoutTrace(() =>
        sign(gw, alice, signBody(food, file, { noticeHash: 'a'.repeat(64) })),
      );
      const error = expectError(res, 400, 'VALIDATION_FAILED');
      expect(error.fields).toEqual([{ field: 'noticeHash', message: COMMITMENT_MESSAGES.noticeHash }]);
      // The hash of another notice is no better.
      const other = await refusedWithoutTrace(() =>
        sign(gw, alice, signBody(food, file, { noticeHash: income.contentHash })),
      );
      expect(expectError(other, 400, 'VALIDATION_FAILED').fields?.[0].field).toBe('noticeHash');
    });

    it.each(Object.keys(CONFIRMATION_MESSAGES))(
      'confirmation %s not ticked is 400 on confirmations.%s',
      async (key) => {
        const body = signBody(food, file);
        const res = await refusedWithoutTrace(() =>
          sign(gw, alice, { ...body, confirmations: { ...body.confirmations, [key]: false } }),
        );
        const error = expectError(res, 400, 'VALIDATION_FAILED');
        expect(error.fields).toEqual([
          { field: `confirmations.${key}`, message: CONFIRMATION_MESSAGES[key as keyof typeof CONFIRMATION_MESSAGES] },
        ]);
      },
    );

    it('no confirmation at all lists all four; a missing one is a validation error too', async () => {
      const body = signBody(food, file);
      const none = { informed: false, qualified: false, truthful: false, acceptVerification: false };
      const error = expectError(
        await refusedWithoutTrace(() => sign(gw, alice, { ...body, confirmations: none })),
        400,
        'VALIDATION_FAILED',
      );
      expect(error.fields?.map((f) => f.field)).toEqual([
        'confirmations.informed',
        'confirmations.qualified',
        'confirmations.truthful',
        'confirmations.acceptVerification',
      ]);
      const { truthful: _dropped, ...three } = body.confirmations;
      const missing = expectError(
        await refusedWithoutTrace(() => sign(gw, alice, { ...body, confirmations: three })),
        400,
        'VALIDATION_FAILED',
      );
      expect(missing.fields?.[0].field).toBe('confirmations.truthful');
    });

    it('someone else’s signature file looks exactly like a missing one (400 on signatureFileId)', async () => {
      const bobs = await uploadOk(gw, bob);
      const theirs = expectError(
        await refusedWithoutTrace(() => sign(gw, alice, signBody(food, bobs))),
        400,
        'VALIDATION_FAILED',
      );
      const missing = expectError(
        await refusedWithoutTrace(() =>
          sign(gw, alice, signBody(food, { ...bobs, id: 'f'.repeat(32), sha256: bobs.sha256 })),
        ),
        400,
        'VALIDATION_FAILED',
      );
      expect(theirs).toEqual(missing);
      expect(theirs.fields).toEqual([{ field: 'signatureFileId', message: COMMITMENT_MESSAGES.signatureNotFound }]);
      // Bob's own file, in Bob's hands, is fine.
      expectOk(await sign(gw, bob, signBody(food, bobs)), CommitmentReceipt);
    });

    it('a signature hash that is not the stored file’s is 400 on signatureSha256', async () => {
      const res = await refusedWithoutTrace(() =>
        sign(gw, alice, signBody(food, file, { signatureSha256: sha256('something else') })),
      );
      expect(expectError(res, 400, 'VALIDATION_FAILED').fields).toEqual([
        { field: 'signatureSha256', message: COMMITMENT_MESSAGES.signatureHash },
      ]);
    });

    it('a case that is not the user’s own is 404; the user’s own is bound into the record', async () => {
      const bobsCase = await createCase(gw, bob, 'FX-SC-0001', 'pending_review');
      for (const caseId of [bobsCase.id, 'no-such-case']) {
        const res = await refusedWithoutTrace(() => sign(gw, alice, signBody(food, file, { caseId })));
        expect(expectError(res, 404, 'NOT_FOUND').message).toBe('没有找到这个办件');
      }
      const own = await createCase(gw, alice, 'FX-SC-0001', 'pending_review');
      const receipt = await signOk(gw, alice, food, { caseId: own.id });
      expect(receipt.record.caseId).toBe(own.id);
    });

    it('an old notice version is 409 CONFLICT asking to read the new one', async () => {
      const db = openDatabase(gw.dataDir);
      let v2: CommitmentNotice;
      try {
        const notices = new NoticeService(new NoticeStore(db), new CatalogueStore(db), gw.clock.now);
        v2 = notices.revise(
          income.id,
          { verification: '测试民政局自受理之日起 10 个工作日内入户核查。' },
          'officer:周科员',
        );
      } finally {
        db.close();
      }
      for (const body of [signBody(income, file), signBody(income, file, { noticeVersion: 7 })]) {
        const res = await refusedWithoutTrace(() => sign(gw, alice, body));
        expect(expectError(res, 409, 'CONFLICT').message).toBe('告知书已更新，请阅读最新版本后再签署');
      }
      // The new version's number with the old hash is a hash mismatch, not a pass.
      const mixed = await refusedWithoutTrace(() => sign(gw, alice, signBody(income, file, { noticeVersion: 2 })));
      expect(expectError(mixed, 400, 'VALIDATION_FAILED').fields?.[0].field).toBe('noticeHash');
      const receipt = expectOk(await sign(gw, alice, signBody(v2, file)), CommitmentReceipt);
      expect(receipt.record).toMatchObject({ noticeVersion: 2, noticeHash: v2.contentHash });
      income = v2;
    });
  });

  it('a serious-dishonesty user is refused with the way forward; clearing the flag restores signing', async () => {
    const dave = await person(gw, '13800000204', true, '赵大');
    const file = await uploadOk(gw, dave);
    const on = await admin(gw, 'POST', `/users/${dave.userId}/credit`, {
      seriousDishonesty: true,
      reason: '提供虚假材料，已列入严重失信主体名单',
    });
    expect(expectOk(on, CreditState)).toEqual({ userId: dave.userId, seriousDishonesty: true });

    const res = await refusedWithoutTrace(() => sign(gw, dave, signBody(food, file)));
    expect(expectError(res, 403, 'FORBIDDEN').message).toBe(
      '您被列为严重失信主体，依法不适用告知承诺制，请按要求提交证明材料',
    );

    const off = await admin(gw, 'POST', `/users/${dave.userId}/credit`, {
      seriousDishonesty: false,
      reason: '信用修复',
    });
    expect(expectOk(off, CreditState).seriousDishonesty).toBe(false);
    expectOk(await sign(gw, dave, signBody(food, file)), CommitmentReceipt);

    const db = openDb(gw);
    const events = db
      .prepare('SELECT serious_dishonesty, reason, actor FROM credit_events WHERE user_id = ?')
      .all(dave.userId);
    db.close();
    expect(events).toEqual([
      { serious_dishonesty: 1, reason: '提供虚假材料，已列入严重失信主体名单', actor: 'officer:admin' },
      { serious_dishonesty: 0, reason: '信用修复', actor: 'officer:admin' },
    ]);
    expectError(await admin(gw, 'POST', '/users/nobody/credit', { seriousDishonesty: true }), 404, 'NOT_FOUND');
    expectError(
      await gw.request(`/api/admin/users/${dave.userId}/credit`, { method: 'POST', body: { seriousDishonesty: true } }),
      403,
      'FORBIDDEN',
    );
  });

  it('the same request twice gives the same receipt; a used signature cannot sign another notice', async () => {
    const file = await uploadOk(gw, bob, scribblePng(31));
    const first = expectOk(await sign(gw, bob, signBody(food, file)), CommitmentReceipt);
    const before = storedState(gw);
    const again = expectOk(await sign(gw, bob, signBody(food, file)), CommitmentReceipt);
    expect(again).toEqual(first);
    expect(storedState(gw)).toEqual(before);
    const reused = await refusedWithoutTrace(() => sign(gw, bob, signBody(income, file)));
    expect(expectError(reused, 400, 'VALIDATION_FAILED').fields).toEqual([
      { field: 'signatureFileId', message: COMMITMENT_MESSAGES.signatureUsed },
    ]);
  });
});
