import { createPublicKey, verify } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { button, launchBrowser, openPhone } from './support/browser';
import { startGateway, type RunningGateway } from './support/running-gateway';
import { NAME_STROKES, canonical, drawSignature, readNoticeToEnd } from './support/commitment';
import { signInBySms, verifyRealName } from './support/sign-in';

let gateway: RunningGateway;
let browser: Browser;
let page: Page;

const MOBILE = '13700003333';

beforeAll(async () => {
  gateway = await startGateway();
  browser = await launchBrowser();
  ({ page } = await openPhone(browser));
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

test('a restaurant owner reads the notice to its end, signs by hand instead of a proof, and verifies the receipt', async () => {
  await signInBySms(page, gateway, MOBILE);
  await verifyRealName(page, gateway, '王芳', '11010519491231002X');

  const found = (await (
    await fetch(`${gateway.baseUrl}/api/search?q=${encodeURIComponent('食品经营许可（新办）')}`)
  ).json()) as { data: { hits: { item: { code: string; name: string } }[] } };
  const item = found.data.hits[0].item;
  expect(item.name).toBe('食品经营许可（新办）');
  await page.goto(`${gateway.baseUrl}/search/guide/index?code=${item.code}`);
  await page.locator('.material__commit').first().click();
  await page.waitForURL(/\/commitment\/notice\/index/);
  await page.getByRole('heading', { name: '告知承诺书' }).filter({ visible: true }).waitFor();
  await page.getByText('不实承诺的法律责任', { exact: false }).waitFor();

  // Signing before reading to the end is refused.
  await button(page, '签署承诺').click();
  await page.getByText('请先阅读完告知书全文（滑动到底部）').waitFor();

  await readNoticeToEnd(page);

  await page.getByRole('radio', { name: /我承诺符合条件/ }).click();
  expect(await page.getByRole('radio', { name: /我承诺符合条件/ }).getAttribute('aria-checked')).toBe('true');
  await button(page, '签署承诺').click();
  await page.getByText('请确认：我已知晓告知书的全部内容').waitFor();
  // Found as a screen reader finds them: four checkboxes, each ticked by a tap or the space bar.
  const confirmations = page.getByRole('checkbox');
  expect(await confirmations.count()).toBe(4);
  await confirmations.nth(0).focus();
  await page.keyboard.press('Space');
  for (const confirm of (await confirmations.all()).slice(1)) await confirm.click();
  for (const confirm of await confirmations.all()) expect(await confirm.getAttribute('aria-checked')).toBe('true');

  // A dot is not a signature.
  await drawSignature(page, [
    [
      [0.5, 0.5],
      [0.505, 0.505],
    ],
  ]);
  await button(page, '签署承诺').click();
  await page.getByText('签名过于简单，请用正楷完整书写您的姓名').waitFor();
  await button(page, '清除重写').click();

  await drawSignature(page, NAME_STROKES);
  await button(page, '签署承诺').click();
  await page.waitForURL(/\/commitment\/receipt\/index/, { timeout: 20000 });
  await page.getByText('已承诺，待核查').waitFor();
  await page.getByText('王*', { exact: false }).first().waitFor();

  await button(page, '核验回执').click();
  await page.getByText('✓ 回执完整，记录与签名文件均未被篡改').waitFor();

  // Anyone can verify the receipt offline with the published key.
  const id = new URL(page.url()).searchParams.get('id') ?? '';
  const mine = (await page.evaluate(async (receiptId) => {
    // Taro's H5 storage wraps each value as {"data": …}; ours is a JSON string inside it.
    const stored = JSON.parse(localStorage.getItem('hsz:session.tokens') ?? '{}') as { data?: string };
    const tokens = JSON.parse(stored.data ?? '{}') as { accessToken?: string };
    const r = await fetch(`/api/me/commitments/${receiptId}`, {
      headers: { Authorization: `Bearer ${tokens.accessToken}` },
    });
    return r.json();
  }, id)) as { data: { record: Record<string, unknown>; gatewaySignature: string } };
  const key = (await (await fetch(`${gateway.baseUrl}/api/commitments/public-key`)).json()) as {
    data: { publicKeyPem: string };
  };
  const signedBytes = Buffer.from(canonical(mine.data.record));
  expect(
    verify(
      null,
      signedBytes,
      createPublicKey(key.data.publicKeyPem),
      Buffer.from(mine.data.gatewaySignature, 'base64'),
    ),
  ).toBe(true);
  const verification = (await (await fetch(`${gateway.baseUrl}/api/commitments/${id}/verification`)).json()) as {
    data: { intact: boolean };
  };
  expect(verification.data.intact).toBe(true);

  await page.goto(`${gateway.baseUrl}/commitment/mine/index`);
  await page.getByText('食品经营许可（新办）').first().waitFor();
});
