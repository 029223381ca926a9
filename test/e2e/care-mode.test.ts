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

/** Width and height of every element the selector finds, once the first is drawn. */
async function boxesOf(selector: string): Promise<{ width: number; height: number }[]> {
  await page.locator(selector).first().waitFor();
  return page
    .locator(selector)
    .evaluateAll((els) =>
      els.map((el) => ({ width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height })),
    );
}

test('in 关怀模式 the buttons of 就近办 and of the login form are targets of at least 60 × 60 px', async () => {
  // 关怀模式 as the device remembers it (Taro's H5 storage: the app's JSON inside Taro's envelope).
  await page.goto(`${gateway.baseUrl}/api/calendar`);
  await page.evaluate(() => localStorage.setItem('hsz:care-mode', JSON.stringify({ data: 'true' })));

  await page.goto(gateway.baseUrl + '/search/more/nearby/index');
  await page.waitForSelector('.page.care');
  await page.getByText('洪山区政务服务中心').first().waitFor();
  const hallButtons = await boxesOf('.hall-cell__action');
  // 地图导航 on every hall, 拨打电话 on those with a number.
  expect(hallButtons.length).toBeGreaterThan(1);
  expect(hallButtons.filter((box) => box.width < 60 || box.height < 60)).toEqual([]);

  await page.goto(gateway.baseUrl + '/me/account/login/index');
  await page.waitForSelector('.page.care');
  for (const selector of ['.login__check', '.consent__link', '.login__resend', '.login__submit']) {
    // Named in the failure, so a small one says which it is.
    const small = (await boxesOf(selector)).filter((box) => box.width < 60 || box.height < 60);
    expect({ selector, small }).toEqual({ selector, small: [] });
  }
});
