import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { CommitmentNotice } from '../../types/contract';
import { canonicalJson, sha256Hex } from '../../gateway/src/commitments/canonical-json';
import { GUOBAN_42, noticeContentHash, pickContent } from '../../gateway/src/commitments/notice-content';
import { NoticeRevisionError, NoticeService } from '../../gateway/src/commitments/notice-service';
import { migrate } from '../../gateway/src/db/migrate';
import { migrations } from '../../gateway/src/db/migrations';
import { DATABASE_FILE, openDatabase } from '../../gateway/src/db/open-database';
import { DEFAULT_SEED_DIR } from '../../gateway/src/paths';
import { applySeed } from '../../gateway/src/seed/apply-seed';
import { loadSeed } from '../../gateway/src/seed/load-seed';
import { seedDatabase } from '../../gateway/src/seed/seed-database';
import { CatalogueStore } from '../../gateway/src/store/catalogue-store';
import { NoticeStore } from '../../gateway/src/store/notice-store';
import { seedDepartments } from '../../gateway/seed/catalogue';
import { FIXTURE_SEED, expectError, expectOk, startGateway, tempDir, type TestGateway } from './support/harness';
import { noticesOf } from './support/commitments';

const silent = { info: () => undefined, warn: () => undefined };
const CONSEQUENCES = [
  '终止办理',
  '撤销已作出的决定',
  '依法予以行政处罚',
  '将不实承诺信息记入信用记录',
  '依法实施失信惩戒',
];

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway();
});

afterAll(async () => {
  await gw.close();
});

function noticeService(db: BetterSqlite3.Database): NoticeService {
  return new NoticeService(new NoticeStore(db), new CatalogueStore(db), () => new Date('2025-04-01T01:00:00Z'));
}

