import { AdminCaseQueue, AdminCaseView, CaseDetail, type CaseStatus, type PrereviewAction } from '../../types/contract';
import { nextStatus, refusalMessage } from '../../src/lib/case-workflow';
import { expectError, expectOk, type TestGateway } from './support/harness';
import { admin, caseRating, person, rateOk, type Person } from './support/ratings';
import {
  act,
  actOk,
  caseOf,
  caseState,
  files,
  newKey,
  resubmit,
  startCaseOk,
  startPrereviewGateway,
  submittedFoodCase,
  uploadMaterial,
  withdraw,
} from './support/prereview';

let gw: TestGateway;
let alice: Person;
let bob: Person;

const POST = {
  method: 'post',
  recipient: '王小明',
  mobile: '13800000301',
  address: '武汉市洪山区珞喻路 1 号',
} as const;

beforeAll(async () => {
  gw = await startPrereviewGateway();
  alice = await person(gw, '13800000301', true, '王小明');
  bob = await person(gw, '13800000302', true, '赵六');
});

afterAll(async () => {
  await gw.close();
});

/** Paths to each status through the officers' actions (a return comment for the first material). */
async function caseIn(status: CaseStatus): Promise<string> {
  if (status === 'draft') return (await startCaseOk(gw, alice, { kind: 'item', code: 'FX-MZ-0001' })).id;
  const { detail } = await submittedFoodCase(gw, alice, { delivery: POST });
  const first = detail.materials[0].materialId;
  const steps: Record<CaseStatus, Record<string, unknown>[]> = {
    draft: [],
    pending_review: [],
    needs_correction: [{ action: 'return', materials: [{ materialId: first, comment: '照片模糊' }] }],
    rejected: [{ action: 'reject', note: '不符合申请条件' }],
    prereview_passed: [{ action: 'approve' }],
    accepted: [{ action: 'approve' }, { action: 'accept' }],
    completed: [{ action: 'approve' }, { action: 'accept' }, { action: 'complete' }],
    posted: [
      { action: 'approve' },
      { action: 'accept' },
      { action: 'complete' },
      { action: 'post', note: 'EMS1234567890' },
    ],
    withdrawn: [],
  };
  for (const step of steps[status]) await actOk(gw, detail.id, step);
  if (status === 'withdrawn') expectOk(await withdraw(gw, alice, detail.id), CaseDetail);
  return detail.id;
}

const VALID_INPUT: Record<PrereviewAction, (firstMaterial: string) => Record<string, unknown>> = {
  approve: () => ({ action: 'approve' }),
  return: (m) => ({ action: 'return', materials: [{ materialId: m, comment: '请补充' }] }),
  reject: () => ({ action: 'reject', note: '不符合条件' }),
  accept: () => ({ action: 'accept' }),
  complete: () => ({ action: 'complete' }),
  post: () => ({ action: 'post', note: 'SF1234567890' }),
};

const ALLOWED: Record<CaseStatus, PrereviewAction[]> = {
  draft: [],
  pending_review: ['approve', 'return', 'reject'],
  needs_correction: ['reject'],
  rejected: [],
  prereview_passed: ['accept'],
  accepted: ['complete'],
  completed: ['post'],
  posted: [],
  withdrawn: [],
};

