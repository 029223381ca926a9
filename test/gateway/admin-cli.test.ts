import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { CaseDetail, ELicenceList, IdentityBoundChallenge, Rating, User } from '../../types/contract';
import { idCardCheckChar } from '../../src/lib/id-card';
import { runAdmin } from '../../gateway/src/cli/admin-commands';
import { openDatabase } from '../../gateway/src/db/open-database';
import { REPO_ROOT } from '../../gateway/src/paths';
import { expectError, expectOk, smsLogin, tempDir, type TestGateway } from './support/harness';
import { caseRating, moveClockTo, person, rateOk, startRatingGateway, type Person } from './support/ratings';
import {
  FOOD_LICENCE,
  caseOf,
  creditCode,
  files,
  resubmit,
  submittedFoodCase,
  uploadMaterial,
} from './support/prereview';

let gw: TestGateway;
let db: Database;
let rater: Person;

beforeAll(async () => {
  gw = await startRatingGateway();
  rater = await person(gw, '13800000061', true, '钱多多');
  // The CLI works on the same database file while the gateway runs.
  db = openDatabase(gw.dataDir);
});

afterAll(async () => {
  db.close();
  await gw.close();
});

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

describe('gateway:admin', () => {
  it('window-qr prints the QR content and writes the SVG', async () => {
    const dir = tempDir('qr');
    const file = path.join(dir, 'a01.svg');
    const res = await cli('window-qr', 'fx-zw-a01', '--out', file, '--base', 'https://hs.example.cn/app/');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^FX-ZW-A01 测试综合受理窗口A01（测试区政务服务中心）$/m);
    expect(res.out).toMatch(/^https:\/\/hs\.example\.cn\/app\/rating\/window\/index\?w=FX-ZW-A01&s=[0-9a-f]{16}$/m);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^<svg /);
    fs.rmSync(dir, { recursive: true, force: true });
    // The same content the API gives, so the gateway accepts what the CLI printed.
    const qr = res.out.split('\n')[1];
    const visit = await gw.request('/api/ratings/visits', { method: 'POST', token: rater.token, body: { qr } });
    expect(visit.status).toBe(200);
    expect((await cli('window-qr', 'NOPE-01')).code).toBe(1);
  });

  it('create-case, tickets (overdue flagged), advance and appeal follow the API’s rules', async () => {
    const created = await cli('create-case', '--mobile', rater.mobile, '--item', 'FX-SC-0001', '--status', 'completed');
    expect(created.code).toBe(0);
    const caseId = /已登记办件 (\S+)：/.exec(created.out)?.[1] ?? '';
    const bad = await rateOk(gw, rater, caseRating(caseId, 2));
    const ticketId = bad.ticket?.id ?? '';

    let list = await cli('tickets');
    expect(list.out).toContain(`${ticketId}  核实  截止 2025-03-24`);
    expect(list.out).not.toContain('逾期');
    expect(list.out).not.toContain(rater.mobile);
    expect(list.out).not.toContain('钱多多');

    expect((await cli('advance', ticketId, 'revisiting', '跳过整改')).code).toBe(1);
    const step = await cli('advance', ticketId, 'rectifying', '情况属实，已约谈窗口负责人', '--officer', '孙科员');
    expect(step.code).toBe(0);
    expect(step.out).toContain('整改');
    const refused = await cli('advance', ticketId, 'closed', '办结');
    expect(refused).toMatchObject({ code: 1, err: '未完成：整改工单须由评价人对整改结果作出评价后办结' });

    moveClockTo(gw, '2025-03-25T01:00:00Z');
    list = await cli('tickets');
    expect(list.out).toContain(`${ticketId}  整改  截止 2025-03-24  【逾期】`);

    const appeal = await cli('appeal', bad.id, '与办件无关的差评');
    expect(appeal.code).toBe(0);
    expect((await cli('tickets')).out).toContain('【逾期】【申诉复核】');

    // The rater sees what the officer did through the CLI.
    const seen = expectOk(await gw.request(`/api/me/ratings/${bad.id}`, { token: rater.token }), Rating);
    expect(seen.ticket?.history.map((e) => e.note)).toContain('情况属实，已约谈窗口负责人');
    expect(seen.ticket?.overdue).toBe(true);
  });

  it('usage errors exit 2 with the usage text', async () => {
    for (const argv of [
      [],
      ['frobnicate'],
      ['advance', 'x'],
      ['create-case', '--item'],
      ['create-case', '--status', 'nope'],
      ['case'],
      ['approve'],
      ['return', 'some-case'],
      ['return', 'some-case', '--material', 'no-equals-sign'],
      ['reject', 'some-case'],
      ['post', 'some-case'],
      ['issue-licence', '--name', '营业执照'],
      ['identity-claims', 'extra'],
    ]) {
      const res = await cli(...argv);
      expect({ argv, code: res.code }).toEqual({ argv, code: 2 });
      expect(res.err).toContain('npm run gateway:admin');
    }
  });

  it('pre-review: queue, case, return per material, approve, accept, complete, post, reject — the API’s rules', async () => {
    const applicant = await person(gw, '13800000062', true, '孙小美');
    // The fixture catalogue has no postable item: the food licence gets the 邮寄 channel.
    db.prepare(`UPDATE items SET channels = '["window","post"]' WHERE code = ?`).run(FOOD_LICENCE);
    const delivery = {
      method: 'post',
      recipient: '孙小美',
      mobile: '13800000062',
      address: '武汉市洪山区珞喻路 9 号',
    } as const;
    const { detail, ids } = await submittedFoodCase(gw, applicant, { delivery });

    const queue = await cli('queue');
    expect(queue.code).toBe(0);
    expect(queue.out).toContain(
      `${detail.id}  提交 ${detail.submittedAt}  食品经营许可（新办） · 测试市场监督管理局  申请人 武汉某某餐饮有限公司  材料 3 项`,
    );
    expect(await cli('complete', detail.id)).toMatchObject({ code: 1, err: '未完成：办件当前为「待预审」，不能办结' });
    const unknown = await cli('return', detail.id, '--material', 'm-000000000000=不存在');
    expect(unknown).toMatchObject({
      code: 1,
      err: '未完成：materials.m-000000000000: 办件中没有这项材料（m-000000000000）',
    });

    const returned = await cli(
      'return',
      detail.id,
      '--material',
      `${ids['营业执照']}=照片模糊，请重拍`,
      '--material',
      `${ids['经营场所使用证明']}=缺少签字页`,
      '--officer',
      '钱科员',
    );
    expect(returned.code).toBe(0);
    expect(returned.out).toContain(`已处理：办件 ${detail.id} 现为「需补正」`);
    const shown = await cli('case', detail.id);
    expect(shown.out).toContain('[需补正] 营业执照');
    expect(shown.out).toContain('意见：照片模糊，请重拍');
    expect(shown.out).toContain('[已通过] 法定代表人居民身份证');
    expect(shown.out).toContain(
      '待预审 → 需补正  经办人 钱科员  需补正：「营业执照」照片模糊，请重拍；「经营场所使用证明」缺少签字页',
    );
    expect(shown.out).toContain('送达：邮寄 孙小美 武汉市洪山区珞喻路 9 号');

    // The applicant sees the comments and corrects both.
    expect((await caseOf(gw, applicant, detail.id)).materials.map((m) => m.review)).toEqual([
      'returned',
      'accepted',
      'returned',
    ]);
    const fixes = [await uploadMaterial(gw, applicant), await uploadMaterial(gw, applicant, 'pdf')];
    expectOk(
      await resubmit(gw, applicant, detail.id, {
        materials: [files(ids['营业执照'], fixes[0].id), files(ids['经营场所使用证明'], fixes[1].id)],
      }),
      CaseDetail,
    );

    for (const command of ['approve', 'accept', 'complete']) {
      expect({ command, code: (await cli(command, detail.id, '--officer', '钱科员')).code }).toEqual({
        command,
        code: 0,
      });
    }
    expect((await cli('post', detail.id, '--tracking', '12')).code).toBe(1);
    const posted = await cli('post', detail.id, '--tracking', 'EMS1234567890', '--officer', '钱科员');
    expect(posted.out).toContain('现为「已寄出」');
    const final = await caseOf(gw, applicant, detail.id);
    expect(final.timeline.map((e) => `${e.to} ${e.actor}`)).toEqual([
      'draft 申请人',
      'pending_review 申请人',
      'needs_correction 经办人 钱科员',
      'pending_review 申请人',
      'prereview_passed 经办人 钱科员',
      'accepted 经办人 钱科员',
      'completed 经办人 钱科员',
      'posted 经办人 钱科员',
    ]);
    expect(final.statusNote).toBe('EMS1234567890');

    const other = await submittedFoodCase(gw, applicant);
    expect((await cli('reject', other.detail.id, '--reason', ' ')).code).toBe(1);
    expect((await cli('reject', other.detail.id, '--reason', '经营场所不符合要求')).code).toBe(0);
    expect(await caseOf(gw, applicant, other.detail.id)).toMatchObject({
      status: 'rejected',
      statusNote: '经营场所不符合要求',
    });
    expect((await cli('queue')).out).not.toContain(other.detail.id);
  });

  it('issue-licence puts an e-licence into the user’s wallet', async () => {
    const holder = await person(gw, '13800000063', true, '周老板');
    const code = creditCode('91420111MA4K9999');
    const issued = await cli(
      'issue-licence',
      '--mobile',
      holder.mobile,
      '--name',
      '营业执照',
      '--holder',
      '武汉周记餐饮有限公司',
      '--number',
      code,
      '--issuer',
      '洪山区市场监督管理局',
    );
    expect(issued.code).toBe(0);
    const wallet = expectOk(await gw.request('/api/me/licences', { token: holder.token }), ELicenceList).licences;
    expect(wallet.map((l) => [l.name, l.holderMasked, l.issuer])).toEqual([
      ['居民身份证', '周**', '公安机关'],
      ['营业执照', '武汉周记餐饮有限公司', '洪山区市场监督管理局'],
    ]);
    expect(wallet[1].numberMasked).toBe(`${code.slice(0, 4)}**********${code.slice(-4)}`);
    const args = ['--name', '营业执照', '--holder', '某公司名称', '--issuer', '某局'];
    expect(
      (await cli('issue-licence', '--mobile', holder.mobile, '--number', '91420111MA4K99990X', ...args)).code,
    ).toBe(1);
    expect((await cli('issue-licence', '--mobile', '13999999999', '--number', code, ...args)).code).toBe(1);
  });

  it('identity-claims lists other accounts’ attempts on a verified identity, numbers masked, newest first', async () => {
    const first17 = '42011119850505432';
    const idNumber = first17 + idCardCheckChar(first17);
    const realName = (token: string, body: Record<string, string>) =>
      gw.request('/api/me/real-name', { method: 'POST', token, body });
    moveClockTo(gw, '2025-04-01T02:00:00Z');
    const holder = (await smsLogin(gw, '13800000071')).accessToken;
    expectOk(await realName(holder, { name: '孙持有', idNumber }), User);
    // Past the holder's own login code's resend wait: the claim code goes to the same number.
    gw.clock.advance(61);
    const claimant = (await smsLogin(gw, '13900000072')).accessToken;
    expectError(await realName(claimant, { name: '孙冒名', idNumber }), 400, 'VALIDATION_FAILED');

    moveClockTo(gw, '2025-04-02T03:30:00Z');
    expectOk(await realName(claimant, { name: '孙持有', idNumber }), IdentityBoundChallenge);
    const code = gw.smsCodes.get('13800000071')?.at(-1) ?? '';
    expectOk(await realName(claimant, { name: '孙持有', idNumber, code }), User);

    const listed = await cli('identity-claims');
    expect(listed.code).toBe(0);
    const lines = listed.out.split('\n');
    // Beijing time, the region code and last four of the 身份证号, masked mobiles; newest first.
    expect(lines.filter((l) => /^\d{4}-/.test(l))).toEqual([
      `2025-04-02 11:30  身份证 420111********${idNumber.slice(-4)}  验证通过，认定为同一人`,
      `2025-04-02 11:30  身份证 420111********${idNumber.slice(-4)}  已向持有人手机发送验证码`,
      `2025-04-01 10:01  身份证 420111********${idNumber.slice(-4)}  姓名与身份证号不一致`,
    ]);
    expect(lines[1]).toMatch(/^ {4}申请账号 \S+（139\*{4}0072） → 持有账号 \S+（138\*{4}0071）$/);
    expect(lines.at(-1)).toBe('共 3 次');
    for (const secret of [idNumber, '13800000071', '13900000072', '孙持有', '孙冒名']) {
      expect(listed.out).not.toContain(secret);
    }

    const since = await cli('identity-claims', '--since', '2025-04-02');
    expect(since.out.split('\n').filter((l) => /^\d{4}-/.test(l)).length).toBe(2);
    expect((await cli('identity-claims', '--since', '2025-04-03')).out).toBe(
      '2025-04-03 以来没有他人认证已实名身份的尝试',
    );
    for (const bad of ['2025-02-30', '4月1日', '2025-4-1']) {
      const refused = await cli('identity-claims', '--since', bad);
      expect({ bad, code: refused.code }).toEqual({ bad, code: 2 });
      expect(refused.err).toContain('--since 应为日期 YYYY-MM-DD');
    }
  });

  it('the npm script runs on GATEWAY_DATA_DIR, seeding a fresh one first', () => {
    const dataDir = tempDir('cli');
    try {
      const res = spawnSync(
        path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
        ['gateway/src/cli/admin.ts', 'windows'],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, GATEWAY_DATA_DIR: dataDir },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(res.status).toBe(0);
      const lines = res.stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(12);
      expect(lines[0]).toMatch(/^HS-ZW-A01 {2}综合受理窗口A01 {2}洪山区政务服务中心/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
