import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { AdminCaseQueue, AdminCaseView } from '../../types/contract';
import { button, launchBrowser, openPhone } from './support/browser';
import { startGateway, type RunningGateway } from './support/running-gateway';
import { admin, signInBySms, verifyRealName } from './support/sign-in';
import { pdf as wellFormedPdf } from '../gateway/support/material-files';

let gateway: RunningGateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;

const MOBILE = '13700004444';
/** 食品经营许可（注销）: a business item with two required materials. */
const ITEM = 'HS-SC-0004';
const FORM_NAME = '食品经营许可注销申请书';
const LICENCE_NAME = '食品经营许可证';
const CHUNK = 1024 * 1024;

beforeAll(async () => {
  gateway = await startGateway();
  browser = await launchBrowser();
  ({ context, page } = await openPhone(browser));
  cdp = await context.newCDPSession(page);
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

/** A real photo-sized PNG (a gradient, so it is not trivially compressible). */
function photo(): Buffer {
  const png = new PNG({ width: 320, height: 240 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = (i / 4) % 256;
    png.data[i + 1] = (i / 1024) % 256;
    png.data[i + 2] = 128;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** A well-formed PDF of the given size (xref table, trailer and startxref, as the gateway checks). */
function pdf(bytes: number, seed: number): Buffer {
  return wellFormedPdf(bytes, seed);
}

function database(): BetterSqlite3.Database {
  return new BetterSqlite3(path.join(gateway.dataDir, 'gateway.sqlite'), { readonly: true, fileMustExist: true });
}

interface SessionRow {
  id: string;
  size: number;
  bytes_transferred: number;
  status: string;
  acked: number;
}

function uploadSessions(): SessionRow[] {
  const db = database();
  try {
    return db
      .prepare(
        `SELECT s.id, s.size, s.bytes_transferred, s.status,
           (SELECT COUNT(*) FROM upload_chunks c WHERE c.session_id = s.id) AS acked
         FROM upload_sessions s ORDER BY s.created_at`,
      )
      .all() as SessionRow[];
  } finally {
    db.close();
  }
}

async function waitFor<T>(read: () => T, ok: (value: T) => boolean, what: string, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const card = (name: string) => page.locator('.mcard', { hasText: name });
/** A form field's input, by its accessible name (NutUI's Form.Item labels it through aria-label). */
const field = (label: string) => page.getByRole('textbox', { name: label, exact: true });

async function attach(material: string, way: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    card(material).locator('.way', { hasText: way }).click(),
  ]);
  await chooser.setFiles(file);
}

async function network(offline: boolean, uploadBytesPerSecond = -1) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: uploadBytesPerSecond,
  });
}

test('a business clerk applies with a photo and a multi-chunk PDF over a dropping network, corrects a returned material, and follows the timeline', async () => {
  await signInBySms(page, gateway, MOBILE);
  await verifyRealName(page, gateway, '王芳', '11010519491231002X');

  // From the guide to the application form.
  await page.goto(`${gateway.baseUrl}/search/guide/index?code=${ITEM}`);
  await button(page, '在线申报（网上预审）').click();
  await page.waitForURL(/\/prereview\/apply\/index/);
  await page.getByText('申请人信息').waitFor();
  await page.getByText(/已实名，自动带出/).waitFor();

  // A wrong credit code is caught on the phone, with the field named.
  await field('单位名称').fill('武汉洪山示例餐饮有限公司');
  await field('统一社会信用代码').fill('91420111MA4KL3M5XE');
  await field('法定代表人').fill('王芳');
  await field('法定代表人身份证号').fill('11010519491231002X');
  await field('联系地址').fill('洪山区珞喻路 1037 号 8 栋 302 室');
  await page.getByRole('radio', { name: '窗口自取' }).click();
  await button(page, '提交预审').click();
  await page.getByText('统一社会信用代码校验位不正确').waitFor();
  await page.getByText(`请提交「${FORM_NAME}」`).waitFor();
  await field('统一社会信用代码').fill('91420111MA4KL3M5XD');

  // A photo of the application form.
  await attach(FORM_NAME, '从相册选择', { name: '申请书.png', mimeType: 'image/png', buffer: photo() });
  await card(FORM_NAME).getByText('已上传').waitFor();

  // A 6 MB scan of the licence goes up in 1 MB chunks; the connection drops after two are acknowledged.
  const scan = pdf(6 * CHUNK + 12345, 7);
  await network(false, 400 * 1024);
  await attach(LICENCE_NAME, '选择 PDF', { name: '许可证扫描件.pdf', mimeType: 'application/pdf', buffer: scan });
  await card(LICENCE_NAME)
    .getByText(/上传中/)
    .waitFor();
  await waitFor(uploadSessions, (s) => s.length === 1 && s[0].acked >= 2, 'two acknowledged chunks');
  await network(true);
  await card(LICENCE_NAME).getByText('上传失败').waitFor({ timeout: 60000 });
  const dropped = uploadSessions()[0];
  expect(dropped.status).toBe('open');
  expect(dropped.acked).toBeGreaterThanOrEqual(2);
  expect(dropped.acked).toBeLessThan(7);

  // Back online: 重试 resumes from the gateway's acknowledged chunks.
  await network(false);
  await card(LICENCE_NAME).getByRole('button', { name: '重试' }).click();
  await card(LICENCE_NAME).getByText('已上传').waitFor({ timeout: 60000 });
  const finished = uploadSessions();
  expect(finished).toHaveLength(1);
  expect(finished[0].status).toBe('complete');
  // Only chunks the gateway had not acknowledged were sent again: at most the one in flight at the drop.
  expect(finished[0].bytes_transferred).toBeLessThanOrEqual(scan.length + CHUNK);

  // Reload mid-form: the draft is all there.
  await page.waitForTimeout(1500); // the gateway save follows a pause in typing
  await page.reload();
  await page.getByText('申请人信息').waitFor();
  expect(await field('单位名称').inputValue()).toBe('武汉洪山示例餐饮有限公司');
  expect(await field('统一社会信用代码').inputValue()).toBe('91420111MA4KL3M5XD');
  await card(FORM_NAME).getByText('申请书.png').waitFor();
  await card(LICENCE_NAME).getByText('许可证扫描件.pdf').waitFor();

  // A double tap on submit makes one case.
  const submit = button(page, '提交预审');
  await submit.dblclick();
  await page.waitForURL(/\/prereview\/case\/index/);
  await page.getByText('待预审').first().waitFor();
  const queue = await admin<AdminCaseQueue>(gateway, 'GET', '/admin/prereview/queue');
  const mine = queue.cases.filter((c) => c.itemCode === ITEM);
  expect(mine).toHaveLength(1);
  const caseId = mine[0].id;
  expect(mine[0].form.companyName).toBe('武汉洪山示例餐饮有限公司');

  // The officer returns the licence scan with a comment.
  const licenceMaterial = mine[0].materials.find((m) => m.name === LICENCE_NAME);
  if (!licenceMaterial) throw new Error('licence material missing from the case');
  await admin<AdminCaseView>(gateway, 'POST', `/admin/cases/${caseId}/actions`, {
    action: 'return',
    materials: [{ materialId: licenceMaterial.materialId, comment: '扫描件不清晰，请重新上传许可证正本' }],
  });

  // The applicant sees what to correct, replaces only that material and resubmits.
  await page.reload();
  await page.getByText('需补正').first().waitFor();
  await page.getByText('需补正：扫描件不清晰，请重新上传许可证正本').waitFor();
  await expect(card(FORM_NAME).count()).resolves.toBe(0);
  await attach(LICENCE_NAME, '选择 PDF', {
    name: '许可证正本.pdf',
    mimeType: 'application/pdf',
    buffer: pdf(200 * 1024, 11),
  });
  await card(LICENCE_NAME).getByText('已上传').waitFor();
  await button(page, '重新提交预审').click();
  await page.getByText('已重新提交').waitFor();

  // The officer approves; the timeline shows every step with who acted.
  await admin<AdminCaseView>(gateway, 'POST', `/admin/cases/${caseId}/actions`, { action: 'approve' });
  await page.reload();
  await page.locator('.case-status', { hasText: '预审通过' }).waitFor();
  const steps = await page.locator('.timeline__status').allTextContents();
  expect(steps).toEqual(['草稿', '待预审', '需补正', '待预审', '预审通过']);
  const meta = await page.locator('.timeline__meta').allTextContents();
  expect(meta.filter((m) => m.includes('申请人')).length).toBeGreaterThanOrEqual(2);
  expect(meta.some((m) => m.includes('经办人'))).toBe(true);
  await page.getByText('许可证正本.pdf').waitFor();
});