describe('officer actions: every one checked against the status', () => {
  const statuses = Object.keys(ALLOWED) as CaseStatus[];
  it.each(statuses)('in %s: every other action is 409 in words, and nothing changes', async (status) => {
    const id = await caseIn(status);
    const view = expectOk(await admin(gw, 'GET', `/cases/${id}`), AdminCaseView);
    expect(view.status).toBe(status);
    const first = view.materials[0]?.materialId ?? 'm-x';
    const before = caseState(gw, id);
    for (const action of Object.keys(VALID_INPUT) as PrereviewAction[]) {
      if (ALLOWED[status].includes(action)) continue;
      const error = expectError(await act(gw, id, VALID_INPUT[action](first)), 409, 'CONFLICT');
      expect({ action, message: error.message }).toEqual({ action, message: refusalMessage(status, action) });
    }
    expect(caseState(gw, id)).toEqual(before);
    // And each allowed one goes through (on a fresh case in the same status).
    for (const action of ALLOWED[status]) {
      const fresh = await caseIn(status);
      const material = (await caseOf(gw, alice, fresh)).materials[0].materialId;
      const done = await actOk(gw, fresh, VALID_INPUT[action](material));
      expect({ action, to: done.status }).toEqual({ action, to: nextStatus(status, action) });
    }
  });

  it('words the refusal of completing a returned case', async () => {
    const id = await caseIn('needs_correction');
    const error = expectError(await act(gw, id, { action: 'complete' }), 409, 'CONFLICT');
    expect(error.message).toBe('办件当前为「需补正」，不能办结');
  });

  it('unknown case 404; the officer API needs the admin token', async () => {
    expectError(await admin(gw, 'GET', '/cases/no-such-case'), 404, 'NOT_FOUND');
    expectError(await act(gw, 'no-such-case', { action: 'approve' }), 404, 'NOT_FOUND');
    expectError(await gw.request('/api/admin/prereview/queue'), 403, 'FORBIDDEN');
    expectError(await gw.request('/api/admin/prereview/queue', { token: alice.token }), 403, 'FORBIDDEN');
    const id = await caseIn('pending_review');
    expectError(
      await gw.request(`/api/admin/cases/${id}/actions`, { method: 'POST', body: { action: 'approve' } }),
      403,
      'FORBIDDEN',
    );
    expectError(await act(gw, id, { action: 'finish' }), 400, 'VALIDATION_FAILED');
  });
});

