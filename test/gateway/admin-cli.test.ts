import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { Rating } from '../../types/contract';
import { runAdmin } from '../../gateway/src/cli/admin-commands';
import { openDatabase } from '../../gateway/src/db/open-database';
import { REPO_ROOT } from '../../gateway/src/paths';
import { expectOk, tempDir, type TestGateway } from './support/harness';
import { caseRating, moveClockTo, person, rateOk, startRatingGateway, type Person } from './support/ratings';

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
    ]) {
      const res = await cli(...argv);
      expect({ argv, code: res.code }).toEqual({ argv, code: 2 });
      expect(res.err).toContain('npm run gateway:admin');
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
