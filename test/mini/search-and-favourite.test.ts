import { startGateway, type RunningGateway } from '../e2e/support/running-gateway';
import { PLATFORMS, bootApp, expectNothingBroke } from './support/journey';

/**
 * Journey 2: the platform's code login, then search by pinyin initials, open a guide by tapping a
 * result, read the expected completion date, favourite it and find it in 我的收藏.
 */

let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGateway({ h5: false });
});

afterAll(async () => {
  await gateway?.close();
});

describe.each(PLATFORMS)('search and favourite on %s', (platform) => {
  test('a resident logs in with one tap, finds 户口迁移 by “hkqy”, reads when it will be done and keeps it', async () => {
    const app = await bootApp(platform, gateway, { loginCode: `search-${platform}` });
    try {
      await app.open('/me/index/index');
      await app.waitForText('您还未登录');
      await app.tap('登录 / 注册');
      expect(app.page.route).toBe('me/account/login/index');
      await app.tap('我已阅读并同意');
      await app.tap(platform === 'weapp' ? /^微信\s*一键登录$/ : /^支付宝\s*一键登录$/);
      await app.waitFor(
        () => app.page.route === 'me/index/index',
        8000,
        () => `back on 我的: ${app.page.route}`,
      );
      await app.waitForText('退出登录');
      expect(app.record.toasts).toContain('登录成功');

      await app.tapTab('办事');
      expect(app.page.route).toBe('search/results/index');
      const [box] = app.findByAttribute('placeholder', '输入事项名称、拼音或首字母');
      await app.type(box, 'hkqy');
      await app.waitForText(/共找到 \d+ 个事项/);
      expect(app.text()).toMatch(/户口迁移 武汉市公安局洪山区分局 · 个人 · 承诺5个工作日/);

      await app.tap(app.findAll('户口迁移')[0]);
      await app.waitFor(
        () => app.page.route === 'search/guide/index',
        8000,
        () => 'the guide',
      );
      await app.waitForText('承诺时限');
      expect(app.text()).toMatch(/今天申请，预计 \d{4}年\d{1,2}月\d{1,2}日 （ 周. ） 前办结/);

      await app.tap('☆ 收藏');
      await app.waitForText('已收藏，可在“我的收藏”中找到');
      expect(app.text()).toContain('★ 已收藏');

      await app.tapTab('我的');
      await app.tap('我的收藏');
      expect(app.page.route).toBe('me/account/favourites/index');
      await app.waitForText('户口迁移');
      expectNothingBroke(app);
    } finally {
      app.close();
    }
  });
});
