import { Value } from '@sinclair/typebox/value';
import { CatalogueImport, Hall, ImportDepartment, WorkdayCalendar } from '../../types/contract';
import type { ImportItem } from '../../types/contract';
import { seedDepartments } from '../../gateway/seed/catalogue';
import { seedHalls } from '../../gateway/seed/halls';
import { seedCalendar } from '../../gateway/seed/calendar';
import { seedThemes } from '../../gateway/seed/themes';
import { seedSynonyms } from '../../gateway/seed/synonyms';
import { seedWindows } from '../../gateway/seed/windows';
import { SeedWindow } from '../../gateway/src/seed/seed-schema';
import sampleImport from '../../gateway/seed/sample-import.json';

const items: ImportItem[] = seedDepartments.flatMap((d) => d.items);
const byName = new Map(items.map((i) => [i.name, i]));
const byCode = new Map(items.map((i) => [i.code, i]));
const deptOf = new Map(seedDepartments.flatMap((d) => d.items.map((i) => [i.name, d.id] as const)));

function errorsOf(schema: Parameters<typeof Value.Errors>[0], value: unknown): string[] {
  return [...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`);
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

const isoWeekday = (date: string): number => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

describe('seed catalogue', () => {
  it.each(seedDepartments.map((d) => [d.id, d] as const))(
    'department %s validates against ImportDepartment',
    (_id, d) => {
      expect(errorsOf(ImportDepartment, d)).toEqual([]);
      expect(Value.Check(ImportDepartment, d)).toBe(true);
    },
  );

  it('has enough departments and items', () => {
    expect(seedDepartments.length).toBeGreaterThanOrEqual(15);
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(duplicates(seedDepartments.map((d) => d.id))).toEqual([]);
  });

  it('has unique codes and names', () => {
    expect(duplicates(items.map((i) => i.code))).toEqual([]);
    expect(duplicates(items.map((i) => i.name))).toEqual([]);
  });

  it('serves both people and businesses, mostly fully online', () => {
    const person = items.filter((i) => i.audiences?.includes('person')).length;
    const business = items.filter((i) => i.audiences?.includes('business')).length;
    expect(person).toBeGreaterThan(100);
    expect(business).toBeGreaterThan(100);
    const online = items.filter((i) => i.fullyOnline).length / items.length;
    expect(online).toBeGreaterThan(0.7);
    expect(online).toBeLessThan(0.9);
  });

  it('has promisedDays ≤ legalDays and coherent visit tags', () => {
    for (const i of items) {
      expect({ code: i.code, ok: i.promisedDays! <= i.legalDays! }).toEqual({ code: i.code, ok: true });
      expect(i.maxOneVisit).toBe(i.visits! <= 1);
      if (i.fullyOnline) expect({ code: i.code, visits: i.visits }).toEqual({ code: i.code, visits: 0 });
    }
  });

  it('gives every item conditions, 1–6 materials with review points, 3–5 steps and a legal basis', () => {
    for (const i of items) {
      const where = i.code;
      expect({ where, n: i.materials!.length >= 1 && i.materials!.length <= 6 }).toEqual({ where, n: true });
      for (const m of i.materials!)
        expect({ where, m: m.name, ok: (m.reviewPoints ?? '').trim().length > 0 }).toEqual({
          where,
          m: m.name,
          ok: true,
        });
      expect({ where, n: i.steps!.length >= 3 && i.steps!.length <= 5 }).toEqual({ where, n: true });
      expect(i.legalBasisHtml).toMatch(/^<p>.+<\/p>$/);
      expect(duplicates(i.legalBasisHtml!.split('</p>'))).toEqual([]);
      expect(duplicates(i.materials!.map((m) => m.name))).toEqual([]);
      expect(i.faqs!.length).toBeLessThanOrEqual(3);
      // Only <p>, <ul>, <li>, <strong> in the HTML fields.
      const tags = [...`${i.conditionsHtml}${i.legalBasisHtml}`.matchAll(/<\/?([a-z]+)[^>]*>/g)].map((t) => t[1]);
      expect(tags.filter((t) => !['p', 'ul', 'li', 'strong'].includes(t))).toEqual([]);
      expect(i.phone).toMatch(/^027-8\d{7}$/);
    }
  });

  it('only references existing halls', () => {
    const hallIds = new Set(seedHalls.map((h) => h.id));
    for (const i of items) {
      expect(i.hallIds!.length).toBeGreaterThan(0);
      for (const id of i.hallIds!)
        expect({ code: i.code, id, exists: hallIds.has(id) }).toEqual({ code: i.code, id, exists: true });
    }
  });

  it('has about twenty genuinely popular items', () => {
    const hot = items.filter((i) => (i.popularity ?? 0) >= 700);
    expect(hot.length).toBeGreaterThanOrEqual(15);
    expect(hot.length).toBeLessThanOrEqual(40);
  });

  it.each([
    ['户口迁移', 'gongan', ['迁户口', '户口迁入']],
    ['居民身份证申领', 'gongan', ['身份证办理', '办身份证']],
    ['居民身份证换领', 'gongan', []],
    ['出生登记', 'gongan', []],
    ['食品经营许可（新办）', 'scjg', ['开饭店', '餐饮许可']],
    ['个体工商户设立登记', 'scjg', []],
    ['公司设立登记', 'scjg', ['开公司', '注册公司']],
    ['结婚登记', 'minzheng', []],
    ['离婚登记', 'minzheng', []],
    ['城乡居民基本养老保险参保登记', 'shebao', []],
    ['失业保险金申领', 'shebao', []],
    ['就业创业证申领', 'rsj', []],
    ['职工基本养老保险退休待遇核定', 'shebao', ['办退休']],
    ['医师执业注册', 'weijian', []],
    ['异地就医备案', 'yibao', ['异地医保备案']],
    ['不动产登记（二手房转移登记）', 'budongchan', ['过户', '房产过户']],
    ['城市道路挖掘许可', 'chengguan', []],
    ['营业性演出许可', 'wenlv', []],
    ['法律援助申请', 'sifa', []],
    ['残疾人证办理', 'canlian', []],
    ['人力资源服务许可', 'rsj', []],
    ['出租汽车驾驶员从业资格证', 'jiaotong', []],
    ['退役士兵自主就业一次性经济补助金发放', 'tuiyi', []],
    ['特困人员认定', 'minzheng', []],
    ['公共场所卫生许可', 'weijian', []],
  ])('includes %s (%s) with aliases %j', (name, deptId, aliases) => {
    const item = byName.get(name);
    expect(item).toBeDefined();
    expect(deptOf.get(name)).toBe(deptId);
    for (const a of aliases) expect(item!.aliases).toContain(a);
  });
});

describe('seed halls', () => {
  it.each(seedHalls.map((h) => [h.id, h] as const))('hall %s validates against Hall', (_id, h) => {
    expect(errorsOf(Hall, h)).toEqual([]);
  });

  it('has unique ids, a main hall, ≥10 street centres and ≥8 terminals', () => {
    expect(duplicates(seedHalls.map((h) => h.id))).toEqual([]);
    expect(seedHalls.some((h) => h.id === 'hs-zwfw-center' && h.kind === 'hall')).toBe(true);
    expect(seedHalls.filter((h) => h.kind === 'centre').length).toBeGreaterThanOrEqual(10);
    const terminals = seedHalls.filter((h) => h.kind === 'terminal');
    expect(terminals.length).toBeGreaterThanOrEqual(8);
    for (const t of terminals) {
      expect(t.open24h).toBe(true);
      expect(t.hours).toEqual([]);
      expect(t.followsWorkdayCalendar).toBe(false);
    }
    for (const h of seedHalls.filter((x) => x.kind !== 'terminal')) {
      expect(h.open24h).toBe(false);
      expect(h.followsWorkdayCalendar).toBe(true);
      expect(h.hours.length).toBeGreaterThan(0);
      for (const o of h.hours) expect(o.open < o.close).toBe(true);
    }
  });

  it('is located in Hongshan District (GCJ-02)', () => {
    for (const h of seedHalls) {
      expect(h.latitude).toBeGreaterThan(30.4);
      expect(h.latitude).toBeLessThan(30.7);
      expect(h.longitude).toBeGreaterThan(114.25);
      expect(h.longitude).toBeLessThan(114.5);
      expect(h.phone).toMatch(/^027-\d{8}$/);
    }
  });
});

describe('seed calendar', () => {
  const { holidays, makeupWorkdays } = seedCalendar;

  it('validates against WorkdayCalendar', () => {
    expect(errorsOf(WorkdayCalendar, seedCalendar)).toEqual([]);
    expect(seedCalendar.fromYear).toBe(2025);
    expect(seedCalendar.toYear).toBe(2027);
  });

  it('lists valid dates, sorted, unique, disjoint and within range', () => {
    for (const list of [holidays, makeupWorkdays]) {
      for (const d of list) {
        expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
        const year = Number(d.slice(0, 4));
        expect(year >= seedCalendar.fromYear && year <= seedCalendar.toYear).toBe(true);
      }
      expect([...list].sort()).toEqual(list);
      expect(duplicates(list)).toEqual([]);
    }
    const holidaySet = new Set(holidays);
    expect(makeupWorkdays.filter((d) => holidaySet.has(d))).toEqual([]);
  });

  it('only has make-up workdays on weekends', () => {
    for (const d of makeupWorkdays) expect({ d, weekend: isoWeekday(d) >= 6 }).toEqual({ d, weekend: true });
  });

  it('knows the published arrangements', () => {
    expect(holidays).toContain('2025-10-01');
    expect(holidays).toContain('2025-10-08');
    expect(holidays).toContain('2025-01-28');
    expect(makeupWorkdays).toContain('2025-09-28');
    expect(makeupWorkdays).toContain('2025-10-11');
    expect(holidays).toContain('2026-02-16');
    expect(holidays).toContain('2026-02-23');
    expect(makeupWorkdays).toContain('2026-02-14');
    expect(holidays).not.toContain('2025-10-09');
    expect(holidays.filter((d) => d.startsWith('2025') && isoWeekday(d) <= 5)).toHaveLength(18);
  });
});

describe('seed themes', () => {
  it('has at least 10 themes with unique codes', () => {
    expect(seedThemes.length).toBeGreaterThanOrEqual(10);
    expect(duplicates(seedThemes.map((t) => t.code))).toEqual([]);
    expect(duplicates(seedThemes.map((t) => t.name))).toEqual([]);
  });

  it.each(seedThemes.map((t) => [t.name, t] as const))('%s references existing items and saves time', (_name, t) => {
    expect(t.itemCodes.length).toBeGreaterThanOrEqual(2);
    expect(t.itemCodes.length).toBeLessThanOrEqual(6);
    expect(duplicates(t.itemCodes)).toEqual([]);
    for (const code of t.itemCodes) expect({ code, exists: byCode.has(code) }).toEqual({ code, exists: true });
    const sum = t.itemCodes.reduce((s, c) => s + (byCode.get(c)?.promisedDays ?? 0), 0);
    expect(t.promisedDays).toBeLessThan(sum);
    const visits = t.itemCodes.map((c) => byCode.get(c)?.visits ?? 0);
    expect(t.visits).toBe(Math.max(...visits) > 0 ? 1 : 0);
    expect(t.audiences.length).toBeGreaterThan(0);
  });
});

describe('seed windows', () => {
  it('has at least 12 service windows with unique, printable codes', () => {
    expect(seedWindows.length).toBeGreaterThanOrEqual(12);
    for (const w of seedWindows) expect(errorsOf(SeedWindow, w)).toEqual([]);
    expect(duplicates(seedWindows.map((w) => w.code))).toEqual([]);
    expect(duplicates(seedWindows.map((w) => w.name))).toEqual([]);
    for (const w of seedWindows) expect(w.code).toMatch(/^HS-[A-Z]+-[A-Z0-9]+$/);
  });

  it('sit in seeded halls (not self-service terminals) and belong to seeded departments', () => {
    const halls = new Map(seedHalls.map((h) => [h.id, h]));
    const departments = new Set(seedDepartments.map((d) => d.id));
    for (const w of seedWindows) {
      expect({ code: w.code, hall: halls.get(w.hallId)?.kind }).toEqual({
        code: w.code,
        hall: expect.stringMatching(/^(hall|centre)$/),
      });
      expect({ code: w.code, department: departments.has(w.departmentId) }).toEqual({ code: w.code, department: true });
    }
    // The district hall's 综合受理, 公安户政 and 市场准入 windows are there.
    const names = seedWindows.map((w) => w.name).join('、');
    for (const kind of ['综合受理窗口', '公安户政窗口', '市场准入窗口']) expect(names).toContain(kind);
  });
});

describe('seed synonyms and sample import', () => {
  it('has at least 40 synonym groups of two or more distinct words', () => {
    expect(seedSynonyms.length).toBeGreaterThanOrEqual(40);
    for (const g of seedSynonyms) {
      expect(g.length).toBeGreaterThanOrEqual(2);
      expect(duplicates(g)).toEqual([]);
      for (const w of g) expect(w.trim()).toBe(w);
    }
  });

  it('sample-import.json is a valid version-1 import', () => {
    expect(errorsOf(CatalogueImport, sampleImport)).toEqual([]);
    const sample = sampleImport as unknown as CatalogueImport;
    expect(sample.version).toBe(1);
    expect(sample.departments).toHaveLength(2);
    const sampleItems: ImportItem[] = sample.departments.flatMap((d) => d.items);
    expect(sampleItems).toHaveLength(3);
    expect(sampleItems.some((i) => Object.keys(i).sort().join() === 'code,name')).toBe(true);
  });
});
