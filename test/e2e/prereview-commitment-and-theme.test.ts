import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import type { AdminCaseQueue, AdminCaseView, CommitmentReceipt } from '../../types/contract';
import { button, launchBrowser, openPhone } from './support/browser';
import { NAME_STROKES, drawSignature, readNoticeToEnd } from './support/commitment';
import { startGateway, type RunningGateway } from './support/running-gateway';
import { admin, signInBySms, verifyRealName } from './support/sign-in';

let gateway: RunningGateway;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  gateway = await startGateway();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

beforeEach(async () => {
  ({ page } = await openPhone(browser));
});

function photo(shade: number): Buffer {
  const png = new PNG({ width: 200, height: 150 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = shade;
    png.data[i + 1] = (i / 4) % 256;
    png.data[i + 2] = 90;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

const card = (name: string) => page.locator('.mcard', { hasText: name });
/** A form field's input, by its accessible name (NutUI's Form.Item labels it through aria-label). */
const field = (label: string) => page.getByRole('textbox', { name: label, exact: true });

async function attachPhoto(material: string, shade: number) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    card(material).locator('.way', { hasText: '从相册选择' }).click(),
  ]);
  await chooser.setFiles({ name: `${material.slice(0, 6)}.png`, mimeType: 'image/png', buffer: photo(shade) });
  await card(material).getByText('已上传').waitFor();
}

/** The user's own API call, with the tokens the H5 app keeps (Taro wraps stored values as {"data": …}). */
async function asUser<T>(path: string): Promise<T> {
  return (await page.evaluate(async (url) => {
    const stored = JSON.parse(localStorage.getItem('hsz:session.tokens') ?? '{}') as { data?: string };
    const tokens = JSON.parse(stored.data ?? '{}') as { accessToken?: string };
    const r = await fetch(`/api${url}`, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
    return ((await r.json()) as { data: unknown }).data;
  }, path)) as T;
}

test('a bookshop signs a 告知承诺 instead of the premises proof from the application, and the commitment is bound to the case', async () => {
  await signInBySms(page, gateway, '13700005555');
  await verifyRealName(page, gateway, '李娜', '11010519491231002X');
  await page.goto(`${gateway.baseUrl}/prereview/apply/index?item=HS-WL-0008`);
  await page.getByText('申请人信息').waitFor();
  await field('单位名称').fill('武汉洪山书香书店有限公司');
  await field('统一社会信用代码').fill('91420111MA4KL3M5XD');
  await field('法定代表人').fill('李娜');
  await field('法定代表人身份证号').fill('11010519491231002X');
  await field('联系地址').fill('洪山区珞狮路 122 号');
  await page.getByRole('radio', { name: '窗口自取' }).click();
  await attachPhoto('出版物零售业务经营许可申请表', 10);
  await attachPhoto('营业执照', 60);

  // 告知承诺代替: read, choose, confirm, sign by hand; back on the form the material is answered.
  const premises = '经营场所使用证明';
  await card(premises).locator('.way', { hasText: '告知承诺代替' }).click();
  await page.waitForURL(/\/commitment\/notice\/index.*caseId=/);
  await page.getByRole('heading', { name: '告知承诺书' }).filter({ visible: true }).waitFor();
  await readNoticeToEnd(page);
  await page.getByRole('radio', { name: /我承诺符合条件/ }).click();
  for (const confirm of await page.getByRole('checkbox').all()) await confirm.click();
  await drawSignature(page, NAME_STROKES);
  await button(page, '签署承诺').click();
  await page.waitForURL(/\/commitment\/receipt\/index/, { timeout: 20000 }).catch(async (e: unknown) => {
    throw new Error(`${String(e)}: ${(await page.locator('.field__error').allTextContents()).join(' | ')}`);
  });
  await button(page, '返回申报，继续填写').click();
  await card(premises).getByText('已签署告知承诺代替此材料').waitFor();

  await button(page, '提交预审').click();
  await page.waitForURL(/\/prereview\/case\/index/);
  await page.locator('.case-material', { hasText: premises }).getByText('告知承诺代替').waitFor();

  // The commitment carries the case; once the case is accepted it can no longer be withdrawn.
  const queue = await admin<AdminCaseQueue>(gateway, 'GET', '/admin/prereview/queue');
  const submitted = queue.cases.find((c) => c.itemCode === 'HS-WL-0008');
  if (!submitted) throw new Error('case not in the queue');
  const commitmentId = submitted.materials.find((m) => m.way === 'commitment')?.commitmentId ?? '';
  const before = await asUser<CommitmentReceipt>(`/me/commitments/${commitmentId}`);
  expect(before.record.caseId).toBe(submitted.id);
  expect(before.withdrawable).toBe(true);
  await admin<AdminCaseView>(gateway, 'POST', `/admin/cases/${submitted.id}/actions`, { action: 'approve' });
  await admin<AdminCaseView>(gateway, 'POST', `/admin/cases/${submitted.id}/actions`, { action: 'accept' });
  const after = await asUser<CommitmentReceipt>(`/me/commitments/${commitmentId}`);
  expect(after.withdrawable).toBe(false);
  await page.reload();
  await page.locator('.case-status', { hasText: '已受理' }).waitFor();
  await expect(button(page, '撤回申请').count()).resolves.toBe(0);
});

test('a retiree applies for the 我要退休 一件事 as a person with an e-licence and photos, finds it in 我的办件 and withdraws it', async () => {
  await signInBySms(page, gateway, '13700006666');
  await verifyRealName(page, gateway, '张建国', '110105195803150033');
  await page.goto(`${gateway.baseUrl}/search/more/theme/index?code=HS-YJS-010`);
  await button(page, /一次申报/).click();
  await page.waitForURL(/\/prereview\/apply\/index\?theme=/);
  await page.getByText('一件事一次办', { exact: false }).waitFor();

  await page.getByRole('radio', { name: '个人' }).click();
  await field('联系地址').fill('洪山区关山大道 1 号 3 栋 501 室');
  await page.getByRole('radio', { name: '窗口自取' }).click();
  // The wallet's 居民身份证 stands for the ID card; nothing to photograph.
  await card('申请人居民身份证').locator('.way', { hasText: '用电子证照：居民身份证' }).click();
  await card('申请人居民身份证').getByText('已使用电子证照：居民身份证').waitFor();
  await attachPhoto('职工退休审批表', 20);
  await attachPhoto('本人人事档案', 40);
  await attachPhoto('本人银行账户信息', 80);
  await attachPhoto('退休审批结果', 120);
  await button(page, '提交预审').click();
  await page.waitForURL(/\/prereview\/case\/index/);
  await page.locator('.case-status', { hasText: '待预审' }).waitFor();
  await page.getByRole('heading', { name: '我要退休' }).filter({ visible: true }).waitFor();

  // 我的办件 lists it; from there to the case, and withdraw it.
  await page.goto(`${gateway.baseUrl}/me/account/cases/index`);
  await page.locator('.case__head', { hasText: '待预审' }).click();
  await page.waitForURL(/\/prereview\/case\/index/);
  await button(page, '撤回申请').click();
  await page.getByText('确定撤回吗', { exact: false }).waitFor();
  // The dialog's own button (NutUI's Dialog: the label inside the button does not take the tap).
  await button(page, /^撤回$/).click();
  await page.locator('.case-status', { hasText: '已撤回' }).waitFor();
  const steps = await page.locator('.timeline__status').allTextContents();
  expect(steps.slice(-2)).toEqual(['待预审', '已撤回']);
  await expect(button(page, '撤回申请').count()).resolves.toBe(0);
});
