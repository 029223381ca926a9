import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Value } from '@sinclair/typebox/value';
import type { Database } from 'better-sqlite3';
import { CatalogueImport, Guide, NoticeList, SearchResult, type ImportItem } from '../../types/contract';
import { openDatabase } from '../../gateway/src/db/open-database';
import { CatalogueImportError, importCatalogue } from '../../gateway/src/catalogue/import';
import { generateCatalogue } from '../../gateway/src/generator/synthetic-catalogue';
import { REPO_ROOT } from '../../gateway/src/paths';
import { search } from '../../gateway/src/search/search-engine';
import { buildSearchIndex } from '../../gateway/src/search/search-index';
import { CatalogueStore } from '../../gateway/src/store/catalogue-store';
import { seedDepartments } from './fixtures/seed/catalogue';
import { expectOk, startGateway, tempDir, TestClock } from './support/harness';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(REPO_ROOT, 'gateway', 'src', 'cli', 'import.ts');

function fixtureCatalogue(): CatalogueImport {
  return { version: 1, departments: JSON.parse(JSON.stringify(seedDepartments)) };
}

function withHalls(dataDir: string): Database {
  const db = openDatabase(dataDir);
  db.prepare(
    `INSERT INTO halls (id, name, kind, address, phone, latitude, longitude, open_24h, follows_workday_calendar, hours, note, sort_order)
     VALUES ('fx-hall', 'h', 'hall', 'a', '', 30, 114, 0, 1, '[]', '', 0), ('fx-terminal', 't', 'terminal', 'a', '', 30, 114, 1, 0, '[]', '', 1)`,
  ).run();
  return db;
}

describe('importCatalogue', () => {
  it('re-importing the same file changes nothing', () => {
    const dir = tempDir('import');
    const db = withHalls(dir);
    const clock = new TestClock();
    const first = importCatalogue(db, fixtureCatalogue(), clock.now);
    expect(first).toMatchObject({
      added: 9,
      updated: 0,
      unchanged: 0,
      departments: { added: 3, updated: 0, unchanged: 0 },
    });
    clock.advance(3600);
    const second = importCatalogue(db, fixtureCatalogue(), clock.now);
    expect(second).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 9,
      departments: { added: 0, updated: 0, unchanged: 3 },
    });
    const updated = db.prepare("SELECT updated_at FROM items WHERE code = 'FX-GA-0001'").get() as {
      updated_at: string;
    };
    expect(updated.updated_at).toBe('2025-03-03T02:00:00.000Z');
    db.close();
  });

  it('updates only what changed, and stamps it', () => {
    const dir = tempDir('import');
    const db = withHalls(dir);
    const clock = new TestClock();
    importCatalogue(db, fixtureCatalogue(), clock.now);
    const changed = fixtureCatalogue();
    changed.departments[0].items[0].promisedDays = 3;
    changed.departments[0].items[0].materials?.pop();
    changed.departments[2].items.push({ code: 'FX-MZ-0099', name: '收养登记' });
    clock.advance(60);
    expect(importCatalogue(db, changed, clock.now)).toMatchObject({ added: 1, updated: 1, unchanged: 8 });
    const row = db.prepare("SELECT promised_days, updated_at FROM items WHERE code = 'FX-GA-0001'").get();
    expect(row).toEqual({ promised_days: 3, updated_at: '2025-03-03T02:01:00.000Z' });
    expect(db.prepare("SELECT COUNT(*) AS n FROM materials WHERE item_code = 'FX-GA-0001'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('rejects a bad file as a whole, listing problems by JSON path', () => {
    const dir = tempDir('import');
    const db = withHalls(dir);
    const bad = fixtureCatalogue();
    bad.departments[1].items[2] = { ...bad.departments[1].items[2], code: 'bad code', legalDays: -1 } as ImportItem;
    bad.departments[0].items[1].hallIds = ['nowhere'];
    bad.departments[2].items[0].code = 'FX-GA-0001';
    let caught: unknown;
    try {
      importCatalogue(db, bad);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CatalogueImportError);
    const issues = (caught as CatalogueImportError).issues;
    expect(issues.map((i) => i.path)).toEqual([
      '$.departments[1].items[2].code',
      '$.departments[1].items[2].legalDays',
    ]);
    expect(issues[0].message).toMatch(/事项编码格式不正确/);
    expect(issues[1]).toMatchObject({
      message: '法定时限不能小于 0',
      english: expect.stringMatching(/greater or equal to 0/),
    });

    // Shape is fine but references are not.
    bad.departments[1].items[2].code = 'FX-SC-0003';
    bad.departments[1].items[2].legalDays = 15;
    try {
      importCatalogue(db, bad);
    } catch (error) {
      caught = error;
    }
    expect((caught as CatalogueImportError).issues.map((i) => [i.path, i.message])).toEqual([
      ['$.departments[0].items[1].hallIds[0]', '未知的办事地点 id “nowhere”'],
      ['$.departments[2].items[0].code', '事项编码 “FX-GA-0001” 与 $.departments[0].items[0].code 重复'],
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 0 });
    db.close();
  });

  describe('aliases', () => {
    const withAliases = (aliases: string[]): CatalogueImport => ({
      version: 1,
      departments: [
        {
          id: 'x-dept',
          name: '某局',
          shortName: '某局',
          items: [{ code: 'X-1', name: '食品经营许可（新办）', aliases, legalDays: 20, promisedDays: 5 }],
        },
      ],
    });

    it('are trimmed, kept once, and searched as aliases', () => {
      const db = withHalls(tempDir('import'));
      importCatalogue(db, withAliases([' 开饭店 ', '开饭店', '开餐馆']));
      const row = db.prepare("SELECT aliases FROM items WHERE code = 'X-1'").get() as { aliases: string };
      expect(JSON.parse(row.aliases)).toEqual(['开饭店', '开餐馆']);
      const store = new CatalogueStore(db);
      const index = buildSearchIndex({ items: store.indexRows(), synonymGroups: [] });
      for (const q of ['开餐馆', 'kaicanguan', 'kcg']) {
        const [hit] = search(index, { q, page: 1, pageSize: 5 }).hits;
        expect([q, hit?.item.code, hit?.matchedField, hit?.matchedText]).toEqual([q, 'X-1', 'alias', '开餐馆']);
      }
      db.close();
    });

    it('are at most 30 per item, the problem named in Chinese', () => {
      const db = withHalls(tempDir('import'));
      const many = Array.from({ length: 31 }, (_, i) => `别名${i}`);
      expect(() => importCatalogue(db, withAliases(many.slice(0, 30)))).not.toThrow();
      let caught: unknown;
      try {
        importCatalogue(db, withAliases(many));
      } catch (error) {
        caught = error;
      }
      expect((caught as CatalogueImportError).issues.map((i) => [i.path, i.message])).toEqual([
        ['$.departments[0].items[0].aliases', '别名最多 30 项'],
      ]);
      db.close();
    });
  });

  it('warns when time limits are missing (they would show as 即办)', () => {
    const db = withHalls(tempDir('import'));
    const result = importCatalogue(db, {
      version: 1,
      departments: [{ id: 'x-dept', name: '某局', shortName: '某局', items: [{ code: 'X-1', name: '某事项' }] }],
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0].message).toMatch(/即办/);
    db.close();
  });
});

