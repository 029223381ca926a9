import { Type } from '@sinclair/typebox';
import { Rating, ServiceWindow, WindowVisit } from '../../types/contract';
import { windowSignature } from '../../gateway/src/ratings/window-qr';
import { WINDOW_QR_SECRET, loadSecret } from '../../gateway/src/auth/secret-files';
import { expectError, expectOk, type TestGateway } from './support/harness';
import {
  admin,
  countRows,
  person,
  rate,
  rateOk,
  startRatingGateway,
  visitRating,
  type Person,
} from './support/ratings';

const WindowQr = Type.Object({ window: ServiceWindow, qrContent: Type.String(), svg: Type.String() });

let gw: TestGateway;
let alice: Person;
let bob: Person;
let qrA: string;

beforeAll(async () => {
  gw = await startRatingGateway({ publicBaseUrl: 'https://zwfw.example.cn/hs/' });
  alice = await person(gw, '13800000031');
  bob = await person(gw, '13800000032');
  qrA = expectOk(await admin(gw, 'GET', '/windows/FX-ZW-A01/qr'), WindowQr).qrContent;
});

afterAll(async () => {
  await gw.close();
});

const start = (who: Person, body: Record<string, unknown>) =>
  gw.request('/api/ratings/visits', { method: 'POST', token: who.token, body });

/** The gateway's window QR key (in keys/, never in the database). */
function storedSecret(): string {
  return loadSecret(gw.dataDir, WINDOW_QR_SECRET);
}

