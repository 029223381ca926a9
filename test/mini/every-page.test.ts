import { startGateway, type RunningGateway } from '../e2e/support/running-gateway';
import { admin } from '../e2e/support/sign-in';
import type { MiniApp } from './runtime/mini-app';
import { PLATFORMS, asPerson, bootApp, expectNothingBroke, signInWithPlatform } from './support/journey';

/** Journey 1: every page of app.json opens, with and without its usual query, logged out and in. */

const ITEM = 'HS-GA-0005';
const THEME = 'HS-YJS-001';

interface PageCheck {
  /** The query a link or a tap from the app gives the page. */
  query?: (ids: Ids) => string;
  /** What the page shows: its main content, its login prompt, or what to do about the missing id. */
  loggedOut: { bare: RegExp; withQuery?: RegExp };
  loggedIn: { bare: RegExp; withQuery?: RegExp };
}

interface Ids {
  caseId: string;
  commitmentItem: string;
  commitmentMaterial: string;
}

const LOGIN_PROMPT = /登录后.*去登录/;
const MISSING = /链接不完整/;

const PAGES: Record<string, PageCheck> = {
  'search/home/index': { loggedOut: { bare: /热门事项.*一件事一次办/ }, loggedIn: { bare: /热门事项/ } },
  'search/results/index': {
    query: () => 'q=hkqy',
    loggedOut: { bare: /试试这样搜/, withQuery: /共找到 \d+ 个事项 户口迁移/ },
    loggedIn: { bare: /试试这样搜/, withQuery: /共找到 \d+ 个事项 户口迁移/ },
  },
  'me/index/index': { loggedOut: { bare: /您还未登录 登录 \/ 注册/ }, loggedIn: { bare: /退出登录/ } },
  'search/guide/index': {
    query: () => `code=${ITEM}`,
    loggedOut: { bare: /未找到该事项/, withQuery: /户口迁移.*承诺时限 5个工作日.*预计/ },
    loggedIn: { bare: /未找到该事项/, withQuery: /户口迁移.*承诺时限 5个工作日.*预计/ },
  },
  'search/more/theme/index': {
    query: () => `code=${THEME}`,
    loggedOut: { bare: /未找到该主题事项/, withQuery: /企业开办一件事.*包含的事项/ },
    loggedIn: { bare: /未找到该主题事项/, withQuery: /企业开办一件事.*包含的事项/ },
  },
  'search/more/nearby/index': { loggedOut: { bare: /洪山区政务服务中心/ }, loggedIn: { bare: /洪山区政务服务中心/ } },
  'me/account/login/index': {
    query: () => `redirect=${encodeURIComponent('/me/account/favourites/index')}`,
    loggedOut: { bare: /一键登录.*获取验证码/, withQuery: /一键登录/ },
    loggedIn: { bare: /一键登录/, withQuery: /一键登录/ },
  },
  'me/account/favourites/index': { loggedOut: { bare: LOGIN_PROMPT }, loggedIn: { bare: /还没有收藏的事项/ } },
  'me/account/real-name/index': { loggedOut: { bare: /实名认证.*提交认证/ }, loggedIn: { bare: /提交认证/ } },
  'me/account/privacy/index': { loggedOut: { bare: /我们收集什么/ }, loggedIn: { bare: /我们收集什么/ } },
  'me/account/cases/index': { loggedOut: { bare: LOGIN_PROMPT }, loggedIn: { bare: /户口迁移/ } },
  // Consent is per platform: the push settings name the platform's own channel.
  'me/account/messages/index': {
    loggedOut: { bare: LOGIN_PROMPT },
    loggedIn: { bare: /消息推送（(微信服务通知|支付宝消息)）.*办件进度通知/ },
  },
  'rating/case/index': {
    query: (ids) => `caseId=${ids.caseId}`,
    loggedOut: { bare: MISSING, withQuery: /请先登录/ },
    loggedIn: { bare: MISSING, withQuery: /户口迁移.*非常满意/ },
  },
  'rating/window/index': { loggedOut: { bare: /扫码评价/ }, loggedIn: { bare: /扫码评价/ } },
  'rating/mine/index': { loggedOut: { bare: LOGIN_PROMPT }, loggedIn: { bare: /还没有评价/ } },
  'rating/detail/index': {
    query: () => 'id=RT-0000',
    loggedOut: { bare: MISSING, withQuery: /请先登录/ },
    loggedIn: { bare: MISSING, withQuery: /没有找到这条评价/ },
  },
  'rating/stats/index': { loggedOut: { bare: /各部门/ }, loggedIn: { bare: /各部门/ } },
  'commitment/notice/index': {
    query: (ids) => `item=${ids.commitmentItem}&material=${ids.commitmentMaterial}`,
    loggedOut: { bare: /未找到告知书/, withQuery: /告知承诺书/ },
    loggedIn: { bare: /未找到告知书/, withQuery: /告知承诺书/ },
  },
  'commitment/receipt/index': {
    query: () => 'id=CM-0000',
    loggedOut: { bare: MISSING, withQuery: /请先登录/ },
    loggedIn: { bare: MISSING, withQuery: /没有找到这份承诺/ },
  },
  'commitment/mine/index': { loggedOut: { bare: LOGIN_PROMPT }, loggedIn: { bare: /还没有签署过承诺/ } },
  'prereview/apply/index': {
    query: () => `item=${ITEM}`,
    loggedOut: { bare: LOGIN_PROMPT, withQuery: LOGIN_PROMPT },
    loggedIn: { bare: /未指定申报事项/, withQuery: /户口迁移.*申请人信息.*申请材料/ },
  },
  'prereview/case/index': {
    query: (ids) => `id=${ids.caseId}`,
    loggedOut: { bare: MISSING, withQuery: LOGIN_PROMPT },
    loggedIn: { bare: MISSING, withQuery: /户口迁移.*办结.*办理进度/ },
  },
  'visit/book/index': {
    query: () => 'item=HS-CL-0001',
    loggedOut: { bare: MISSING, withQuery: LOGIN_PROMPT },
    // Signed in with the platform only: not yet real-name verified.
    loggedIn: { bare: MISSING, withQuery: /预约前请先完成实名认证.*去实名认证/ },
  },
  'visit/mine/index': { loggedOut: { bare: LOGIN_PROMPT }, loggedIn: { bare: /扫码取号.*还没有预约/ } },
  'visit/ticket/index': {
    query: () => 'id=TK-0000',
    loggedOut: { bare: MISSING, withQuery: LOGIN_PROMPT },
    loggedIn: { bare: MISSING, withQuery: /没有找到这个排队号/ },
  },
};

