import type { Browser, Page } from 'playwright-core';
import { seedCalendar } from '../../gateway/seed/calendar';
import { createWorkdayCalendar } from '../../src/lib/workdays';
import { formatChineseDate } from '../../src/lib/format-date';
import { launchBrowser, openPhone } from './support/browser';
import { startGateway, type RunningGateway } from './support/running-gateway';

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

async function typeQuery(text: string) {
  const input = page.locator('.search__input input');
  await input.fill('');
  await input.pressSequentially(text, { delay: 30 });
}

test('a resident finds 户口迁移 by characters and by pinyin initials, and reads its guide', async () => {
  await page.goto(gateway.baseUrl + '/');
  await page.getByText('热门事项').waitFor();
  await page.getByText('一件事一次办').waitFor();

  await page.locator('.home__search').click();
  await page.waitForURL(/\/search\/results\/index/);

  await typeQuery('户口迁移');
  const firstCard = page.locator('.item-card').first();
  await firstCard.locator('.item-card__name').getByText('户口迁移', { exact: false }).waitFor();
  expect(await firstCard.locator('.hl').first().textContent()).toBe('户口迁移');
  await page.getByText(/共找到 \d+ 个事项/).waitFor();

  await typeQuery('hkqy');
  await page.waitForFunction(() => document.querySelector('.item-card .hl')?.textContent === '户口迁移', undefined, {
    timeout: 10000,
  });
  const name = (await page.locator('.item-card__name').first().textContent()) ?? '';
  expect(name.startsWith('户口迁移')).toBe(true);

  await page.locator('.item-card').first().click();
  await page.waitForURL(/\/search\/guide\/index\?code=/);
  await page.getByText('法定时限').waitFor();
  await page.getByText('承诺时限').waitFor();
  await page.getByText('审查要点', { exact: false }).first().waitFor();

  // The expected completion date is counted in working days over the gateway's holiday calendar.
  const code = new URL(page.url()).searchParams.get('code') ?? '';
  const guide = (await (await fetch(`${gateway.baseUrl}/api/items/${code}`)).json()) as {
    data: { promisedDays: number };
  };
  const expected = createWorkdayCalendar(seedCalendar).expectedCompletionDate(new Date(), guide.data.promisedDays);
  const completion = await page.locator('.completion').textContent();
  expect(completion).toContain('今天申请，预计');
  expect(completion).toContain(formatChineseDate(expected));
});

test('a guide draws its halls as the reader scrolls down to them, open now or not, with hours', async () => {
  const guide = (await (await fetch(`${gateway.baseUrl}/api/items/HS-GA-0005`)).json()) as {
    data: { halls: { name: string }[] };
  };
  expect(guide.data.halls.length).toBeGreaterThan(0);
  await page.goto(`${gateway.baseUrl}/search/guide/index?code=HS-GA-0005`);
  await page.getByText('法定时限').waitFor();
  // 办理地点 is below the first screen: on H5 its code comes when the reader gets near it.
  const halls = page.getByRole('list', { name: '办理地点' });
  for (let i = 0; i < 40 && !(await halls.isVisible()); i += 1) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(100);
  }
  await halls.getByText(guide.data.halls[0].name, { exact: true }).waitFor();
  await halls
    .getByText(/● 营业中|○ 已休息/)
    .first()
    .waitFor();
  expect(await halls.getByRole('listitem').count()).toBe(guide.data.halls.length);
  expect(await page.getByText('正在加载办理地点…').count()).toBe(0);
});

test('a guide opened by its link draws from the page itself: no request for the guide or the calendar', async () => {
  const { context, page: phone } = await openPhone(browser);
  try {
    const asked: string[] = [];
    phone.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) asked.push(pathname);
    });
    await phone.goto(`${gateway.baseUrl}/search/guide/index?code=HS-GA-0005`);
    await phone.getByText('户口迁移', { exact: true }).waitFor();
    await phone.getByText('今天申请，预计', { exact: false }).waitFor();
    await phone.waitForLoadState('networkidle');
    expect(asked.filter((p) => p === '/api/items/HS-GA-0005' || p === '/api/calendar')).toEqual([]);

    // A code the gateway does not know is not written in: the app asks, and says so.
    await phone.goto(`${gateway.baseUrl}/search/guide/index?code=NO-SUCH-ITEM`);
    await phone.getByText('未找到该事项').waitFor();
    expect(asked).toContain('/api/items/NO-SUCH-ITEM');
  } finally {
    await context.close();
  }
});

