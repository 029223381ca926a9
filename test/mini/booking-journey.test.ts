import { startGateway, type RunningGateway } from '../e2e/support/running-gateway';
import { HallOfficer, JourneyClock, hallCheckInQr } from '../e2e/support/hall-officer';
import {
  PLATFORMS,
  asPerson,
  bootApp,
  expectNothingBroke,
  signInWithPlatform,
  verifyRealName,
} from './support/journey';

/**
 * Journey: 预约取号. A verified person books a slot from an item's guide (the platform's consent
 * prompt for the appointment notice opens in the same tap), then at the hall scans its check-in QR
 * (after cancelling once and scanning a forged one) and follows the number as the officer calls it.
 */

const ITEM = 'HS-CL-0001'; // 残疾人证办理: 到现场 1 次
const HALL = 'hs-zwfw-center';
const HALL_NAME = '洪山区政务服务中心';

/** A different person per platform: an identity belongs to one account. */
const PEOPLE = {
  weapp: { name: '王芳', idNumber: '11010519491231002X' },
  alipay: { name: '李强', idNumber: '110101199003074477' },
} as const;

const TEMPLATES = { weapp: 'tmpl-appointment', alipay: 'entity-appointment' } as const;

let gateway: RunningGateway;
let officer: HallOfficer;
const clock = new JourneyClock(Date.parse('2026-12-07T10:00:00+08:00'));

beforeAll(async () => {
  gateway = await startGateway({
    h5: false,
    now: clock.now,
    notifications: {
      intervalMs: 0,
      weappTemplates: { appointment: TEMPLATES.weapp },
      alipayTemplates: { appointment: TEMPLATES.alipay },
    },
  });
  officer = new HallOfficer(gateway, clock);
});

afterAll(async () => {
  officer?.close();
  await gateway?.close();
});

describe.each(PLATFORMS)('预约取号 on %s', (platform) => {
  test('book from the guide with the consent prompt, take a number by scanning the hall QR, follow it', async () => {
    // Each platform's person books Tuesday's 09:30 and takes the number on Tuesday morning.
    clock.set('2026-12-07T10:00:00+08:00');
    const app = await bootApp(platform, gateway, { loginCode: `booking-journey-${platform}` });
    try {
      await signInWithPlatform(app);
      await verifyRealName(app, PEOPLE[platform].name, PEOPLE[platform].idNumber);

      await app.open(`/search/guide/index?code=${ITEM}`);
      await app.waitForText('预约到现场办理');
      await app.tap('预约到现场办理');
      await app.waitForText('选择大厅');
      expect(app.page.route).toBe('visit/book/index');
      expect(app.has('残疾人证办理')).toBe(true);

      await app.tap(HALL_NAME);
      await app.waitForText('12月8日 周二');
      await app.tap('12月8日 周二');
      await app.waitForText('09:30–10:00');
      await app.tap('09:30–10:00');
      await app.tap('确认预约');
      await app.waitFor(
        () => app.page.route === 'visit/mine/index' && app.has('已预约'),
        8000,
        () => `我的预约: ${app.page.route} ${app.text().slice(0, 600)}`,
      );
      // The platform's prompt was opened by the booking tap, for the appointment notice only.
      expect(app.record.subscribeRequests).toEqual([[TEMPLATES[platform]]]);
      expect(app.has('2026年12月8日 周二 09:30–10:00')).toBe(true);
      const { bookings } = await asPerson<{ bookings: { status: string }[] }>(gateway, app, 'GET', '/me/bookings');
      expect(bookings.map((b) => b.status)).toEqual(['booked']);

      // Tuesday at the hall. Closing the camera does nothing; a forged QR is refused with the reason.
      clock.set('2026-12-08T09:10:00+08:00');
      await app.tap('扫码取号');
      expect(app.record.scans).toBe(1);
      expect(app.page.route).toBe('visit/mine/index');
      expect(app.has('未识别到二维码')).toBe(false);
      const qr = hallCheckInQr(gateway, HALL);
      app.scanQueue.push(qr.replace(/s=([0-9a-f])/, (_, d: string) => `s=${d === '0' ? '1' : '0'}`));
      await app.tap('扫码取号');
      await app.waitForText('二维码无效，请扫描大厅的取号二维码');

      app.scanQueue.push(qr);
      await app.tap('扫码取号');
      await app.waitFor(
        () => app.page.route === 'visit/ticket/index' && app.has('等候中'),
        8000,
        () => `排队进度: ${app.page.route} ${app.text().slice(0, 600)}`,
      );
      // A booked number (A…), the one the gateway holds for this person today.
      const { tickets } = await asPerson<{ tickets: { number: string }[] }>(gateway, app, 'GET', '/me/hall-tickets');
      expect(tickets.map((t) => t.number)).toEqual([expect.stringMatching(/^A\d{3}$/)]);
      expect(app.has(tickets[0].number)).toBe(true);
      expect(app.has(`大厅：${HALL_NAME}`)).toBe(true);
      expect(app.has(/前面还有 \d+ 人|下一位就是您/)).toBe(true);
      expectNothingBroke(app);
    } finally {
      app.close();
    }
  });
});