let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGateway({ h5: false });
});

afterAll(async () => {
  await gateway?.close();
});

async function commitmentMaterial(): Promise<{ item: string; material: string }> {
  const search = (await (
    await fetch(`${gateway.baseUrl}/api/search?q=${encodeURIComponent('食品经营许可（新办）')}`)
  ).json()) as {
    data: { hits: Array<{ item: { code: string } }> };
  };
  const code = search.data.hits[0].item.code;
  const guide = (await (await fetch(`${gateway.baseUrl}/api/items/${code}`)).json()) as {
    data: { materials: Array<{ id: string; commitmentAllowed: boolean }> };
  };
  const material = guide.data.materials.find((m) => m.commitmentAllowed);
  if (!material) throw new Error(`${code} has no material a commitment can replace`);
  return { item: code, material: material.id };
}

async function visitAll(app: MiniApp, ids: Ids, state: 'loggedOut' | 'loggedIn'): Promise<string[]> {
  const problems: string[] = [];
  for (const route of app.allRoutes()) {
    const check = PAGES[route];
    if (!check) {
      problems.push(`${route}: no check written for this page`);
      continue;
    }
    const variants: Array<[string, RegExp | undefined]> = [['', check[state].bare]];
    if (check.query) variants.push([check.query(ids), check[state].withQuery]);
    for (const [query, expected] of variants) {
      const url = `/${route}${query ? `?${query}` : ''}`;
      await app.open(url);
      try {
        await app.waitFor(() => expected!.test(app.text()), 8000);
      } catch {
        problems.push(`${url} (${state}) shows: ${app.text().slice(0, 300)}`);
      }
    }
  }
  return problems;
}

describe.each(PLATFORMS)('every page on %s', (platform) => {
  test('opens logged out and logged in, with and without its query, showing its content or its login prompt', async () => {
    const app = await bootApp(platform, gateway, { loginCode: `every-page-${platform}` });
    try {
      const { item, material } = await commitmentMaterial();
      const ids: Ids = { caseId: 'CASE-NONE', commitmentItem: item, commitmentMaterial: material };

      expect(await visitAll(app, ids, 'loggedOut')).toEqual([]);

      await signInWithPlatform(app);
      const me = await asPerson<{ id: string }>(gateway, app, 'GET', '/me');
      const finished = await admin<{ id: string }>(gateway, 'POST', '/admin/cases', {
        userId: me.id,
        itemCode: ITEM,
        status: 'completed',
      });
      ids.caseId = finished.id;

      expect(await visitAll(app, ids, 'loggedIn')).toEqual([]);
      expectNothingBroke(app);
    } finally {
      app.close();
    }
  });
});
