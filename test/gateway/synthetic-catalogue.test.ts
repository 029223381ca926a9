import { createHash } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { CatalogueImport } from '../../types/contract';
import { DISTRICT_ITEMS, generateCatalogue, maxGeneratedItems } from '../../gateway/src/generator/synthetic-catalogue';
import { BUSINESS_APPLICANTS, PERSON_APPLICANTS } from '../../gateway/src/generator/fragments';
import { compact, foldText } from '../../gateway/src/search/normalise';

/*
 * A province-sized synthetic catalogue (~100,000 items) for the scale benchmarks: unique names that
 * differ in words, not in punctuation, and a district-sized one that is the same as it always was.
 */

const PROVINCE = 100_000;

describe('synthetic catalogue at province size', () => {
  const catalogue = generateCatalogue({ count: PROVINCE });
  const items = catalogue.departments.flatMap((d) => d.items);
  const names = items.map((i) => i.name);

  it('has exactly 100,000 items with unique codes and names', () => {
    expect(items).toHaveLength(PROVINCE);
    expect(new Set(items.map((i) => i.code)).size).toBe(PROVINCE);
    expect(new Set(names).size).toBe(PROVINCE);
  });

  it('has no two names that differ only in punctuation or width', () => {
    expect(new Set(names.map((n) => compact(foldText(n)))).size).toBe(PROVINCE);
  });

  it('varies departments, subjects and applicants, and keeps names readable', () => {
    expect(catalogue.departments.length).toBeGreaterThanOrEqual(15);
    const applicants = [...PERSON_APPLICANTS, ...BUSINESS_APPLICANTS];
    // The applicant closes the bracket: "…（首次，港澳台居民）" or "…（华侨）".
    const applicantOf = (n: string): string | undefined => applicants.find((a) => n.endsWith(`${a}）`));
    const used = applicants.filter((a) => names.some((n) => applicantOf(n) === a));
    expect(used).toEqual(applicants);
    const withApplicant = names.filter((n) => applicantOf(n) !== undefined).length;
    expect(withApplicant).toBe(PROVINCE - DISTRICT_ITEMS);
    // Subject + action: the name before any bracket; many distinct ones, none dominating.
    const stems = new Map<string, number>();
    for (const n of names) stems.set(n.replace(/（.*$/, ''), (stems.get(n.replace(/（.*$/, '')) ?? 0) + 1);
    expect(stems.size).toBeGreaterThan(2_000);
    expect(Math.max(...stems.values())).toBeLessThan(100);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(40);
    expect(names.every((n) => !n.includes('（）') && (n.match(/（/g) ?? []).length <= 1)).toBe(true);
  });

  it('matches the import format (every tenth item of each department, to keep the test quick)', () => {
    const sample = catalogue.departments.map((d) => ({ ...d, items: d.items.filter((_, i) => i % 10 === 0) }));
    expect(Value.Check(CatalogueImport, { ...catalogue, departments: sample })).toBe(true);
  });
});

describe('synthetic catalogue at district size', () => {
  it('is the catalogue the 10,000-item benchmarks always used (no applicant variants)', () => {
    const district = generateCatalogue({ count: 10_000 });
    const digest = createHash('sha256').update(JSON.stringify(district)).digest('hex');
    expect(digest.slice(0, 16)).toBe('803367d26767b3a8');
  });

  it('refuses more items than it can name', () => {
    expect(maxGeneratedItems()).toBeGreaterThanOrEqual(PROVINCE);
    expect(() => generateCatalogue({ count: maxGeneratedItems() + 1 })).toThrow(/at most/);
  });
});
