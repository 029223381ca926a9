import type { Browser, Page } from 'playwright-core';
import { appPages } from './support/app-pages';
import { launchBrowser, openPhone } from './support/browser';
import { nutuiDefaultReds } from './support/nutui-reds';
import { elementsPaintedIn } from './support/page-checks';
import { startGateway, type RunningGateway } from './support/running-gateway';

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
    found.push(...(await elementsPaintedIn(page, reds)).map((hit) => `${route}: ${hit.element} ${hit.detail}`));
  }
  expect(found).toEqual([]);
});
