import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { miniProgramPackageSizes } from './package-size';

const root = path.resolve(__dirname, '../..');
const dist = (platform: string) => path.join(root, 'dist', platform);

/**
 * The budgets: the weapp main package ≤ 1.7× the bench's floor (281.5 KiB since the minifier keeps
 * Chinese as UTF-8; `npm run bench -- --only packages` prints it) with NutUI on the tabs,
 * as the design-system issue restated it (the performance issue had held it at 420 KiB, 1.5×,
 * without NutUI; WeChat's hard limit is 2 MB); every subpackage ≤ 200 KiB. Only the tabs live in
 * the main package, and every cold start downloads it.
 */
const FLOOR_MAIN_KIB = 281.5;
const WEAPP_MAIN_BUDGET = Math.floor(1.7 * FLOOR_MAIN_KIB * 1024);
const SUBPACKAGE_BUDGET = 200 * 1024;

const PAGE_FILES = {
  weapp: ['.js', '.json', '.wxml'],
  alipay: ['.js', '.json', '.axml'],
} as const;

describe.each(Object.keys(PAGE_FILES) as (keyof typeof PAGE_FILES)[])('%s build', (platform) => {
  const dir = dist(platform);
  const appJson = () =>
    JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8')) as {
      pages: string[];
      tabBar?: { list?: { pagePath: string }[]; items?: { pagePath: string }[] };
      subPackages?: { root: string; pages: string[] }[];
    };

  test('has every page of the app config, with its files', () => {
    expect(existsSync(path.join(dir, 'app.json'))).toBe(true);
    const app = appJson();
    expect(app.pages).toEqual(expect.arrayContaining(['search/home/index', 'search/results/index', 'me/index/index']));
    const pages = [
      ...app.pages,
      ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`)),
    ];
    for (const page of pages) {
      for (const ext of PAGE_FILES[platform]) {
        expect({ page, ext, exists: existsSync(path.join(dir, page + ext)) }).toEqual({ page, ext, exists: true });
      }
    }
    // Later capabilities live in subpackages, outside the main package.
    expect((app.subPackages ?? []).map((sp) => sp.root.replace(/\/$/, ''))).toEqual(
      expect.arrayContaining(['search/guide', 'rating', 'commitment', 'prereview']),
    );
    // WeChat calls the tab list `list`, Alipay `items`.
    const tabs = app.tabBar?.list ?? app.tabBar?.items ?? [];
    expect(tabs.map((t) => t.pagePath)).toEqual(['search/home/index', 'search/results/index', 'me/index/index']);
  });

  test('main package and subpackages stay within budget', () => {
    const sizes = miniProgramPackageSizes(dir);
    expect(sizes.main).toBeLessThan(WEAPP_MAIN_BUDGET);
    for (const [subRoot, bytes] of Object.entries(sizes.subpackages)) {
      expect({ subRoot, withinBudget: bytes < SUBPACKAGE_BUDGET }).toEqual({ subRoot, withinBudget: true });
    }
  });

  test('bundles no secret and no gateway code', () => {
    const app = readFileSync(path.join(dir, 'app.js'), 'utf8') + readFileSync(path.join(dir, 'vendors.js'), 'utf8');
    expect(app).not.toMatch(/WEAPP_SECRET|ALIPAY_PRIVATE_KEY|better-sqlite3|fastify/);
  });
});

test('h5 build has an index page and hashed assets', () => {
  const html = readFileSync(path.join(dist('h5'), 'index.html'), 'utf8');
  expect(html).toContain('<title>洪山掌上办</title>');
  expect(html).toMatch(/\/js\/app\.[0-9a-f]{8}\.js/);
});
