import type { Browser, Page } from 'playwright-core';
import { button, launchBrowser, openPhone } from './support/browser';
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

/**
 * Opens the home tab from another tab, so that its data is asked of the gateway (opened by its
 * own address, the page comes with the home data written in, and nothing would be asked).
 */
async function openHomeInApp() {
  await page.goto(gateway.baseUrl + '/me/index/index');
  await page.locator('.weui-tabbar__label', { hasText: '首页' }).click();
}

test('malformed JSON from the gateway shows a clear message and a retry that recovers', async () => {
  await page.route('**/api/home', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok": tru' }),
  );
  await openHomeInApp();
  await page.getByText('服务返回的数据无法识别，请稍后重试').waitFor({ timeout: 20000 });
  await page.unroute('**/api/home');
  await button(page, '重试').click();
  await page.getByText('热门事项').waitFor();
  expect(await page.locator('.state--error').count()).toBe(0);
});

test('a gateway that cannot be reached shows a network message with a retry', async () => {
  await page.route('**/api/home', (route) => route.abort('connectionrefused'));
  await openHomeInApp();
  await page.getByText('网络连接失败，请检查网络后重试').waitFor({ timeout: 20000 });
  await page.unroute('**/api/home');
  await button(page, '重试').click();
  await page.getByText('热门事项').waitFor();
});

test('an unknown item code shows "not found" with a way back to search', async () => {
  await page.goto(gateway.baseUrl + '/search/guide/index?code=NO-SUCH-ITEM');
  await page.getByText('未找到该事项').waitFor();
  await button(page, '去搜索').click();
  await page.waitForURL(/\/search\/results\/index/);
});
