import { startGateway, type RunningGateway } from '../e2e/support/running-gateway';
import { admin } from '../e2e/support/sign-in';
import type { MiniApp } from './runtime/mini-app';
import {
  PLATFORMS,
  asPerson,
  bootApp,
  expectNothingBroke,
  onlyOne,
  signInWithPlatform,
  verifyRealName,
} from './support/journey';

/**
 * Journey 5: 好差评 at the counter. A signed-in, verified person opens 我的评价 (empty), goes on to
 * rate a window, scans the QR code printed on the counter (after cancelling once and scanning a
 * forged one), gives a 差评 with reasons and a comment, taps submit twice, and finds the
 * rectification ticket on the rating and in 我的评价.
 */

const WINDOW_CODE = 'HS-ZW-B01'; // 公安户政窗口, in the district hall
const WINDOW_NAME = '公安户政窗口';
const COMMENT = '排队等了一个小时，叫号系统故障<b>无人处理</b>';

/** A different person per platform: an identity belongs to one account. */
const PEOPLE = {
  weapp: { name: '王芳', idNumber: '11010519491231002X' },
  alipay: { name: '李强', idNumber: '110101199003074477' },
} as const;

interface WindowQr {
  qrContent: string;
}

interface MyRatings {
  ratings: { id: string; subject: string; level: number; ticket?: { status: string } }[];
}

let gateway: RunningGateway;
let printedQr: string;

beforeAll(async () => {
  gateway = await startGateway({ h5: false });
  // What is printed on the counter: the same content `npm run gateway:admin -- window-qr` gives.
  printedQr = (await admin<WindowQr>(gateway, 'GET', `/admin/windows/${WINDOW_CODE}/qr`)).qrContent;
});

afterAll(async () => {
  await gateway?.close();
});

/** Gives every indicator of the form the same number of stars, tapping a star as a finger would. */
async function scoreAll(app: MiniApp, stars: number): Promise<void> {
  const rows = app.findByAttribute('class', 'score').length;
  expect(rows).toBeGreaterThan(0);
  for (let row = 0; row < rows; row += 1) {
    // Found again on every pass: a tap re-renders the form.
    const scoreRow = app.findByAttribute('class', 'score')[row];
    const starsOfRow = app
      .findByAttribute('class', /^nut-rate-item( |$)/)
      .filter((star) => star.ancestors.includes(scoreRow.data));
    expect(starsOfRow).toHaveLength(5);
    await app.tap(starsOfRow[stars - 1]);
  }
  expect(app.has('未打分')).toBe(false);
}

describe.each(PLATFORMS)('好差评 on %s', (platform) => {
  test('a person scans the counter’s QR code, gives a 差评 with reasons and follows its rectification', async () => {
    const app = await bootApp(platform, gateway, { loginCode: `rating-journey-${platform}` });
    try {
      await signInWithPlatform(app);
      await verifyRealName(app, PEOPLE[platform].name, PEOPLE[platform].idNumber);

      // 我的评价 is empty and leads on to rating a window.
      await app.open('/rating/mine/index');
      await app.waitForText('还没有评价');
      await app.tap('评价窗口服务');
      await app.waitForText('扫码评价');
      expect(app.page.route).toBe('rating/window/index');

      // Closing the camera is a choice: nothing is said, nothing starts.
      await app.tap('扫码评价');
      expect(app.record.scans).toBe(1);
      expect(app.record.toasts).not.toContain('未识别到二维码，可输入窗口编号');
      expect(app.has('总体满意程度')).toBe(false);

      // A QR code that is not this gateway's (a signature changed by one digit) is refused, and says so.
      const forged = printedQr.replace(/s=([0-9a-f])/, (_, digit: string) => `s=${digit === '0' ? '1' : '0'}`);
      expect(forged).not.toBe(printedQr);
      app.scanQueue.push(forged);
      await app.tap('扫码评价');
      await app.waitForText('二维码无效，请扫描窗口上的评价二维码');
      expect(app.has('总体满意程度')).toBe(false);

      // The printed code opens the visit at that window.
      app.scanQueue.push(printedQr);
      await app.tap('扫码评价');
      await app.waitForText('总体满意程度');
      expect(app.has(WINDOW_NAME)).toBe(true);
      expect(app.has(`窗口编号 ${WINDOW_CODE}`)).toBe(true);

      // A 差评 needs a reason and a sentence: nothing is sent without them.
      await app.tap('不满意');
      expect(app.has('已选：不满意')).toBe(true);
      await scoreAll(app, 2);
      await app.tap('提交评价');
      expect(app.has('请至少选择一项不满意的原因')).toBe(true);
      expect(app.has(/请写下不满意的具体情况/)).toBe(true);
      expect((await asPerson<MyRatings>(gateway, app, 'GET', '/me/ratings')).ratings).toHaveLength(0);

      const firstReason = app.findByAttribute('class', /(^| )rating-reason( |$)/)[0];
      await app.tap(firstReason);
      // Its render may come a turn after the tap.
      await app.waitFor(
        () => app.findByAttribute('class', /(^| )nut-checkbox-active( |$)/).length === 1,
        4000,
        () => `one reason ticked: ${app.findByAttribute('class', /(^| )nut-checkbox-active( |$)/).length}`,
      );
      await app.type(
        onlyOne(app.findByAttribute('placeholder', '请写下遇到的问题，便于核实整改'), 'comment textarea'),
        COMMENT,
      );

      // Two quick taps on submit: one rating.
      const submit = app.find('提交评价');
      app.dispatch(submit, 'tap', { x: 10, y: 10 });
      app.dispatch(submit, 'tap', { x: 10, y: 10 });
      await app.settle();
      await app.waitFor(
        () => app.page.route === 'rating/detail/index' && app.has('差评整改'),
        8000,
        () => `the rating's page: ${app.page.route} ${app.text()}`,
      );
      await app.waitForText(/核实（进行中）/);
      // The comment is shown as typed: markup stays text.
      expect(app.texts()).toContain(COMMENT);

      const mine = (await asPerson<MyRatings>(gateway, app, 'GET', '/me/ratings')).ratings;
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ subject: expect.stringContaining(WINDOW_NAME), level: 2 });
      expect(mine[0].ticket?.status).toBe('verifying');

      // The officers see the ticket; 我的评价 shows where it stands.
      const { tickets } = await admin<{ tickets: { rating: { id: string } }[] }>(gateway, 'GET', '/admin/tickets');
      expect(tickets.some((ticket) => ticket.rating.id === mine[0].id)).toBe(true);
      await app.open('/rating/mine/index');
      await app.waitForText(/差评整改： 核实 · 期限/);
      expect(app.has(WINDOW_NAME)).toBe(true);
      expect(app.has('一次一评')).toBe(true);

      expectNothingBroke(app);
    } finally {
      app.close();
    }
  });
});
