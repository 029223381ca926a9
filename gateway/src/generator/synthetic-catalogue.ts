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
  BUSINESS_QUALIFIERS,
  DEPARTMENTS,
  PERSON_MATERIALS,
  PERSON_QUALIFIERS,
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

/**
 * A synthetic catalogue in the import format: `count` items with unique names made of real
 * subject + action (+ qualifier) fragments, spread over real department names, with plausible
 * materials, time limits and popularity (a few hot items, a long tail).
 */
export function generateCatalogue({ count, seed = 20210601 }: GenerateOptions): CatalogueImport {
  const rand = random(seed);
  const departments: ImportDepartment[] = DEPARTMENTS.map((d) => ({
    id: d.id,
    name: d.name,
    shortName: d.shortName,
    items: [],
  }));
  const names = new Set<string>();
  // Distinct names possible: bracketed actions take no qualifier; both qualifier lists have the same length.
  const perSubject = ACTIONS.reduce((n, a) => n + (a.name.includes('（') ? 1 : PERSON_QUALIFIERS.length), 0);
  const combos = DEPARTMENTS.reduce((n, d) => n + d.subjects.length, 0) * perSubject;
  // Drawing at random slows down near the limit; stay well under it.
  if (count > combos * 0.8) throw new Error(`at most ${Math.floor(combos * 0.8)} synthetic items can be generated`);

  let made = 0;
  while (made < count) {
    const di = Math.floor(rand() * DEPARTMENTS.length);
    const dept = DEPARTMENTS[di];
    const subject = pick(rand, dept.subjects);
    const action = pick(rand, ACTIONS);
    const qualifier = action.name.includes('（')
      ? ''
      : pick(rand, subject.person ? PERSON_QUALIFIERS : BUSINESS_QUALIFIERS);
    const name = `${subject.name}${action.name}${qualifier}`;
    if (names.has(name)) continue;
    names.add(name);
    made += 1;

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
    const item: ImportItem = {
      code: `GEN-${String(di + 1).padStart(2, '0')}-${String(made).padStart(6, '0')}`,
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
    departments[di].items.push(item);
  }
  return { version: 1, departments: departments.filter((d) => d.items.length > 0) };
}
