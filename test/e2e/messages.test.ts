import type { Browser, Page } from 'playwright-core';
import { button, launchBrowser, openPhone } from './support/browser';
import { startGateway, type RunningGateway } from './support/running-gateway';
import { admin, signInBySms } from './support/sign-in';

let gateway: RunningGateway;
let browser: Browser;
let page: Page;

const MOBILE = '13900002222';

beforeAll(async () => {
  gateway = await startGateway();
  browser = await launchBrowser();
  ({ page } = await openPhone(browser));
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

test('an officer accepts a case: 我的 counts it unread, 消息 shows it and opens the case, then it is read', async () => {
  await signInBySms(page, gateway, MOBILE);
  const found = (await (await fetch(`${gateway.baseUrl}/api/search?q=${encodeURIComponent('结婚登记')}`)).json()) as {
    data: { hits: { item: { code: string } }[] };
  };
  const created = await admin<{ id: string }>(gateway, 'POST', '/admin/cases', {
    mobile: MOBILE,
    itemCode: found.data.hits[0].item.code,
    status: 'prereview_passed',
  });
  await admin(gateway, 'POST', `/admin/cases/${created.id}/actions`, { action: 'accept', note: '请于3个工作日内领取' });

  await page.goto(`${gateway.baseUrl}/me/index/index`);
  await page.getByRole('link', { name: '消息 · 1 条未读 ›' }).click();
  await page.waitForURL(/\/me\/account\/messages\/index/);
  const message = page.locator('.message', { hasText: '您的办件已受理' });
  await message.waitFor();
  expect(await message.textContent()).toContain('结婚登记');
  await page.getByRole('link', { name: /^未读 您的办件已受理/ }).waitFor();
  await button(page, '全部标为已读（1 条未读）').waitFor();

  // Opening it marks it read at the gateway (the reload below must not cut that request off).
  const marked = page.waitForResponse((r) => /\/api\/me\/notifications\/[^/]+\/read$/.test(r.url()));
  await message.click();
  expect((await marked).status()).toBe(200);
  await page.waitForURL(new RegExp(`/prereview/case/index\\?id=${created.id}`));
  // H5 keeps 消息 in the document, hidden, under the case page: the item's name on the page in front.
  await page.getByText('结婚登记').filter({ visible: true }).first().waitFor();

  await page.goto(`${gateway.baseUrl}/me/index/index`);
  await page.getByRole('link', { name: '消息 ›' }).waitFor();
  await page.goto(`${gateway.baseUrl}/me/account/messages/index`);
  await page.getByRole('link', { name: /^您的办件已受理/ }).waitFor();
  expect(await page.getByRole('img', { name: '未读' }).count()).toBe(0);
  expect(await page.getByText(/全部标为已读/).count()).toBe(0);
});

test('on H5 the SMS copy of 办件进度通知 can be switched off, and stays off', async () => {
  await page.goto(`${gateway.baseUrl}/me/account/messages/index`);
  await page.getByText('消息推送（短信）').waitFor();
  const caseStatus = page.getByRole('switch', { name: '办件进度通知' });
  expect(await caseStatus.getAttribute('aria-checked')).toBe('true');
  await caseStatus.click();
  await page.getByText('已关闭短信，仅在“消息”中查看').waitFor();

  await page.reload();
  await page.getByText('消息推送（短信）').waitFor();
  expect(await page.getByRole('switch', { name: '办件进度通知' }).getAttribute('aria-checked')).toBe('false');
});
