import { CommitmentList, CommitmentReceipt, type CommitmentNotice } from '../../types/contract';
import { COMMITMENT_MESSAGES } from '../../gateway/src/commitments/commitment-service';
import { openDatabase } from '../../gateway/src/db/open-database';
import { CaseStore } from '../../gateway/src/store/case-store';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { admin, createCase, openDb, type Person } from './support/ratings';
import { signOk, startCommitmentWorld } from './support/commitments';

let gw: TestGateway;
let alice: Person;
let bob: Person;
let food: CommitmentNotice;
let income: CommitmentNotice;

beforeAll(async () => {
  ({ gw, alice, bob, food, income } = await startCommitmentWorld('138000003'));
});

afterAll(async () => {
  await gw.close();
});

const mine = async (who: Person) =>
  expectOk(await gw.request('/api/me/commitments', { token: who.token }), CommitmentList).commitments;
const one = (who: Person, id: string) => gw.request(`/api/me/commitments/${id}`, { token: who.token });
const withdraw = (who: Person, id: string) =>
  gw.request(`/api/me/commitments/${id}/withdraw`, { method: 'POST', token: who.token });

/** The stored commitment row, whole: it must never change after signing. */
function storedRow(id: string): unknown {
  const db = openDb(gw);
  try {
    return db.prepare('SELECT * FROM commitments WHERE id = ?').get(id);
  } finally {
    db.close();
  }
}

function statusEvents(id: string): { status: string; actor: string; note: string }[] {
  const db = openDb(gw);
  try {
    return db
      .prepare('SELECT status, actor, note FROM commitment_events WHERE commitment_id = ? ORDER BY id')
      .all(id) as { status: string; actor: string; note: string }[];
  } finally {
    db.close();
  }
}

describe('我的承诺', () => {
  it('lists the user’s own commitments, newest first; another user’s is 404 like a missing one', async () => {
    const first = await signOk(gw, alice, food);
    gw.clock.advance(60);
    const second = await signOk(gw, alice, income);
    await signOk(gw, bob, food);
    expect((await mine(alice)).map((c) => c.record.id)).toEqual([second.record.id, first.record.id]);
    expect(expectOk(await one(alice, first.record.id), CommitmentReceipt)).toEqual(first);
    const theirs = expectError(await one(bob, first.record.id), 404, 'NOT_FOUND');
    const missing = expectError(await one(bob, 'no-such-commitment'), 404, 'NOT_FOUND');
    expect(theirs).toEqual(missing);
    expect(theirs.message).toBe('没有找到这份承诺');
    expectError(await gw.request('/api/me/commitments'), 401, 'UNAUTHENTICATED');
  });
});

describe('withdrawing', () => {
  it('withdraws once, by appending a status event; the record itself never changes', async () => {
    const receipt = await signOk(gw, alice, food);
    const row = storedRow(receipt.record.id);
    gw.clock.advance(120);
    const withdrawn = expectOk(await withdraw(alice, receipt.record.id), CommitmentReceipt);
    expect(withdrawn).toEqual({
      ...receipt,
      status: 'withdrawn',
      statusNote: '申请人撤回承诺',
      statusAt: gw.clock.now().toISOString(),
      withdrawable: false,
    });
    const twice = expectError(await withdraw(alice, receipt.record.id), 409, 'CONFLICT');
    expect(twice.message).toBe('该承诺已撤回');
    expect(storedRow(receipt.record.id)).toEqual(row);
    expect(statusEvents(receipt.record.id)).toEqual([
      { status: 'signed', actor: 'applicant', note: '' },
      { status: 'withdrawn', actor: 'applicant', note: '申请人撤回承诺' },
    ]);
  });

  it('another user cannot withdraw it (404) and nothing changes', async () => {
    const receipt = await signOk(gw, alice, food);
    expect(expectError(await withdraw(bob, receipt.record.id), 404, 'NOT_FOUND').message).toBe('没有找到这份承诺');
    expect(statusEvents(receipt.record.id)).toHaveLength(1);
    expect(expectOk(await one(alice, receipt.record.id), CommitmentReceipt).status).toBe('signed');
  });

  it('not once the related case is accepted (409), and the receipt says so', async () => {
    const pending = await createCase(gw, alice, 'FX-SC-0001', 'pending_review');
    const receipt = await signOk(gw, alice, food, { caseId: pending.id });
    expect(receipt.withdrawable).toBe(true);

    // The officer accepts the case: the commitment can no longer be withdrawn.
    const db = openDatabase(gw.dataDir);
    new CaseStore(db).changeStatus(
      pending.id,
      'accepted',
      'officer:孙科员',
      '材料齐全，予以受理',
      gw.clock.now().getTime(),
    );
    db.close();
    const after = expectOk(await one(alice, receipt.record.id), CommitmentReceipt);
    expect(after.withdrawable).toBe(false);
    const refused = expectError(await withdraw(alice, receipt.record.id), 409, 'CONFLICT');
    expect(refused.message).toBe('办件已受理，不能撤回承诺');
    expect(statusEvents(receipt.record.id)).toHaveLength(1);

    for (const status of ['completed', 'posted'] as const) {
      const finished = await createCase(gw, alice, 'FX-SC-0001', status);
      const tied = await signOk(gw, alice, food, { caseId: finished.id });
      expect(tied.withdrawable).toBe(false);
      expect(expectError(await withdraw(alice, tied.record.id), 409, 'CONFLICT').message).toBe(
        '办件已受理，不能撤回承诺',
      );
    }
  });
});

