import type { Browser, Page } from 'playwright-core';
import { button, launchBrowser, openPhone } from './support/browser';
import { startGateway, type RunningGateway } from './support/running-gateway';
import { signInBySms, submitSmsLogin } from './support/sign-in';

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

const MOBILE = '13812345678';

test('favouriting a guide asks to log in by SMS code, then brings the user back and keeps the favourite', async () => {
  const search = (await (await fetch(`${gateway.baseUrl}/api/search?q=${encodeURIComponent('结婚登记')}`)).json()) as {
    data: { hits: { item: { code: string; name: string } }[] };
  };
  const item = search.data.hits[0].item;

  await page.goto(`${gateway.baseUrl}/search/guide/index?code=${item.code}`);
  await button(page, '☆ 收藏').click();
  await page.waitForURL(/\/me\/account\/login\/index/);

  await page.locator('input[placeholder="请输入11位手机号码"]').fill(MOBILE);
  await button(page, '获取验证码').click();
  // Consent comes before any personal data is sent.
  await page.getByText('请先阅读并同意《隐私政策》').waitFor();
  expect(gateway.smsCodes.has(MOBILE)).toBe(false);

  await page.locator('.login__check').click();
  await button(page, '获取验证码').click();
  await page.getByText(/\d+秒后重发/).waitFor();
  const code = gateway.smsCodes.get(MOBILE);
  expect(code).toMatch(/^\d{6}$/);

  await page.locator('input[placeholder="6位验证码"]').fill('000000' === code ? '111111' : '000000');
  await page.locator('.login__submit').click();
  // The gateway's answer, under the code.
  await page.locator('.nut-form-item-body-tips', { hasText: '验证码不正确' }).waitFor();

  await page.locator('input[placeholder="6位验证码"]').fill(code ?? '');
  await page.locator('.login__submit').click();
  await page.waitForURL(/\/search\/guide\/index/);

  await button(page, '☆ 收藏').click();
  await page.getByText('★ 已收藏').waitFor();
  await page.getByRole('status').getByText('已收藏，可在“我的收藏”中找到').waitFor();

  await page.goto(`${gateway.baseUrl}/me/account/favourites/index`);
  await page.locator('.favourite__name', { hasText: item.name }).waitFor();

  await page.goto(`${gateway.baseUrl}/me/index/index`);
  await page.getByText('手机号 138****5678').waitFor();
  expect(await page.content()).not.toContain(MOBILE);
});

test('a session the gateway no longer honours sends the user to log in, says why, and brings them back', async () => {
  await signInBySms(page, gateway, '13812345679');
  // Tokens the gateway never issued: the call fails, the refresh fails, the session is over.
  // Written from a page of the same origin that is not the app, so no app code still running
  // (the 我的 tab loading the user) can write the real ones back over them.
  await page.goto(`${gateway.baseUrl}/api/calendar`);
  await page.evaluate(() => {
    const forged = { accessToken: 'forged', refreshToken: 'forged', accessExpiresAt: Date.now() + 3_600_000 };
    localStorage.setItem('hsz:session.tokens', JSON.stringify({ data: JSON.stringify(forged) }));
  });
  await page.goto(`${gateway.baseUrl}/me/account/cases/index`);

  await page.waitForURL(/\/me\/account\/login\/index\?.*reason=expired/);
  await page.getByRole('status').getByText('登录已过期，请重新登录').waitFor();
  expect(await page.evaluate(() => localStorage.getItem('hsz:session.tokens'))).toBeNull();

  // Another number: the first one may not ask for a new code within a minute.
  await submitSmsLogin(page, gateway, '13812345670');
  await page.waitForURL(/\/me\/account\/cases\/index/);
  await page.getByText('还没有办件').waitFor();
});
