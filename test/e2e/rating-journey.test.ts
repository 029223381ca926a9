import type { Browser, Page } from 'playwright-core';
import { button, launchBrowser, openPhone } from './support/browser';
import { startGateway, type RunningGateway } from './support/running-gateway';
import { admin, signInBySms, verifyRealName } from './support/sign-in';

let gateway: RunningGateway;
let browser: Browser;
let page: Page;

const MOBILE = '13900001111';
const WINDOW_CODE = 'HS-ZW-B01'; // 公安户政窗口, in the district hall

beforeAll(async () => {
  gateway = await startGateway();
  browser = await launchBrowser();
  ({ page } = await openPhone(browser));
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

/** Gives every indicator of the form the same number of stars. */
async function scoreAll(stars: number) {
  const rows = page.locator('.score');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1)
    await rows
      .nth(i)
      .locator('.nut-rate-item')
      .nth(stars - 1)
      .click();
}

test('rate a finished case, give a window a 差评, follow its rectification and rate it; public figures follow', async () => {
  await signInBySms(page, gateway, MOBILE);
  await verifyRealName(page, gateway, '张三', '11010519491231002X');

  // 一事一评: an officer completes a case; the applicant rates it from 我的办件.
  const found = (await (await fetch(`${gateway.baseUrl}/api/search?q=${encodeURIComponent('结婚登记')}`)).json()) as {
    data: { hits: { item: { code: string } }[] };
  };
  await admin(gateway, 'POST', '/admin/cases', {
    mobile: MOBILE,
    itemCode: found.data.hits[0].item.code,
    status: 'completed',
  });
  await page.goto(`${gateway.baseUrl}/me/account/cases/index`);
  await page.getByText('结婚登记').first().waitFor();
  await button(page, '去评价').click();
  await page.waitForURL(/\/rating\/case\/index/);
  // The five levels are a slider for the keyboard and screen readers: End is 非常满意.
  const level = page.getByRole('slider', { name: '总体满意程度' });
  await level.focus();
  await page.keyboard.press('End');
  expect(await level.getAttribute('aria-valuetext')).toBe('非常满意');
  await page.getByText('已选：非常满意').waitFor();
  await scoreAll(5);
  await button(page, '提交评价').click();
  await page.waitForURL(/\/rating\/detail\/index/);
  await page.locator('.rating-row__level', { hasText: '非常满意' }).waitFor();

  // Nothing from 公安 rated yet: the public page says so.
  await page.goto(`${gateway.baseUrl}/rating/stats/index`);
  await page.locator('.stats-row__name').first().waitFor();
  expect(await page.locator('.stats-row', { hasText: '武汉市公安局洪山区分局' }).count()).toBe(0);

  // 一次一评 by the window code printed under the counter's QR code.
  await page.goto(`${gateway.baseUrl}/rating/window/index`);
  await page.locator('.field__input input').fill(WINDOW_CODE.toLowerCase());
  await button(page, '开始评价').click();
  await page.getByText('公安户政窗口', { exact: false }).first().waitFor();
  await page.locator('.level-caption', { hasText: /^不满意$/ }).click();
  expect(await page.getByRole('slider', { name: '总体满意程度' }).getAttribute('aria-valuenow')).toBe('2');
  await scoreAll(2);
  await button(page, '提交评价').click();
  // A 差评 needs a reason and a sentence; nothing is sent without them.
  await page.getByText('请至少选择一项不满意的原因').waitFor();
  await page.getByText(/请写下不满意的具体情况/).waitFor();
  const reason = page.getByRole('checkbox').first();
  await reason.click();
  expect(await reason.getAttribute('aria-checked')).toBe('true');
  await page.locator('.rating-form__comment textarea').fill('排队等了一个小时，叫号系统故障<b>无人处理</b>');
  await button(page, '提交评价').click();
  await page.waitForURL(/\/rating\/detail\/index/);
  const ratingId = new URL(page.url()).searchParams.get('id') ?? '';
  await page.getByText('差评整改', { exact: true }).waitFor();
  await page.getByText('核实（进行中）').waitFor();
  // The comment is shown as typed: markup stays text.
  await page.getByText('排队等了一个小时，叫号系统故障<b>无人处理</b>').waitFor();
  expect(await page.locator('.rating-comment b').count()).toBe(0);

  // Officers verify and rectify through the admin API.
  const { tickets } = await admin<{ tickets: { ticket: { id: string }; rating: { id: string } }[] }>(
    gateway,
    'GET',
    '/admin/tickets',
  );
  const ticket = tickets.find((t) => t.rating.id === ratingId);
  expect(ticket).toBeDefined();
  const ticketId = ticket?.ticket.id ?? '';
  await admin(gateway, 'POST', `/admin/tickets/${ticketId}/advance`, {
    to: 'rectifying',
    note: '经核实，当日叫号系统故障约一小时',
  });
  await admin(gateway, 'POST', `/admin/tickets/${ticketId}/advance`, {
    to: 'revisiting',
    note: '已修复叫号系统并增设高峰期备用窗口，工作人员已电话回访',
  });

  await page.reload();
  await page.getByText('回访（进行中）').waitFor();
  await page.getByText(/整改结果：已修复叫号系统/).waitFor();
  await page.getByRole('radio', { name: '满意', exact: true }).click();
  await button(page, '提交整改评价').click();
  await page.getByText('您对整改的评价：满意').waitFor();

  // 我的评价 lists both; the public figures now count the window's department.
  await page.goto(`${gateway.baseUrl}/rating/mine/index`);
  await page.locator('.rating-row__subject').nth(1).waitFor();
  expect(await page.locator('.rating-row__subject').count()).toBe(2);

  await page.goto(`${gateway.baseUrl}/rating/stats/index`);
  const row = page.locator('.stats-row', { hasText: '武汉市公安局洪山区分局' }).first();
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  expect(text).toContain('评价 1 次');
  expect(text).toContain('差评 1 次');
  expect(text).toContain('满意率 0.0%');
  expect(text).toContain('差评按期整改 100.0%');
  expect(await page.content()).not.toContain(MOBILE);
});
