import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhone } from './support/browser';
import { startGateway, type RunningGateway } from './support/running-gateway';

let gateway: RunningGateway;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  gateway = await startGateway();
  browser = await launchBrowser();
  ({ page } = await openPhone(browser));
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

const fontSizeOf = (selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('关怀模式 makes text at least 18 px app-wide and is remembered', async () => {
  await page.goto(gateway.baseUrl + '/');
  await page.getByText('热门事项').waitFor();
  const before = await fontSizeOf('.page');

  await page.goto(gateway.baseUrl + '/me/index/index');
  await page.getByText('关怀模式').waitFor();
  // Found as a screen reader finds it: a switch named 关怀模式.
  await page.getByRole('switch', { name: '关怀模式' }).click();
  await page.waitForSelector('.page.care');

  await page.goto(gateway.baseUrl + '/');
  await page.waitForSelector('.page.care');
  await page.getByText('热门事项').waitFor();
  const after = await fontSizeOf('.page');
  expect(after).toBeGreaterThanOrEqual(18);
  expect(after).toBeGreaterThan(before);
  // Section headings grow too, and chips become ≥ 60 px tap targets (MIIT 适老化).
  expect(await fontSizeOf('.section__title')).toBeGreaterThan(after);
  const chipHeight = await page
    .locator('.chip')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);
  expect(chipHeight).toBeGreaterThanOrEqual(60);
});
