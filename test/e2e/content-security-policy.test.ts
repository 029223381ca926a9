import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhone } from './support/browser';
import { nextCspViolations, takeCspViolations } from './support/csp-watch';
import { startGateway, type RunningGateway } from './support/running-gateway';
import { signInBySms } from './support/sign-in';

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

test('home, search and a logged-in page run under the gateway’s policy without one violation', async () => {
  const home = await page.goto(`${gateway.baseUrl}/`);
  // The policy is on, and strict: the checks below would prove nothing without it.
  const policy = home?.headers()['content-security-policy'] ?? '';
  const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  // 'self', the build's inline script by its hash, and the tab bar's `javascript:;` by its hash only.
  expect(scriptSrc).toMatch(/^'self' 'sha256-[^']+' 'unsafe-hashes' 'sha256-[^']+'$/);
  await page.getByText('热门事项').waitFor();
  // Taro's inline script ran (it sets the rem base on <html>): allowed by its hash.
  expect(await page.evaluate(() => document.documentElement.style.fontSize)).toMatch(/px$/);

  await page.goto(`${gateway.baseUrl}/search/results/index?q=${encodeURIComponent('结婚登记')}`);
  await page.getByText(/共找到 \d+ 个事项/).waitFor();
  await page.locator('.item-card').first().click();
  await page.waitForURL(/\/search\/guide\/index\?code=/);
  await page.getByText('法定时限').waitFor();

  await signInBySms(page, gateway, '13812340901');
  await page.goto(`${gateway.baseUrl}/me/account/cases/index`);
  await page.waitForLoadState('networkidle');
  // By the tab bar, whose items are Taro's <a href="javascript:;">: following one must not be refused.
  await page.goto(`${gateway.baseUrl}/search/home/index`);
  await page.getByText('热门事项').waitFor();
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await page.waitForURL(/\/me\/index\/index/);
  await page.getByText('退出登录').waitFor();
  // Late violations (lazy chunks, styles added after the first render) reach the listener too.
  await page.waitForTimeout(500);
  expect(takeCspViolations()).toEqual([]);
});

test('the watch catches a violation: an inline script added to the page is refused and reported', async () => {
  await page.goto(`${gateway.baseUrl}/`);
  await page.getByText('热门事项').waitFor();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.appendChild(script);
  });
  const violations = await nextCspViolations();
  expect(violations.some((v) => /script-src/.test(v))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