describe('notices (告知书)', () => {
  it('one current notice per commitment-allowed material of an item, with the 42号 content', async () => {
    const [notice] = await noticesOf(gw, 'FX-SC-0001');
    expect(notice).toMatchObject({
      version: 1,
      itemCode: 'FX-SC-0001',
      itemName: '食品经营许可（新办）',
      departmentName: '测试市场监督管理局',
      materialId: expect.stringMatching(/^m-[0-9a-f]{12}$/),
      materialName: '经营场所使用证明',
      // The seed's hand-written wording, with the item and department filled in.
      condition:
        '申请人承诺用于“食品经营许可（新办）”的经营场所为申请人依法享有使用权的合法建筑，用途符合食品经营要求。',
      verification: '测试市场监督管理局自作出决定之日起 20 个工作日内现场核查经营场所。',
      method: '书面承诺（在线签署）',
      legalBasis: GUOBAN_42,
      publishedAt: gw.clock.now().toISOString(),
    });
    const guide = (await gw.request('/api/items/FX-SC-0001')).body as {
      data: { materials: { id: string; commitmentAllowed: boolean }[] };
    };
    expect(guide.data.materials.filter((m) => m.commitmentAllowed).map((m) => m.id)).toEqual([notice.materialId]);
    for (const phrase of CONSEQUENCES) expect(notice.consequences.join('')).toContain(phrase);
    expect(notice.cooperation).toContain('配合');

    // A material without hand-written wording gets the generic one.
    const [generic] = await noticesOf(gw, 'FX-MZ-0003');
    expect(generic.condition).toContain('“家庭收入状况申报表”');
    expect(generic.verification).toMatch(/^测试民政局.*工作日内/);
    // Items without such materials have none; unknown items are 404.
    expect(await noticesOf(gw, 'FX-GA-0001')).toEqual([]);
    expect(expectError(await gw.request('/api/items/NOPE/notices'), 404, 'NOT_FOUND').message).toMatch(
      /没有找到这个事项/,
    );
  });

  it('contentHash is the SHA-256 of the canonical JSON of the content fields', async () => {
    const [notice] = await noticesOf(gw, 'FX-SC-0001');
    const { id, version, contentHash, publishedAt, ...content } = notice;
    expect({ id, version, publishedAt }).toBeTruthy();
    const sorted = Object.fromEntries(Object.entries(content).sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(contentHash).toBe(sha256Hex(JSON.stringify(sorted)));
    expect(canonicalJson({ b: 1, a: [{ d: '中', c: true }], e: undefined })).toBe('{"a":[{"c":true,"d":"中"}],"b":1}');
    expect(noticeContentHash(notice)).toBe(contentHash);
  });

  it('GET /notices/:id is the current version, /versions/:v a given one; unknown ones are 404', async () => {
    const [notice] = await noticesOf(gw, 'FX-SC-0001');
    expect(expectOk(await gw.request(`/api/notices/${notice.id}`), CommitmentNotice)).toEqual(notice);
    expect(expectOk(await gw.request(`/api/notices/${notice.id}/versions/1`), CommitmentNotice)).toEqual(notice);
    expectError(await gw.request(`/api/notices/${notice.id}/versions/9`), 404, 'NOT_FOUND');
    expectError(await gw.request('/api/notices/ntc-nope'), 404, 'NOT_FOUND');
    expectError(await gw.request(`/api/notices/${notice.id}/versions/0`), 400, 'VALIDATION_FAILED');
  });

  it('a revision is a new version; the earlier one never changes (and the table refuses edits)', async () => {
    const [v1] = await noticesOf(gw, 'FX-MZ-0003');
    const db = openDatabase(gw.dataDir);
    try {
      const notices = noticeService(db);
      const v2 = notices.revise(
        v1.id,
        { addConsequences: ['骗取特困供养待遇的，责令退回已领取的资金。'] },
        'officer:周科员',
      );
      expect(v2).toMatchObject({ id: v1.id, version: 2, publishedAt: '2025-04-01T01:00:00.000Z' });
      expect(v2.consequences).toEqual([...v1.consequences, '骗取特困供养待遇的，责令退回已领取的资金。']);
      expect(v2.contentHash).not.toBe(v1.contentHash);
      expect(v2.contentHash).toBe(noticeContentHash(pickContent(v2)));
      expect(() => notices.revise(v1.id, {}, 'officer:周科员')).toThrow(NoticeRevisionError);
      expect(() => notices.revise(v1.id, { condition: ' ' }, 'officer:周科员')).toThrow(NoticeRevisionError);
      expect(() => db.prepare("UPDATE notice_versions SET content = '{}' WHERE version = 1").run()).toThrow(
        /append-only/,
      );
      expect(() => db.prepare('DELETE FROM notice_versions').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
    expect(expectOk(await gw.request(`/api/notices/${v1.id}`), CommitmentNotice).version).toBe(2);
    expect(expectOk(await gw.request(`/api/notices/${v1.id}/versions/1`), CommitmentNotice)).toEqual(v1);
    expect((await noticesOf(gw, 'FX-MZ-0003')).map((n) => n.version)).toEqual([2]);
  });

  it('the seed is idempotent and never touches a revised notice', () => {
    const db = openDatabase(gw.dataDir);
    try {
      const before = db.prepare('SELECT notice_id, version, content_hash FROM notice_versions ORDER BY 1, 2').all();
      seedDatabase(db, FIXTURE_SEED, () => new Date(), silent);
      seedDatabase(db, FIXTURE_SEED, () => new Date(), silent);
      expect(db.prepare('SELECT notice_id, version, content_hash FROM notice_versions ORDER BY 1, 2').all()).toEqual(
        before,
      );
    } finally {
      db.close();
    }
  });

  it('a database from before notices gets them on its next start', () => {
    const dir = tempDir('old-db');
    const old = new BetterSqlite3(path.join(dir, DATABASE_FILE));
    migrate(old, migrations.slice(0, 5));
    applySeed(old, loadSeed(FIXTURE_SEED), () => new Date());
    old.close();
    const db = openDatabase(dir);
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM notices').get()).toEqual({ n: 0 });
      seedDatabase(db, FIXTURE_SEED, () => new Date(), silent);
      expect(db.prepare('SELECT COUNT(*) AS n FROM notices').get()).toEqual({ n: 2 });
      expect(noticeService(db).forItem('FX-SC-0001')).toHaveLength(1);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the district seed: every commitment-allowed material has a notice with its own wording and law', () => {
    const dir = tempDir('district');
    const db = openDatabase(dir);
    try {
      seedDatabase(db, DEFAULT_SEED_DIR, () => new Date('2025-03-03T02:00:00Z'), silent);
      const notices = noticeService(db).all();
      const expected = seedDepartments.flatMap((d) =>
        d.items.flatMap((i) =>
          (i.materials ?? []).filter((m) => m.commitmentAllowed).map((m) => `${i.code} ${m.name}`),
        ),
      );
      expect(notices.map((n) => `${n.itemCode} ${n.materialName}`).sort()).toEqual(expected.sort());
      expect(notices.length).toBeGreaterThanOrEqual(50);
      for (const n of notices) {
        // Hand-written wording for every seed material (no generic fallback in the district seed).
        expect({ code: n.itemCode, generic: n.condition.includes('所证明的事项和条件') }).toEqual({
          code: n.itemCode,
          generic: false,
        });
        expect(n.condition).toMatch(/承诺/);
        // 核查方式与时限: who checks, within how long.
        expect(n.verification).toMatch(/\d+ (个工作日|日)内/);
        expect(n.verification.startsWith(n.departmentName)).toBe(true);
        expect(n.legalBasis.startsWith(`${GUOBAN_42}；《`)).toBe(true);
        for (const phrase of CONSEQUENCES) expect(n.consequences.join('')).toContain(phrase);
        expect(n.contentHash).toBe(noticeContentHash(n));
      }
      const food = notices.find((n) => n.itemCode === 'HS-SC-0001');
      expect(food?.condition).toContain('“食品经营许可（新办）”的经营场所');
      expect(food?.legalBasis).toBe(`${GUOBAN_42}；《中华人民共和国食品安全法》第三十五条`);
      const teacher = notices.find((n) => n.itemCode === 'HS-JY-0006');
      expect(teacher?.condition).toContain('《教师资格条例》');
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