describe('synthetic catalogue generator', () => {
  it('is deterministic, valid and exact in size', () => {
    const a = generateCatalogue({ count: 300, seed: 7 });
    const b = generateCatalogue({ count: 300, seed: 7 });
    expect(a).toEqual(b);
    expect(Value.Check(CatalogueImport, a)).toBe(true);
    const items = a.departments.flatMap((d) => d.items);
    expect(items).toHaveLength(300);
    expect(new Set(items.map((i) => i.name)).size).toBe(300);
    expect(new Set(items.map((i) => i.code)).size).toBe(300);
    expect(generateCatalogue({ count: 300, seed: 8 })).not.toEqual(a);
  });
});

describe('import CLI', () => {
  jest.setTimeout(60_000);

  it('imports into a running gateway, which re-indexes and has the new 告知书; a second run changes nothing', async () => {
    const gw = await startGateway();
    try {
      const file = path.join(tempDir('cli'), 'catalogue.json');
      const catalogue = fixtureCatalogue();
      catalogue.departments[2].items.push({
        code: 'FX-MZ-0100',
        name: '收养登记',
        aliases: ['领养孩子'],
        popularity: 5,
        materials: [
          {
            name: '收养人无犯罪记录证明',
            form: 'original',
            copies: 1,
            necessity: 'required',
            commitmentAllowed: true,
          },
        ],
      });
      fs.writeFileSync(file, JSON.stringify(catalogue));
      const env = { ...process.env, GATEWAY_DATA_DIR: gw.dataDir };
      // Asked before the import: the gateway keeps that answer for repeats, and must drop it once
      // the catalogue changes.
      const before = expectOk(await gw.request(`/api/search?q=${encodeURIComponent('领养')}`), SearchResult);
      expect(before.hits).toEqual([]);

      const first = await run(TSX, [CLI, file], { env, cwd: REPO_ROOT });
      expect(first.stdout).toMatch(/新增 added 1, 更新 updated 0, 未变 unchanged 9/);
      // Written by the import, not left for the gateway's next start (which cost a province's
      // first start after importing six seconds).
      expect(first.stdout).toMatch(/告知书 notices: 新增 added 1/);
      const second = await run(TSX, [CLI, file], { env, cwd: REPO_ROOT });
      expect(second.stdout).toMatch(/新增 added 0, 更新 updated 0, 未变 unchanged 10/);
      expect(second.stdout).not.toMatch(/告知书/);
      const notices = expectOk(await gw.request('/api/items/FX-MZ-0100/notices'), NoticeList).notices;
      expect(notices.map((n) => [n.materialName, n.version])).toEqual([['收养人无犯罪记录证明', 1]]);

      const hits = expectOk(await gw.request(`/api/search?q=${encodeURIComponent('领养')}`), SearchResult).hits;
      expect(hits.map((h) => h.item.code)).toEqual(['FX-MZ-0100']);
      expectOk(await gw.request('/api/items/FX-MZ-0100'), Guide);

      fs.writeFileSync(file, JSON.stringify({ version: 2, departments: [] }));
      const failed = await run(TSX, [CLI, file], { env, cwd: REPO_ROOT }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('$.version') });
    } finally {
      await gw.close();
    }
  });

  it('imports the documented sample file into a fresh data folder (seeding it first)', async () => {
    const dataDir = tempDir('cli-fresh');
    const sample = path.join(REPO_ROOT, 'gateway', 'seed', 'sample-import.json');
    const env = { ...process.env, GATEWAY_DATA_DIR: dataDir };
    const first = await run(TSX, [CLI, sample], { env, cwd: REPO_ROOT });
    expect(first.stdout).toMatch(/已先写入种子数据/);
    const again = await run(TSX, [CLI, sample], { env, cwd: REPO_ROOT });
    expect(again.stdout).toMatch(/新增 added 0, 更新 updated 0, 未变 unchanged 3/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