describe('officer actions: their input', () => {
  it('return needs at least one material of the case, each with a reason', async () => {
    const { detail } = await submittedFoodCase(gw, alice);
    const [m1] = detail.materials.map((m) => m.materialId);
    const before = caseState(gw, detail.id);
    const none = expectError(await act(gw, detail.id, { action: 'return', materials: [] }), 400, 'VALIDATION_FAILED');
    expect(none.fields).toEqual([{ field: 'materials', message: '请指明需要补正的材料及原因' }]);
    expectError(await act(gw, detail.id, { action: 'return' }), 400, 'VALIDATION_FAILED');
    const bad = expectError(
      await act(gw, detail.id, {
        action: 'return',
        materials: [
          { materialId: 'm-000000000000', comment: '不存在' },
          { materialId: m1, comment: '  x ' },
        ],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.fields).toEqual([
      { field: 'materials.m-000000000000', message: '办件中没有这项材料（m-000000000000）' },
      { field: `materials.${m1}`, message: '请写明「营业执照」需要补正的原因（至少 2 个字）' },
    ]);
    const twice = expectError(
      await act(gw, detail.id, {
        action: 'return',
        materials: [
          { materialId: m1, comment: '照片模糊' },
          { materialId: m1, comment: '再说一次' },
        ],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(twice.fields?.[0].message).toBe('「营业执照」重复列出');
    expect(caseState(gw, detail.id)).toEqual(before);
  });

  it('reject needs a reason, shown to the applicant; a returned case can still be rejected', async () => {
    const { detail } = await submittedFoodCase(gw, alice);
    const before = caseState(gw, detail.id);
    const error = expectError(await act(gw, detail.id, { action: 'reject', note: ' ' }), 400, 'VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field: 'note', message: '请写明不予受理的理由（至少 2 个字）' }]);
    expect(caseState(gw, detail.id)).toEqual(before);
    await actOk(gw, detail.id, {
      action: 'return',
      materials: [{ materialId: detail.materials[0].materialId, comment: '营业执照已过期' }],
    });
    await actOk(gw, detail.id, { action: 'reject', note: '经营范围不含食品经营' });
    const seen = await caseOf(gw, alice, detail.id);
    expect(seen).toMatchObject({ status: 'rejected', statusNote: '经营范围不含食品经营', withdrawable: false });
    expect(seen.expectedCompletionDate).toBeUndefined();
    expect(seen.timeline.at(-1)).toMatchObject({
      to: 'rejected',
      actor: '经办人 王科员',
      note: '不予受理：经营范围不含食品经营',
    });
  });

  it('post only for 邮寄 delivery, with a tracking number', async () => {
    const pickup = await submittedFoodCase(gw, alice);
    for (const action of ['approve', 'accept', 'complete']) await actOk(gw, pickup.detail.id, { action });
    const before = caseState(gw, pickup.detail.id);
    const notPosted = expectError(
      await act(gw, pickup.detail.id, { action: 'post', note: 'EMS1234567890' }),
      409,
      'CONFLICT',
    );
    expect(notPosted.message).toBe('申请人选择了窗口自取，不能标记为已寄出');
    expect(caseState(gw, pickup.detail.id)).toEqual(before);

    const posted = await submittedFoodCase(gw, alice, { delivery: POST });
    for (const action of ['approve', 'accept', 'complete']) await actOk(gw, posted.detail.id, { action });
    for (const note of [undefined, '', '12', '单号 123456']) {
      const error = expectError(await act(gw, posted.detail.id, { action: 'post', note }), 400, 'VALIDATION_FAILED');
      expect(error.fields?.[0]).toEqual({ field: 'note', message: '请填写快递单号（6–40 位字母、数字或“-”）' });
    }
    const done = await actOk(gw, posted.detail.id, { action: 'post', note: 'EMS1234567890' });
    expect(done).toMatchObject({ status: 'posted', statusNote: 'EMS1234567890' });
  });
});

describe('the queue', () => {
  it('lists cases waiting for pre-review, oldest submission first, with the applicant', async () => {
    const first = await submittedFoodCase(gw, bob);
    gw.clock.advance(60);
    const second = await submittedFoodCase(gw, alice);
    const queue = expectOk(await admin(gw, 'GET', '/prereview/queue'), AdminCaseQueue).cases;
    expect(queue.every((c) => c.status === 'pending_review')).toBe(true);
    const mine = queue.filter((c) => c.id === first.detail.id || c.id === second.detail.id);
    expect(mine.map((c) => c.id)).toEqual([first.detail.id, second.detail.id]);
    expect(mine[0]).toMatchObject({ userId: bob.userId, applicantName: '武汉某某餐饮有限公司' });
    const times = queue.map((c) => c.submittedAt ?? '');
    expect([...times].sort()).toEqual(times);
    await actOk(gw, first.detail.id, { action: 'approve' });
    const after = expectOk(await admin(gw, 'GET', '/prereview/queue'), AdminCaseQueue).cases;
    expect(after.map((c) => c.id)).not.toContain(first.detail.id);
  });
});

describe('correcting returned materials', () => {
  it('is only for a case in 需补正, and only for the returned materials, each of them', async () => {
    const { detail, ids } = await submittedFoodCase(gw, alice);
    const pending = expectError(
      await resubmit(gw, alice, detail.id, {
        materials: [files(ids['营业执照'], (await uploadMaterial(gw, alice)).id)],
      }),
      409,
      'CONFLICT',
    );
    expect(pending.message).toBe('办件当前为「待预审」，不能提交补正材料');
    await actOk(gw, detail.id, {
      action: 'return',
      materials: [
        { materialId: ids['营业执照'], comment: '照片模糊，请重新拍摄' },
        { materialId: ids['经营场所使用证明'], comment: '缺少产权人签字页' },
      ],
    });
    const before = caseState(gw, detail.id);
    const fresh = await uploadMaterial(gw, alice);
    const error = expectError(
      await resubmit(gw, alice, detail.id, {
        materials: [files(ids['营业执照'], fresh.id), files(ids['法定代表人居民身份证'], fresh.id)],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.fields).toEqual([
      {
        field: `materials.${ids['法定代表人居民身份证']}`,
        message: '「法定代表人居民身份证」未被退回补正，无需重新提交',
      },
      { field: `materials.${ids['经营场所使用证明']}`, message: '请重新提交需补正的「经营场所使用证明」' },
    ]);
    const theirs = await uploadMaterial(gw, bob);
    const notMine = expectError(
      await resubmit(gw, alice, detail.id, {
        materials: [files(ids['营业执照'], theirs.id), files(ids['经营场所使用证明'])],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(notMine.fields).toEqual([
      { field: `materials.${ids['营业执照']}`, message: '「营业执照」的文件不存在或已失效，请重新上传' },
      { field: `materials.${ids['经营场所使用证明']}`, message: '「经营场所使用证明」请至少上传 1 个文件' },
    ]);
    expectError(await resubmit(gw, alice, detail.id, { materials: [] }), 400, 'VALIDATION_FAILED');
    expectError(
      await resubmit(gw, alice, detail.id, { materials: [files(ids['营业执照'], fresh.id)] }, null),
      400,
      'VALIDATION_FAILED',
    );
    // Someone else's case is not found.
    expectError(
      await resubmit(gw, bob, detail.id, { materials: [files(ids['营业执照'], theirs.id)] }),
      404,
      'NOT_FOUND',
    );
    expect(caseState(gw, detail.id)).toEqual(before);
    // The officer's comments are there to read, each on its material.
    const seen = await caseOf(gw, alice, detail.id);
    expect(seen.materials.map((m) => [m.name, m.review, m.reviewComment])).toEqual([
      ['营业执照', 'returned', '照片模糊，请重新拍摄'],
      ['法定代表人居民身份证', 'accepted', undefined],
      ['经营场所使用证明', 'returned', '缺少产权人签字页'],
    ]);
  });

  it('a resubmit with the same key is answered once', async () => {
    const { detail, ids } = await submittedFoodCase(gw, bob);
    await actOk(gw, detail.id, { action: 'return', materials: [{ materialId: ids['营业执照'], comment: '已过期' }] });
    const body = { materials: [files(ids['营业执照'], (await uploadMaterial(gw, bob)).id)] };
    const key = newKey();
    const [a, b] = await Promise.all([
      resubmit(gw, bob, detail.id, body, key),
      resubmit(gw, bob, detail.id, body, key),
    ]);
    expect(expectOk(a, CaseDetail)).toEqual(expectOk(b, CaseDetail));
    const other = expectError(
      await resubmit(
        gw,
        bob,
        detail.id,
        { materials: [files(ids['营业执照'], (await uploadMaterial(gw, bob)).id)] },
        key,
      ),
      409,
      'CONFLICT',
    );
    expect(other.message).toBe('同一个幂等键对应了不同的提交内容');
    expect((await caseOf(gw, bob, detail.id)).timeline.filter((e) => e.from === 'needs_correction')).toHaveLength(1);
  });
});

describe('withdrawing', () => {
  it('while not yet accepted; a draft is deleted instead; someone else’s case is not found', async () => {
    const draft = await caseIn('draft');
    expect(expectError(await withdraw(gw, alice, draft), 409, 'CONFLICT').message).toBe(
      '草稿还没有提交，无需撤回；草稿可直接删除',
    );
    for (const status of ['pending_review', 'needs_correction', 'prereview_passed'] as const) {
      const id = await caseIn(status);
      expect((await caseOf(gw, alice, id)).withdrawable).toBe(true);
      expectError(await withdraw(gw, bob, id), 404, 'NOT_FOUND');
      const done = expectOk(await withdraw(gw, alice, id), CaseDetail);
      expect(done).toMatchObject({ status: 'withdrawn', withdrawable: false });
      expect(done.timeline.at(-1)).toMatchObject({
        from: status,
        to: 'withdrawn',
        actor: '申请人',
        note: '申请人撤回',
      });
      expect(expectError(await withdraw(gw, alice, id), 409, 'CONFLICT').message).toBe(
        '办件当前为「已撤回」，不能撤回',
      );
    }
    const accepted = await caseIn('accepted');
    const before = caseState(gw, accepted);
    expect((await caseOf(gw, alice, accepted)).withdrawable).toBe(false);
    expect(expectError(await withdraw(gw, alice, accepted), 409, 'CONFLICT').message).toBe(
      '办件当前为「已受理」，不能撤回',
    );
    expect(caseState(gw, accepted)).toEqual(before);
  });
});

describe('the whole journey', () => {
  it('submit → return one material → resubmit only it → approve → accept → complete → post, every step on the timeline', async () => {
    const { detail, ids } = await submittedFoodCase(gw, alice, { delivery: POST });
    const kept = detail.materials.find((m) => m.materialId === ids['法定代表人居民身份证'])?.files[0].id;
    gw.clock.advance(3600);
    const returned = await actOk(
      gw,
      detail.id,
      {
        action: 'return',
        materials: [{ materialId: ids['营业执照'], comment: '照片反光，请重新拍摄' }],
        note: '其余材料齐全',
      },
      '孙科员',
    );
    expect(returned.status).toBe('needs_correction');

    gw.clock.advance(86_400);
    const photo = await uploadMaterial(gw, alice, 'jpeg', '营业执照-重拍.jpg');
    const corrected = expectOk(
      await resubmit(gw, alice, detail.id, { materials: [files(ids['营业执照'], photo.id)] }),
      CaseDetail,
    );
    expect(corrected).toMatchObject({ status: 'pending_review', submittedAt: gw.clock.now().toISOString() });
    expect(corrected.materials.map((m) => [m.name, m.review, m.reviewComment, m.files.map((f) => f.name)])).toEqual([
      ['营业执照', 'pending', undefined, ['营业执照-重拍.jpg']],
      ['法定代表人居民身份证', 'accepted', undefined, ['身份证.png']],
      ['经营场所使用证明', 'accepted', undefined, ['租赁合同.pdf']],
    ]);
    // What was accepted is untouched: the same file, never re-uploaded.
    expect(corrected.materials[1].files[0].id).toBe(kept);

    for (const action of ['approve', 'accept', 'complete'] as const) {
      gw.clock.advance(3600);
      await actOk(gw, detail.id, { action }, '孙科员');
    }
    const approved = expectOk(await admin(gw, 'GET', `/cases/${detail.id}`), AdminCaseView);
    expect(approved.materials.every((m) => m.review === 'accepted')).toBe(true);
    await actOk(gw, detail.id, { action: 'post', note: 'EMS1234567890' }, '周科员');

    const final = await caseOf(gw, alice, detail.id);
    expect(final).toMatchObject({
      status: 'posted',
      statusNote: 'EMS1234567890',
      ratingState: 'open',
      withdrawable: false,
    });
    expect(final.timeline.map((e) => [e.from ?? null, e.to, e.actor, e.note])).toEqual([
      [null, 'draft', '申请人', '申请人开始填写申请'],
      ['draft', 'pending_review', '申请人', '申请人提交预审'],
      [
        'pending_review',
        'needs_correction',
        '经办人 孙科员',
        '需补正：「营业执照」照片反光，请重新拍摄（其余材料齐全）',
      ],
      ['needs_correction', 'pending_review', '申请人', '申请人提交补正材料：「营业执照」'],
      ['pending_review', 'prereview_passed', '经办人 孙科员', '预审通过'],
      ['prereview_passed', 'accepted', '经办人 孙科员', '已受理'],
      ['accepted', 'completed', '经办人 孙科员', '已办结'],
      ['completed', 'posted', '经办人 周科员', '结果已寄出，快递单号 EMS1234567890'],
    ]);
    // Finished: 一事一评 works on it as on any case.
    const rating = await rateOk(gw, alice, caseRating(detail.id, 5));
    expect((await caseOf(gw, alice, detail.id)).ratingId).toBe(rating.id);
  });
});
