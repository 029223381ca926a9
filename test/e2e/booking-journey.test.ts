import type { Browser, Page } from 'playwright-core';
import { button, launchBrowser, openPhone } from './support/browser';
import { HallOfficer, JourneyClock, hallCheckInQr, walkIn } from './support/hall-officer';
import { startGateway, type RunningGateway } from './support/running-gateway';
import { signInBySms, verifyRealName } from './support/sign-in';

const MOBILE = '13900002222';
const ITEM = 'HS-CL-0001'; // 残疾人证办理: 到现场 1 次, at the district centre and the street centres
const HALL = 'hs-zwfw-center';
const HALL_NAME = '洪山区政务服务中心';

// Monday 2026-12-07, 10:00 in Hongshan: bookable from Tuesday.
const clock = new JourneyClock(Date.parse('2026-12-07T10:00:00+08:00'));
let gateway: RunningGateway;
let officer: HallOfficer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  gateway = await startGateway({ now: clock.now });
  officer = new HallOfficer(gateway, clock);
  browser = await launchBrowser();
  ({ page } = await openPhone(browser));
});

afterAll(async () => {
  officer?.close();
  await browser?.close();
  await gateway?.close();
});

/** Text on the page in front (H5 keeps the pages below it in the document, hidden). */
function seen(text: string | RegExp) {
  return page.getByText(text).filter({ visible: true }).first();
}

async function scoreAll(stars: number) {
  const rows = page.locator('.score');
  const count = await rows.count();
  for (let i = 0; i < count; i += 1)
    await rows
      .nth(i)
      .locator('.nut-rate-item')
      .nth(stars - 1)
      .click();
}

test('book a slot from the guide, take a number by the hall QR, follow the queue, get served, rate the window', async () => {
  await signInBySms(page, gateway, MOBILE);
  await verifyRealName(page, gateway, '张三', '11010519491231002X');

  // 办事指南 → 预约到现场办理.
  await page.goto(`${gateway.baseUrl}/search/guide/index?code=${ITEM}`);
  await button(page, '预约到现场办理').click();
  await page.waitForURL(/\/visit\/book\/index\?item=HS-CL-0001/);
  await page.getByRole('heading', { name: '残疾人证办理' }).waitFor();
  await seen('可预约 2026年12月8日 至').waitFor();

  // Several halls: choose the district centre, then Tuesday, then 09:30.
  await page.getByRole('radio', { name: new RegExp(HALL_NAME) }).click();
  await page.getByRole('radio', { name: /12月8日 周二/ }).click();
  const slot = page.getByRole('radio', { name: /09:30–10:00/ });
  expect(await slot.textContent()).toMatch(/余 \d+/);
  await slot.click();
  await button(page, '确认预约').click();

  // 我的预约 opens on the new booking.
  await page.waitForURL(/\/visit\/mine\/index\?booking=/);
  const card = page.locator('.visit-card--highlight');
  await card.getByText('已预约').waitFor();
  expect(await card.textContent()).toContain('2026年12月8日 周二 09:30–10:00');
  expect(await card.textContent()).toContain(HALL_NAME);
  await card.getByText('取消预约').waitFor();

  // The evening before, the reminder is in 消息, and it opens the booking.
  clock.set('2026-12-07T18:00:00+08:00');
  expect(await officer.run('booking-sweep')).toContain('发送明天的预约提醒 1 条');
  await page.goto(`${gateway.baseUrl}/me/account/messages/index`);
  const reminder = page.getByRole('link', { name: /^未读 您明天有一个预约办事/ });
  await reminder.waitFor();
  expect(await reminder.textContent()).toContain('2026年12月8日 09:30');
  await reminder.click();
  await page.waitForURL(/\/visit\/mine\/index\?booking=/);
  await page.locator('.visit-card--highlight').getByText('已预约').waitFor();

  // Tuesday 09:10 at the hall: two people took walk-in numbers before us.
  clock.set('2026-12-08T09:05:00+08:00');
  const qr = hallCheckInQr(gateway, HALL);
  expect(await walkIn(gateway, '13900003331', qr)).toBe('B001');
  expect(await walkIn(gateway, '13900003332', qr)).toBe('B002');
  clock.set('2026-12-08T09:10:00+08:00');

  // 扫码取号: the browser has no camera API, so the link read by the phone's camera is pasted.
  await page.goto(`${gateway.baseUrl}/visit/mine/index`);
  await button(page, '扫码取号').click();
  const link = page.locator('.field__input input');
  await link.fill('https://zwfw.example.cn/booking/check-in/index?h=hs-zwfw-center&s=0000000000000000');
  await page.locator('.visit-group taro-button-core', { hasText: '取号' }).click();
  await page.getByRole('alert').filter({ hasText: '二维码无效，请扫描大厅的取号二维码' }).waitFor();
  expect(page.url()).toContain('/visit/mine/index');
  await link.fill(qr);
  await page.locator('.visit-group taro-button-core', { hasText: '取号' }).click();

  // 排队进度: our booked number, due at 09:30, behind the two walk-ins.
  await page.waitForURL(/\/visit\/ticket\/index\?id=/);
  await page.locator('.ticket-number', { hasText: 'A001' }).waitFor();
  await page.getByRole('status').getByText('等候中').waitFor();
  await seen('前面还有 2 人').waitFor();
  await seen(`大厅：${HALL_NAME}`).waitFor();

  // The officer calls; the open page follows without a reload.
  expect(await officer.run('call-next', HALL, 'HS-ZW-A01')).toContain('请 B001 号到 HS-ZW-A01 窗口办理');
  await seen('前面还有 1 人').waitFor({ timeout: 15000 });
  await officer.run('call-next', HALL, 'HS-ZW-A02');
  await seen('下一位就是您，请留意叫号').waitFor({ timeout: 15000 });
  await officer.run('served', 'B001', '--hall', HALL);
  expect(await officer.run('call-next', HALL, 'HS-ZW-A01')).toContain('请 A001 号到 HS-ZW-A01 窗口办理');
  await page.getByRole('status').getByText('请到 综合受理窗口A01 办理').waitFor({ timeout: 15000 });

  expect(await officer.run('served', 'A001', '--hall', HALL)).toContain('已生成窗口服务记录');
  await page.getByRole('status').getByText('已办理').waitFor({ timeout: 15000 });
  await button(page, '评价本次服务').click();

  // 一次一评 of that window, without scanning its QR.
  await page.waitForURL(/\/rating\/window\/index\?visitId=/);
  await page.locator('.level-caption', { hasText: /^非常满意$/ }).click();
  await scoreAll(5);
  await button(page, '提交评价').click();
  await page.waitForURL(/\/rating\/detail\/index/);
  await page.locator('.rating-row__level', { hasText: '非常满意' }).waitFor();

  // 我的预约: the booking is done, and today's number is listed.
  await page.goto(`${gateway.baseUrl}/visit/mine/index`);
  await seen('今天的号码').waitFor();
  await page.locator('.section', { hasText: '残疾人证办理' }).getByText('已办理').first().waitFor();
});