test('分享 on a guide copies its link, or shows it to copy when the clipboard is refused', async () => {
  const url = `${gateway.baseUrl}/search/guide/index?code=HS-GA-0005`;
  const { context, page: phone } = await openPhone(browser);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gateway.baseUrl });
    await phone.goto(url);
    await phone.getByRole('button', { name: '分享' }).click();
    await phone.getByRole('status').getByText('链接已复制，可粘贴分享').waitFor();
    expect(await phone.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // No clipboard (an http page, or the permission refused): the link is shown to copy by hand.
    await context.clearPermissions();
    await phone.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    });
    await phone.getByRole('button', { name: '分享' }).click();
    await phone.getByRole('status').getByText(`请复制链接分享：${url}`).waitFor();
  } finally {
    await context.close();
  }
});

test('a link to a search opens with its first page of results written into the page: no request for them', async () => {
  const { context, page: phone } = await openPhone(browser);
  try {
    const searches: string[] = [];
    phone.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/search') searches.push(request.url());
    });
    await phone.goto(`${gateway.baseUrl}/search/results/index?q=${encodeURIComponent(' 身份证 换领 ')}`);
    await phone.getByText(/共找到 \d+ 个事项/).waitFor();
    expect(await phone.locator('.search__input input').inputValue()).toBe('身份证 换领');
    await phone.locator('.item-card').first().waitFor();
    await phone.waitForLoadState('networkidle');
    expect(searches).toEqual([]);

    // Back on the tab later, what the user typed since stays.
    await phone.locator('.search__input input').fill('结婚');
    await phone.getByText(/共找到 \d+ 个事项/).waitFor();
    await phone.locator('.weui-tabbar__label', { hasText: '我的' }).click();
    await phone.waitForURL(/\/me\/index\/index/);
    await phone.locator('.weui-tabbar__label', { hasText: '办事' }).click();
    await phone.waitForURL(/\/search\/results\/index/);
    expect(await phone.locator('.search__input input').inputValue()).toBe('结婚');
  } finally {
    await context.close();
  }
});

test('a search that finds nothing says so and offers other items', async () => {
  await page.goto(gateway.baseUrl + '/search/results/index');
  await typeQuery('量子纠缠许可');
  await page.getByText('没有找到与“量子纠缠许可”相关的事项').waitFor();
  await page.getByText('换个说法试试', { exact: false }).waitFor();
  // Hot items are fetched only now, when there is nothing else to show.
  const home = (await (await fetch(`${gateway.baseUrl}/api/home`)).json()) as {
    data: { hotItems: { name: string }[] };
  };
  await page.getByRole('link', { name: home.data.hotItems[0].name }).waitFor();
});

test('the department filter fetches the departments when opened and narrows the search to one', async () => {
  await page.goto(gateway.baseUrl + '/search/results/index');
  await typeQuery('登记');
  // The keyboard's 搜索 key closes the suggestions: arriving after the results, they move the filters.
  await page.locator('.search__input input').press('Enter');
  await page.getByText(/共找到 \d+ 个事项/).waitFor();
  await page.getByRole('button', { name: '按部门' }).click();
  await page.getByRole('button', { name: '全部部门' }).waitFor();
  // Until they arrive the list says 正在加载部门…, which is a status, not a button.
  const chips = page.locator('.filters__departments').getByRole('button');
  await chips.nth(1).waitFor();
  const name = ((await chips.nth(1).textContent()) ?? '').trim();
  expect(name).not.toBe('');
  await chips.nth(1).click();
  await page.getByRole('button', { name: `✓ 部门：${name}` }).waitFor();
  await page
    .getByText(/共找到 \d+ 个事项|没有找到与/)
    .first()
    .waitFor();
});

test('hostile search text is searched as text, never breaks the page', async () => {
  await page.goto(gateway.baseUrl + '/search/results/index');
  for (const text of ["' OR 1=1 --", '<script>alert(1)</script>', '%_%']) {
    await typeQuery(text);
    await page
      .getByText(/没有找到与|共找到/)
      .first()
      .waitFor();
    expect(await page.locator('.state--error').count()).toBe(0);
  }
});

test('scrolling a long result list to its end loads every page but keeps only the rows near the screen', async () => {
  await page.goto(gateway.baseUrl + '/search/results/index');
  await typeQuery('登记');
  const count = await page.getByText(/共找到 \d+ 个事项/).textContent();
  const total = Number(/(\d+)/.exec(count ?? '')?.[1]);
  expect(total).toBeGreaterThan(60);
  const end = page.getByText('没有更多了');
  for (let i = 0; i < 80 && !(await end.isVisible()); i += 1) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(100);
  }
  await end.waitFor();
  expect(await page.locator('.item-card').count()).toBeLessThan(60);
  // The last result is on screen, where it belongs.
  const lastName = await page.locator('.item-card__name').last().textContent();
  expect(lastName).toBeTruthy();
  expect(await page.locator('.item-card').last().isVisible()).toBe(true);
});
