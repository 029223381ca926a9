import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhone } from './support/browser';
import { startGateway, type RunningGateway } from './support/running-gateway';

/**
 * Every colour NutUI falls back to for its primary and danger variables (its JD reds and pinks),
 * read from its own stylesheets, as `rgb(r, g, b)`: none may be drawn anywhere in the app.
 */
function nutuiDefaultReds(): string[] {
  const packages = path.resolve(__dirname, '../../node_modules/@nutui/nutui-react-taro/dist/es/packages');
  const found = new Set<string>();
  for (const name of readdirSync(packages)) {
    let css: string;
    try {
      css = readFileSync(path.join(packages, name, 'style/style.css'), 'utf8');
    } catch {
      continue;
    }
    for (const [, hex] of css.matchAll(/var\(--nutui-color-(?:primary|danger)[a-z0-9-]*,\s*#([0-9a-fA-F]{6})\)/g)) {
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
      found.add(`rgb(${r}, ${g}, ${b})`);
    }
  }
  return [...found];
}

/** Every page of the app, as app.config.ts lists them. */
function appPages(): string[] {
  (globalThis as { defineAppConfig?: unknown }).defineAppConfig = (config: unknown) => config;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('../../src/app.config') as { default: AppPages }).default;
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
}
type AppPages = { pages: string[]; subPackages: { root: string; pages: string[] }[] };

let gateway: RunningGateway;
let browser: Browser;
let page: Page;
const reds = nutuiDefaultReds();

beforeAll(async () => {
  gateway = await startGateway();
  browser = await launchBrowser();
  ({ page } = await openPhone(browser));
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

/** Elements drawn in one of `colours` (text, background, gradient or border), described for a failure. */
async function elementsIn(colours: string[]): Promise<string[]> {
  return page.evaluate((forbidden) => {
    const hits: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const style = getComputedStyle(element);
      const painted = [
        style.color,
        style.backgroundColor,
        style.backgroundImage,
        style.borderTopColor,
        style.borderBottomColor,
        style.borderLeftColor,
        style.borderRightColor,
      ].join(' ');
      const match = forbidden.find((colour) => painted.includes(colour));
      if (match) hits.push(`${element.tagName.toLowerCase()}.${element.className} ${match}`);
    }
    return hits;
  }, colours);
}

test('NutUI’s default reds are found in its stylesheets (the check below can see them)', () => {
  expect(reds).toContain('rgb(255, 15, 35)');
});

test.each([false, true])('no page draws a NutUI default red, logged out (关怀模式: %s)', async (care) => {
  if (care) {
    await page.goto(`${gateway.baseUrl}/me/index/index`);
    await page.getByRole('switch', { name: '关怀模式' }).click();
    await page.waitForSelector('.page.care');
  }
  const found: string[] = [];
  for (const route of appPages()) {
    await page.goto(`${gateway.baseUrl}/${route}`);
    await page.waitForSelector('.page');
    await page.waitForLoadState('networkidle');
    found.push(...(await elementsIn(reds)).map((hit) => `${route}: ${hit}`));
  }
  expect(found).toEqual([]);
});
