import { startGateway, type RunningGateway } from '../e2e/support/running-gateway';
import type { MiniApp } from './runtime/mini-app';
import { PLATFORMS, asPerson, bootApp, expectNothingBroke, onlyOne, signInWithPlatform } from './support/journey';
import type { Platform } from './runtime/mini-app';

/**
 * Journey 6: the network a resident really has. The gateway down, an answer cut in the middle, an
 * answer slower than the app waits: each page says what happened in Chinese, offers to try again,
 * recovers when the network does, loses nothing that was typed, and leaves no uncaught error.
 */

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const MALFORMED_MESSAGE = '服务返回的数据无法识别，请稍后重试';

let gateway: RunningGateway;

/** One person per platform: a verified identity belongs to one account. */
const ID_NUMBER: Record<Platform, string> = { weapp: '11010519491231002X', alipay: '110101199003074477' };

beforeAll(async () => {
  gateway = await startGateway({ h5: false });
});

afterAll(async () => {
  await gateway?.close();
});

/** Every request of the app goes nowhere, as with the gateway down or the phone offline. */
function goOffline(app: MiniApp): void {
  app.bridge.condition = () => ({ kind: 'offline' });
}

function goOnline(app: MiniApp): void {
  app.bridge.condition = () => ({ kind: 'normal' });
}

/**
 * Waits until the page shows the text while a request may still be on the wire (`waitForText` would
 * also wait for the network to go quiet).
 */
async function seenWhileWaiting(app: MiniApp, text: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.has(text)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe.each(PLATFORMS)('a failing network on %s', (platform) => {
  test('with the gateway down, the home page says so and its retry recovers; a form sent offline keeps what was typed', async () => {
    const app = await bootApp(platform, gateway, { loginCode: `network-${platform}` });
    try {
      await app.open('/me/index/index');
      await app.waitForText('您还未登录');

      goOffline(app);
      await app.tapTab('首页');
      // The query tries twice more on its own before it gives up and says so.
      await app.waitForText(NETWORK_MESSAGE, 15000);
      expect(app.has('出错了')).toBe(true);
      expect(app.has('热门事项')).toBe(false);
      expect(app.bridge.log.filter((entry) => entry.url.endsWith('/api/home'))).toHaveLength(3);

      goOnline(app);
      await app.tap('重试');
      await app.waitForText('热门事项');
      expect(app.has('出错了')).toBe(false);

      // 实名认证 sent while offline: the message, the fields as typed, nothing half-done.
      await signInWithPlatform(app);
      await app.open('/me/account/real-name/index');
      await app.waitForText('提交认证');
      const nameInput = () => onlyOne(app.findByAttribute('placeholder', '与身份证一致'), 'name input');
      const idInput = () => onlyOne(app.findByAttribute('placeholder', '18位居民身份证号码'), 'id input');
      await app.type(nameInput(), '赵敏');
      await app.type(idInput(), ID_NUMBER[platform]);

      goOffline(app);
      await app.tap('提交认证');
      await app.waitForText(NETWORK_MESSAGE);
      expect(app.page.route).toBe('me/account/real-name/index');
      expect(app.attribute(nameInput(), 'value')).toBe('赵敏');
      expect(app.attribute(idInput(), 'value')).toBe(ID_NUMBER[platform]);
      goOnline(app);
      expect((await asPerson<{ realName: { verified: boolean } }>(gateway, app, 'GET', '/me')).realName.verified).toBe(
        false,
      );

      await app.tap('提交认证');
      await app.waitFor(
        () => app.record.toasts.includes('实名认证成功'),
        8000,
        () => `实名认证成功: ${app.text()}`,
      );
      expect((await asPerson<{ realName: { verified: boolean } }>(gateway, app, 'GET', '/me')).realName.verified).toBe(
        true,
      );
      expectNothingBroke(app);
    } finally {
      app.close();
    }
  });

  test('an answer cut in the middle: the search says it could not read it, and its retry recovers', async () => {
    const app = await bootApp(platform, gateway, { loginCode: `malformed-${platform}` });
    try {
      await app.open('/search/results/index');
      app.bridge.condition = (url) => (url.includes('/api/search') ? { kind: 'malformed' } : { kind: 'normal' });
      const [box] = app.findByAttribute('placeholder', '输入事项名称、拼音或首字母');
      await app.type(box, 'hkqy');
      await app.waitForText(MALFORMED_MESSAGE, 15000);
      expect(app.has(/共找到 \d+ 个事项/)).toBe(false);

      goOnline(app);
      await app.tap('重试');
      await app.waitForText(/共找到 \d+ 个事项/);
      expect(app.has('户口迁移')).toBe(true);
      expect(app.has(MALFORMED_MESSAGE)).toBe(false);
      expectNothingBroke(app);
    } finally {
      app.close();
    }
  });
});

// Both platforms at once: each waits out the app's 15-second request timeout, so in turn they would
// add 30 s to the suite.
test('an answer slower than the app waits: the page shows it is loading, and the retry brings the content (weapp and alipay)', async () => {
  await Promise.all(
    PLATFORMS.map(async (platform) => {
      const app = await bootApp(platform, gateway, { loginCode: `slow-${platform}` });
      try {
        await app.open('/me/index/index');
        let homeRequests = 0;
        app.bridge.condition = (url) =>
          url.endsWith('/api/home') && ++homeRequests === 1 ? { kind: 'slow', delayMs: 20000 } : { kind: 'normal' };
        const switching = app.tapTab('首页');
        expect(await seenWhileWaiting(app, '正在加载…', 5000)).toBe(true);
        await switching;
        await app.waitForText('热门事项', 25000);
        expect(app.has('出错了')).toBe(false);
        const homeExchanges = app.bridge.log.filter((entry) => entry.url.endsWith('/api/home'));
        expect(homeExchanges.map((entry) => entry.status)).toEqual(['timeout', 200]);
        expectNothingBroke(app);
      } finally {
        app.close();
      }
    }),
  );
});