describe('admin: 核查', () => {
  it('lists every commitment newest first, to officers only', async () => {
    const latest = await signOk(gw, bob, income);
    const list = expectOk(await admin(gw, 'GET', '/commitments'), CommitmentList).commitments;
    expect(list[0].record.id).toBe(latest.record.id);
    const times = list.map((c) => c.record.signedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expectError(await gw.request('/api/admin/commitments'), 403, 'FORBIDDEN');
    expectError(await gw.request('/api/admin/commitments', { token: bob.token }), 403, 'FORBIDDEN');
  });

  it('a verdict is given once, from signed only; the applicant sees it with the officer’s note', async () => {
    const receipt = await signOk(gw, alice, food);
    const row = storedRow(receipt.record.id);
    gw.clock.advance(3600);
    const verdict = await admin(
      gw,
      'POST',
      `/commitments/${receipt.record.id}/verdict`,
      { result: 'false', note: '现场核查：经营场所实为住宅，与承诺不符' },
      { 'x-officer': encodeURIComponent('周科员') },
    );
    expect(expectOk(verdict, CommitmentReceipt)).toMatchObject({ status: 'false', withdrawable: false });

    const seen = expectOk(await one(alice, receipt.record.id), CommitmentReceipt);
    expect(seen).toEqual({
      ...receipt,
      status: 'false',
      statusNote: '现场核查：经营场所实为住宅，与承诺不符',
      statusAt: gw.clock.now().toISOString(),
      withdrawable: false,
    });
    expect((await mine(alice)).find((c) => c.record.id === receipt.record.id)?.status).toBe('false');

    const again = await admin(gw, 'POST', `/commitments/${receipt.record.id}/verdict`, {
      result: 'verified',
      note: '改判',
    });
    expect(expectError(again, 409, 'CONFLICT').message).toBe('该承诺已有核查结论');
    expect(expectError(await withdraw(alice, receipt.record.id), 409, 'CONFLICT').message).toBe(
      '该承诺已核查，不能撤回',
    );
    expect(storedRow(receipt.record.id)).toEqual(row);
    expect(statusEvents(receipt.record.id)).toEqual([
      { status: 'signed', actor: 'applicant', note: '' },
      { status: 'false', actor: 'officer:周科员', note: '现场核查：经营场所实为住宅，与承诺不符' },
    ]);
  });

  it('verified works the same; a withdrawn one, an unknown one and a bad body are refused', async () => {
    const ok = await signOk(gw, bob, food);
    const verified = await admin(gw, 'POST', `/commitments/${ok.record.id}/verdict`, {
      result: 'verified',
      note: '数据比对：租赁合同备案信息与承诺一致',
    });
    expect(expectOk(verified, CommitmentReceipt)).toMatchObject({
      status: 'verified',
      statusNote: '数据比对：租赁合同备案信息与承诺一致',
    });

    const gone = await signOk(gw, bob, food);
    expectOk(await withdraw(bob, gone.record.id), CommitmentReceipt);
    const late = await admin(gw, 'POST', `/commitments/${gone.record.id}/verdict`, {
      result: 'verified',
      note: '属实',
    });
    expect(expectError(late, 409, 'CONFLICT').message).toBe(COMMITMENT_MESSAGES.verdictWithdrawn);
    expectError(
      await admin(gw, 'POST', '/commitments/nope/verdict', { result: 'verified', note: '属实' }),
      404,
      'NOT_FOUND',
    );
    const bad = await admin(gw, 'POST', `/commitments/${ok.record.id}/verdict`, { result: 'maybe', note: '' });
    expect(expectError(bad, 400, 'VALIDATION_FAILED').fields?.map((f) => f.field)).toEqual(['result', 'note']);
  });
});

describe('append-only storage', () => {
  it('the database itself refuses to update or delete commitments and their events', async () => {
    const receipt = await signOk(gw, alice, income);
    await admin(gw, 'POST', `/users/${bob.userId}/credit`, { seriousDishonesty: false, reason: '核对' });
    const db = openDatabase(gw.dataDir);
    try {
      expect(() =>
        db.prepare("UPDATE commitments SET item_name = '别的事项' WHERE id = ?").run(receipt.record.id),
      ).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM commitments WHERE id = ?').run(receipt.record.id)).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE commitment_events SET status = 'verified'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM commitment_events').run()).toThrow(/append-only/);
      expect(() => db.prepare('UPDATE credit_events SET serious_dishonesty = 1').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM credit_events').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
    expect(expectOk(await one(alice, receipt.record.id), CommitmentReceipt)).toEqual(receipt);
  });
});
