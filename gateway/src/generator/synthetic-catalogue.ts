import type {
  CatalogueImport,
  ImportDepartment,
  ImportItem,
  ImportMaterial,
  TongbanScope,
} from '../../../types/contract';
import {
  ACTIONS,
  BUSINESS_MATERIALS,
  BUSINESS_APPLICANTS,
  BUSINESS_QUALIFIERS,
  DEPARTMENTS,
  PERSON_APPLICANTS,
  PERSON_MATERIALS,
  PERSON_QUALIFIERS,
  type ActionFragment,
  type DepartmentFragment,
} from './fragments';

/** mulberry32: tiny, fast and deterministic — the same seed always gives the same catalogue. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function pickSome<T>(rand: () => number, list: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(rand() * (max - min + 1));
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}

const SCOPES: TongbanScope[] = ['none', 'none', 'city', 'province', 'cross-province'];

export interface GenerateOptions {
  count: number;
  seed?: number;
}

type Subject = DepartmentFragment['subjects'][number];

/**
 * Up to this many items the catalogue is a district's (subject + action + qualifier); beyond it,
 * a province's, which also splits items by applicant. Fixed, so a 10,000-item catalogue is the
 * same as before the provincial sizes existed and benchmark figures stay comparable.
 */
export const DISTRICT_ITEMS = 15_000;

// Drawing at random slows down near the number of distinct names; stay well under it.
const FILL = 0.8;

function subjectCount(): number {
  return DEPARTMENTS.reduce((n, d) => n + d.subjects.length, 0);
}

/** Distinct district names: bracketed actions take no qualifier; both qualifier lists have the same length. */
function districtNames(): number {
  return subjectCount() * ACTIONS.reduce((n, a) => n + (a.name.includes('（') ? 1 : PERSON_QUALIFIERS.length), 0);
}

/** Distinct names with an applicant: every district name, once per applicant (both lists have the same length). */
function applicantNames(): number {
  return districtNames() * PERSON_APPLICANTS.length;
}

/** The most items `generateCatalogue` makes. */
export function maxGeneratedItems(): number {
  return Math.min(DISTRICT_ITEMS, Math.floor(districtNames() * FILL)) + Math.floor(applicantNames() * FILL);
}

/** "户口迁移（首次）" + 港澳台居民 → "户口迁移（首次，港澳台居民）"; "户口迁移" + 华侨 → "户口迁移（华侨）". */
function withApplicant(name: string, applicant: string): string {
  return name.endsWith('）') ? `${name.slice(0, -1)}，${applicant}）` : `${name}（${applicant}）`;
}

function makeItem(
  rand: () => number,
  dept: DepartmentFragment,
  subject: Subject,
  action: ActionFragment,
  name: string,
  code: string,
): ImportItem {
  const legalDays = action.itemType === '公共服务' ? 0 : pick(rand, [0, 5, 10, 15, 20, 30, 60]);
  const promisedDays = Math.min(legalDays, Math.floor(legalDays * (0.1 + rand() * 0.4)));
  const fullyOnline = rand() < 0.6;
  const visits = fullyOnline ? 0 : 1;
  const materials: ImportMaterial[] = [
    {
      name: `${subject.name}${action.itemType === '行政许可' ? '许可' : ''}申请表`,
      form: 'original',
      copies: 1,
      necessity: 'required',
    },
    ...pickSome(rand, subject.person ? PERSON_MATERIALS : BUSINESS_MATERIALS, 2, 6).map((m): ImportMaterial => ({
      name: m,
      form: rand() < 0.5 ? 'original' : 'copy',
      copies: 1,
      necessity: rand() < 0.8 ? 'required' : 'conditional',
      eLicenceAccepted: rand() < 0.5,
      commitmentAllowed: rand() < 0.2,
    })),
  ];
  // Zipf-like: most items are rarely used, a few very often.
  const popularity = Math.floor(1000 / (1 + rand() * 200));
  const aliases =
    subject.aliases && rand() < 0.5 ? subject.aliases.map((a) => `${a}${action.name.replace(/（.*）/, '')}`) : [];
  return {
    code,
    name,
    aliases,
    audiences: subject.person ? ['person'] : ['business'],
    itemType: action.itemType,
    legalDays,
    promisedDays,
    visits,
    fee: rand() < 0.9 ? '' : '按规定标准收取工本费',
    channels: fullyOnline ? ['online', 'window'] : ['window', 'online'],
    fullyOnline,
    maxOneVisit: true,
    scope: pick(rand, SCOPES),
    conditionsHtml: `<p>申请人应当符合《${dept.name}${subject.name}管理办法》规定的条件。</p>`,
    materials,
    steps: [
      { title: '申请', description: '网上或窗口提交申请材料' },
      { title: '受理', description: '材料齐全、符合法定形式的予以受理' },
      { title: '办结', description: '在承诺时限内作出决定并告知申请人' },
    ],
    legalBasisHtml: `<p>《${subject.name}管理条例》</p>`,
    faqs: [],
    phone: '027-87000000',
    popularity,
  };
}

/**
 * A synthetic catalogue in the import format: `count` items with unique names made of real
 * subject + action (+ qualifier) fragments, spread over real department names, with plausible
 * materials, time limits and popularity (a few hot items, a long tail). Past `DISTRICT_ITEMS`,
 * names also carry an applicant (外商投资企业, 港澳台居民…), up to a province's ~100,000 items.
 */
export function generateCatalogue({ count, seed = 20210601 }: GenerateOptions): CatalogueImport {
  const rand = random(seed);
  const departments: ImportDepartment[] = DEPARTMENTS.map((d) => ({
    id: d.id,
    name: d.name,
    shortName: d.shortName,
    items: [],
  }));
  if (count > maxGeneratedItems()) throw new Error(`at most ${maxGeneratedItems()} synthetic items can be generated`);
  const district = Math.min(count, DISTRICT_ITEMS, Math.floor(districtNames() * FILL));
  const names = new Set<string>();

  let made = 0;
  while (made < count) {
    const di = Math.floor(rand() * DEPARTMENTS.length);
    const dept = DEPARTMENTS[di];
    const subject = pick(rand, dept.subjects);
    const action = pick(rand, ACTIONS);
    const qualifier = action.name.includes('（')
      ? ''
      : pick(rand, subject.person ? PERSON_QUALIFIERS : BUSINESS_QUALIFIERS);
    let name = `${subject.name}${action.name}${qualifier}`;
    if (made >= district)
      name = withApplicant(name, pick(rand, subject.person ? PERSON_APPLICANTS : BUSINESS_APPLICANTS));
    if (names.has(name)) continue;
    names.add(name);
    made += 1;
    const code = `GEN-${String(di + 1).padStart(2, '0')}-${String(made).padStart(6, '0')}`;
    departments[di].items.push(makeItem(rand, dept, subject, action, name, code));
  }
  return { version: 1, departments: departments.filter((d) => d.items.length > 0) };
}