describe('windows and their QR codes', () => {
  it('looks a window up by its code (typed in any case), 404 for an unknown one', async () => {
    const expected = {
      code: 'FX-ZW-A01',
      name: '测试综合受理窗口A01',
      hallName: '测试区政务服务中心',
      departmentName: '测试公安分局',
    };
    expect(expectOk(await gw.request('/api/windows/FX-ZW-A01'), ServiceWindow)).toEqual(expected);
    expect(expectOk(await gw.request('/api/windows/fx-zw-a01'), ServiceWindow)).toEqual(expected);
    expectError(await gw.request('/api/windows/FX-ZW-Z99'), 404, 'NOT_FOUND');
  });

  it('the QR code is the rating page URL signed with the installation’s secret, also as SVG', async () => {
    const qr = expectOk(await admin(gw, 'GET', '/windows/fx-zw-a01/qr'), WindowQr);
    const sig = windowSignature(storedSecret(), 'FX-ZW-A01');
    expect(sig).toMatch(/^[0-9a-f]{16}$/);
    expect(qr.qrContent).toBe(`https://zwfw.example.cn/hs/rating/window/index?w=FX-ZW-A01&s=${sig}`);
    expect(qr.svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(qr.window.code).toBe('FX-ZW-A01');
    expectError(await admin(gw, 'GET', '/windows/NOPE-1/qr'), 404, 'NOT_FOUND');
  });

  it('without a configured public URL, the QR uses the request’s origin; the secret survives a restart', async () => {
    const other = await startRatingGateway();
    try {
      const qr = expectOk(
        await other.request('/api/admin/windows/FX-ZW-B01/qr', {
          headers: { 'x-admin-token': 'test-admin-token-0123456789' },
        }),
        WindowQr,
      );
      expect(qr.qrContent.startsWith(`${other.base}/rating/window/index?w=FX-ZW-B01&s=`)).toBe(true);
      // Another installation has another secret: this gateway's QR codes mean nothing there.
      expect(qr.qrContent.split('s=')[1]).not.toBe(windowSignature(storedSecret(), 'FX-ZW-B01'));
    } finally {
      await other.close();
    }
    const before = storedSecret();
    const dataDir = gw.dataDir;
    await gw.app.close();
    gw = await startRatingGateway({ dataDir, publicBaseUrl: 'https://zwfw.example.cn/hs/' });
    expect(storedSecret()).toBe(before);
    // Logins are in the database too: the same people carry on.
    expectOk(await gw.request('/api/windows/FX-ZW-A01'), ServiceWindow);
    expect(expectOk(await admin(gw, 'GET', '/windows/FX-ZW-A01/qr'), WindowQr).qrContent).toBe(qrA);
  });
});

describe('starting a visit (一次一评)', () => {
  it('refuses a forged, unsigned or unreadable QR code', async () => {
    const before = countRows(gw, 'window_visits');
    const forgeries = [
      qrA.replace(/s=[0-9a-f]+/, 's=0000000000000000'),
      qrA.replace(/&s=[0-9a-f]+/, ''),
      qrA.replace('w=FX-ZW-A01', 'w=FX-ZW-B01'),
      `${qrA.slice(0, -1)}${qrA.endsWith('0') ? '1' : '0'}`,
      'https://zwfw.example.cn/hs/rating/window/index',
      'http://[not a url',
      '随便写的文字',
      '',
    ];
    for (const qr of forgeries) {
      const error = expectError(await start(alice, { qr }), 400, 'VALIDATION_FAILED');
      expect({ qr, fields: error.fields }).toEqual({
        qr,
        fields: [{ field: 'qr', message: '二维码无效，请扫描窗口上的评价二维码' }],
      });
    }
    expect(countRows(gw, 'window_visits')).toBe(before);
  });

  it('needs a QR code or a window code, not both', async () => {
    expect(expectError(await start(alice, {}), 400, 'VALIDATION_FAILED').fields?.[0].field).toBe('qr');
    expectError(await start(alice, { qr: qrA, windowCode: 'FX-ZW-A01' }), 400, 'VALIDATION_FAILED');
    expectError(await start(alice, { windowCode: '   ' }), 400, 'VALIDATION_FAILED');
  });

  it('a correctly signed code of a window that does not exist is 404; so is an unknown typed code', async () => {
    const sig = windowSignature(storedSecret(), 'FX-ZW-X99');
    const qr = `https://zwfw.example.cn/hs/rating/window/index?w=FX-ZW-X99&s=${sig}`;
    expectError(await start(alice, { qr }), 404, 'NOT_FOUND');
    const error = expectError(await start(alice, { windowCode: 'FX-ZW-X99' }), 404, 'NOT_FOUND');
    expect(error.message).toBe('没有找到这个窗口，请核对窗口编号');
  });

  it('scan, rate once; the same visit is returned until rated; then 4 hours before the window can be rated again', async () => {
    const visit = expectOk(await start(alice, { qr: qrA }), WindowVisit);
    expect(visit.window).toEqual(expectOk(await gw.request('/api/windows/FX-ZW-A01'), ServiceWindow));
    expect(Date.parse(visit.expiresAt) - Date.parse(visit.startedAt)).toBe(24 * 3600 * 1000);
    // Scanning again, or typing the printed code (lower case too), resumes the same visit.
    gw.clock.advance(600);
    expect(expectOk(await start(alice, { qr: qrA }), WindowVisit)).toEqual(visit);
    expect(expectOk(await start(alice, { windowCode: ' fx-zw-a01 ' }), WindowVisit)).toEqual(visit);
    // The QR content as a mini-program receives it (percent-encoded in `q`) works too.
    expect(expectOk(await start(alice, { qr: encodeURIComponent(qrA) }), WindowVisit)).toEqual(visit);
    // Another window, another visit; another user, another visit.
    expect(expectOk(await start(alice, { windowCode: 'FX-ZW-B01' }), WindowVisit).id).not.toBe(visit.id);
    const bobs = expectOk(await start(bob, { qr: qrA }), WindowVisit);
    expect(bobs.id).not.toBe(visit.id);

    // Someone else's visit cannot be rated by me.
    expectError(await rate(gw, bob, visitRating(visit.id, 5)), 404, 'NOT_FOUND');

    const rating = await rateOk(gw, alice, visitRating(visit.id, 4, { comment: '窗口人员很耐心' }));
    expect(rating).toMatchObject({
      channel: 'onsite',
      subject: '测试综合受理窗口A01',
      departmentName: '测试公安分局',
      hallName: '测试区政务服务中心',
      level: 4,
      indicators: { serviceEfficiency: 4, serviceLevel: 4, attitude: 4 },
    });
    expect(rating.caseId).toBeUndefined();

    const again = expectError(await rate(gw, alice, visitRating(visit.id, 5)), 409, 'CONFLICT');
    expect(again.message).toBe('该次窗口服务已评价');
    const rescan = expectError(await start(alice, { qr: qrA }), 409, 'CONFLICT');
    expect(rescan.message).toBe('您已评价过本次窗口服务');
    expectError(await start(alice, { windowCode: 'FX-ZW-A01' }), 409, 'CONFLICT');

    gw.clock.advance(4 * 3600 - 1);
    expectError(await start(alice, { qr: qrA }), 409, 'CONFLICT');
    gw.clock.advance(1);
    const next = expectOk(await start(alice, { qr: qrA }), WindowVisit);
    expect(next.id).not.toBe(visit.id);
    await rateOk(gw, alice, visitRating(next.id, 5));
  });

  it('on-site indicators and reasons are the on-site ones', async () => {
    const visit = expectOk(await start(bob, { windowCode: 'FX-ZW-C01' }), WindowVisit);
    const online = {
      target: { kind: 'visit', visitId: visit.id },
      level: 5,
      indicators: { efficiency: 5, guideAccuracy: 5, convenience: 5, usability: 5 },
    };
    const error = expectError(await rate(gw, bob, online), 400, 'VALIDATION_FAILED');
    expect(error.fields?.map((f) => f.field)).toContain('indicators.attitude');
    expectError(
      await rate(gw, bob, visitRating(visit.id, 2, { reasonCodes: ['complex_system'] })),
      400,
      'VALIDATION_FAILED',
    );
    const bad = await rateOk(gw, bob, visitRating(visit.id, 2, { reasonCodes: ['long_queue', 'bad_attitude'] }));
    expect(bad.reasons).toEqual([
      { code: 'long_queue', label: '排队等候时间长' },
      { code: 'bad_attitude', label: '工作人员态度差' },
    ]);
    expect(bad.ticket?.status).toBe('verifying');
  });

  it('a visit can be rated for 24 hours', async () => {
    const carol = await person(gw, '13800000033');
    const visit = expectOk(await start(carol, { windowCode: 'FX-ZW-B01' }), WindowVisit);
    gw.clock.advance(24 * 3600);
    const error = expectError(await rate(gw, carol, visitRating(visit.id, 5)), 409, 'CONFLICT');
    expect(error.message).toMatch(/24 小时/);
    // An expired visit is not resumed: scanning again starts a new one.
    const fresh = expectOk(await start(carol, { windowCode: 'FX-ZW-B01' }), WindowVisit);
    expect(fresh.id).not.toBe(visit.id);
    expect(expectOk(await rate(gw, carol, visitRating(fresh.id, 5)), Rating).level).toBe(5);
  });

  it('needs a login', async () => {
    expectError(await gw.request('/api/ratings/visits', { method: 'POST', body: { qr: qrA } }), 401, 'UNAUTHENTICATED');
  });
});
