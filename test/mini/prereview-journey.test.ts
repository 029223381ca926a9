import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import {
  CHUNKED_UPLOAD_THRESHOLD,
  type AdminCaseQueue,
  type AdminCaseView,
  type CaseDetail,
  type CaseList,
  type NotificationConsentList,
} from '../../types/contract';
import { checkIdCardNumber, idCardCheckChar } from '../../src/lib/id-card';
import { startGateway, TEST_TEMPLATE_IDS, type RunningGateway } from '../e2e/support/running-gateway';
import { admin } from '../e2e/support/sign-in';
import type { MiniApp, Platform } from './runtime/mini-app';
import { textOf, type PageNode } from './runtime/page-tree';
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
 * Journey 3: 网上申报预审. A signed-in person verifies their real name, starts an application from
 * the guide, fills the form, attaches a photo and a large file through the platform's pickers (the
 * large one through a resumable upload session), submits with a double tap (one case), gets one
 * material returned by an officer, replaces only that one and resubmits, and follows the timeline.
 *
 * Alipay has no way for this app to pick a PDF (my.chooseMessageFile does not exist there and the
 * card offers photos only), so on Alipay every material is a photo, the large one included.
 */

/** 食品经营许可（注销）: a business item with two required materials, each taking photos or PDFs. */
const ITEM = 'HS-SC-0004';
const ITEM_NAME = '食品经营许可（注销）';
const FORM_NAME = '食品经营许可注销申请书';
const LICENCE_NAME = '食品经营许可证';
const COMPANY = '武汉洪山示例餐饮有限公司';
const CREDIT_CODE = '91420111MA4KL3M5XD';
const RETURN_COMMENT = '扫描件不清晰，请重新上传许可证正本';
const MIB = 1024 * 1024;

/** One person per platform: the gateway binds an identity to one account. */
const PEOPLE: Record<Platform, { name: string; idNumber: string }> = {
  weapp: { name: '王芳', idNumber: '11010519491231002X' },
  alipay: { name: '李强', idNumber: '110101199003074477' },
};

let gateway: RunningGateway;
let fileDir: string;

beforeAll(async () => {
  gateway = await startGateway({ h5: false });
  fileDir = mkdtempSync(path.join(tmpdir(), 'hsz-prereview-files-'));
});

afterAll(async () => {
  await gateway?.close();
  if (fileDir) rmSync(fileDir, { recursive: true, force: true });
});

/** A deterministic byte stream (xorshift), so every run makes the same files. */
function noise(seed: number): () => number {
  let x = seed * 2654435761 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  };
}

/** A real PNG: a gradient (small) or noise (incompressible, so width × height × 4 bytes and more). */
function png(width: number, height: number, seed: number, kind: 'gradient' | 'noise'): Buffer {
  const image = new PNG({ width, height });
  const next = noise(seed);
  for (let i = 0; i < image.data.length; i += 4) {
    const p = i / 4;
    image.data[i] = kind === 'noise' ? next() : (p + seed) % 256;
    image.data[i + 1] = kind === 'noise' ? next() : Math.floor(p / width) % 256;
    image.data[i + 2] = kind === 'noise' ? next() : 128;
    image.data[i + 3] = 255;
  }
  return PNG.sync.write(image);
}

/** A well-formed PDF of about `bytes` bytes: one page whose content stream is filler, real xref. */
function pdf(bytes: number, seed: number): Buffer {
  const next = noise(seed);
  const fillerLength = Math.max(0, bytes - 600);
  const filler = Buffer.alloc(fillerLength);
  // Printable bytes in a comment-only content stream: parses, draws nothing.
  for (let i = 0; i < fillerLength; i += 1) filler[i] = i % 80 === 79 ? 0x0a : 0x21 + (next() % 90);
  if (fillerLength > 0) filler[0] = 0x25; // '%'
  for (let i = 79; i < fillerLength - 1; i += 80) filler[i + 1] = 0x25;
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  const add = (chunk: Buffer) => {
    parts.push(chunk);
    length += chunk.length;
  };
  const object = (n: number, body: Buffer | string) => {
    offsets[n] = length;
    add(Buffer.from(`${n} 0 obj\n`));
    add(typeof body === 'string' ? Buffer.from(body) : body);
    add(Buffer.from('\nendobj\n'));
  };
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>');
  object(
    4,
    Buffer.concat([Buffer.from(`<< /Length ${filler.length} >>\nstream\n`), filler, Buffer.from('\nendstream')]),
  );
  const xref = length;
  const rows = offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`);
  add(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${rows.join('')}`));
  add(Buffer.from(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

function save(name: string, bytes: Buffer): string {
  const file = path.join(fileDir, name);
  writeFileSync(file, bytes);
  return file;
}

/**
 * The input of a labelled text field: the one nearest its label, in the label's closest enclosing
 * view that holds an input (our TextField's view, or NutUI's Form.Item).
 */
function inputOf(app: MiniApp, label: string): PageNode {
  const inputs = app.nodes().filter((node) => node.tag === 'input');
  for (const ancestor of app.find(label).ancestors) {
    const input = inputs.find((node) => node.ancestors.includes(ancestor));
    if (input) return input;
  }
  throw new Error(`no input for ${label} on ${app.page.route}`);
}

/** The material card whose heading names the material. */
function card(app: MiniApp, material: string): { text: () => string; find: (text: string | RegExp) => PageNode } {
  const root = () => {
    const node = app
      .nodes()
      .find((n) => String(n.data.cl ?? '').includes('mcard') && textOf(n.data, app.templates).includes(material));
    if (!node) throw new Error(`no card for ${material}: ${app.text().slice(0, 400)}`);
    return node;
  };
  return {
    text: () => textOf(root().data, app.templates),
    find: (text) => {
      const cardData = root().data;
      const found = app.findAll(text).find((n) => n.ancestors.includes(cardData));
      if (!found) throw new Error(`card ${material} shows no ${String(text)}: ${textOf(cardData, app.templates)}`);
      return found;
    },
  };
}

async function waitForCard(app: MiniApp, material: string, text: string | RegExp, timeoutMs = 20000) {
  const matches = (value: string) => (typeof text === 'string' ? value.includes(text) : text.test(value));
  await app.waitFor(
    () => {
      try {
        return matches(card(app, material).text());
      } catch {
        return false;
      }
    },
    timeoutMs,
    () => `card ${material} to show ${String(text)}: ${app.text().slice(0, 1200)}`,
  );
}

function classTexts(app: MiniApp, className: string): string[] {
  return app
    .nodes()
    .filter((node) =>
      String(node.data.cl ?? '')
        .split(/\s+/)
        .includes(className),
    )
    .map((node) => textOf(node.data, app.templates).trim());
}

describe.each(PLATFORMS)('网上申报预审 on %s', (platform) => {
  test('a verified person applies from the guide with a photo and a large file, double-taps submit, corrects a returned material and follows the timeline', async () => {
    const person = PEOPLE[platform];
    expect(checkIdCardNumber(person.idNumber).valid).toBe(true);
    const isWeapp = platform === 'weapp';
    // The large file: a PDF scan on WeChat (chat files), a photo on Alipay (no PDF picker there).
    const formPhoto = save(`${platform}-form.png`, png(320, 240, 3, 'gradient'));
    const large = isWeapp
      ? { hostPath: save(`${platform}-licence.pdf`, pdf(5 * MIB + 12345, 7)), name: '许可证扫描件.pdf' }
      : { hostPath: save(`${platform}-licence.png`, png(1400, 1000, 7, 'noise')) };
    const replacement = isWeapp
      ? { hostPath: save(`${platform}-licence-2.pdf`, pdf(200 * 1024, 11)), name: '许可证正本.pdf' }
      : { hostPath: save(`${platform}-licence-2.png`, png(640, 480, 11, 'gradient')) };

    const app = await bootApp(platform, gateway, { loginCode: `prereview-journey-${platform}` });
    try {
      await signInWithPlatform(app);
      const me = await asPerson<{ id: string }>(gateway, app, 'GET', '/me');

      // 实名认证, typed into the page.
      await app.open('/me/account/real-name/index');
      await app.waitForText('提交认证');
      // NutUI's Form.Item draws the label apart from the input: the inputs are found by their placeholders.
      await app.type(onlyOne(app.findByAttribute('placeholder', '与身份证一致'), 'name input'), person.name);
      await app.type(onlyOne(app.findByAttribute('placeholder', '18位居民身份证号码'), 'id input'), person.idNumber);
      await app.tap('提交认证');
      await app.waitFor(
        () => app.record.toasts.includes('实名认证成功'),
        8000,
        () => `实名认证成功: ${app.text()}`,
      );

      // From the guide to the application form.
      await app.open(`/search/guide/index?code=${ITEM}`);
      await app.waitForText('在线申报（网上预审）');
      await app.tap('在线申报（网上预审）');
      await app.waitForText('申请人信息');
      expect(app.page.route).toBe('prereview/apply/index');
      await app.waitForText(/已实名，自动带出/);
      expect(app.text()).toContain(`${person.name.slice(0, 1)}*`);
      // Alipay offers photos only; WeChat adds PDFs from chat files.
      if (isWeapp) expect(card(app, LICENCE_NAME).text()).toContain('从聊天记录选 PDF');
      else expect(card(app, LICENCE_NAME).text()).not.toMatch(/PDF 文件|选 PDF/);

      // The form.
      await app.type(inputOf(app, '单位名称'), COMPANY);
      await app.type(inputOf(app, '统一社会信用代码'), CREDIT_CODE);
      await app.type(inputOf(app, '法定代表人'), person.name);
      await app.type(inputOf(app, '法定代表人身份证号'), person.idNumber);
      await app.type(inputOf(app, '联系地址'), '洪山区珞喻路 1037 号 8 栋 302 室');
      // This item is not mailed: 邮寄 cannot be chosen.
      await app.tap('邮寄送达（该事项不提供）');
      expect(app.has('邮寄地址')).toBe(false);
      await app.tap('窗口自取');

      // A photo of the application form, from the album.
      app.chooseQueue.push([{ hostPath: formPhoto }]);
      await app.tap(card(app, FORM_NAME).find('从相册选择'));
      await waitForCard(app, FORM_NAME, '已上传');
      expect(card(app, FORM_NAME).text()).toContain('照片1.png');

      // The licence: ≥ 4 MiB, so it goes through an upload session in acknowledged chunks.
      app.chooseQueue.push([large]);
      await app.tap(card(app, LICENCE_NAME).find(isWeapp ? '从聊天记录选 PDF' : '从相册选择'));
      await waitForCard(app, LICENCE_NAME, '已上传', 60000);
      expect(card(app, LICENCE_NAME).text()).toContain(isWeapp ? '许可证扫描件.pdf' : '照片1.png');
      await app.waitForText('申请材料（已提供 2 / 2 ）');

      // A double tap on 提交预审 makes one case.
      const submit = app.find('提交预审');
      void app.tap(submit);
      await app.tap(submit);
      await app.waitFor(
        () => app.page.route === 'prereview/case/index' && app.has('待预审'),
        15000,
        () => `the case page: ${app.page.route} ${app.text().slice(0, 600)}`,
      );
      expect(app.record.toasts).toContain('已提交预审');
      // In the same tap, the platform was asked to allow 办件进度通知, and the answer reached the gateway.
      expect(app.record.subscribeRequests).toEqual([[TEST_TEMPLATE_IDS.case_status]]);
      const consents = await asPerson<NotificationConsentList>(gateway, app, 'GET', '/me/notification-consents');
      expect(consents.consents.find((c) => c.template === 'case_status')).toMatchObject({
        accepted: true,
        active: true,
        platform,
      });
      const queue = await admin<AdminCaseQueue>(gateway, 'GET', '/admin/prereview/queue');
      const mine = queue.cases.filter((c) => c.userId === me.id && c.itemCode === ITEM);
      expect(mine).toHaveLength(1);
      const submitted = (await asPerson<CaseList>(gateway, app, 'GET', '/me/cases')).cases.filter(
        (c) => c.itemCode === ITEM,
      );
      expect(submitted.map((c) => c.status)).toEqual(['pending_review']);
      const caseId = mine[0].id;
      expect(mine[0].form.companyName).toBe(COMPANY);
      expect(mine[0].form.delivery).toEqual({ method: 'pickup' });

      // The large file went through one completed upload session.
      const licence = mine[0].materials.find((m) => m.name === LICENCE_NAME);
      if (!licence) throw new Error('licence material missing from the case');
      expect(licence.files).toHaveLength(1);
      // The gateway takes at most CHUNKED_UPLOAD_THRESHOLD - 1 bytes in one request: this file came
      // through a completed upload session.
      expect(licence.files[0].size).toBeGreaterThanOrEqual(CHUNKED_UPLOAD_THRESHOLD);

      // The officer returns the licence with a comment.
      await admin<AdminCaseView>(gateway, 'POST', `/admin/cases/${caseId}/actions`, {
        action: 'return',
        materials: [{ materialId: licence.materialId, comment: RETURN_COMMENT }],
      });

      // The person learns of it in 消息, counted on 我的, which opens the case.
      await app.open('/me/index/index');
      await app.waitForText(/消息 · 1 条未读/);
      await app.tap(/消息 · 1 条未读/);
      await app.waitForText('您的办件需要补正材料');
      expect(app.page.route).toBe('me/account/messages/index');
      await app.tap('您的办件需要补正材料');
      await app.waitForText(new RegExp(`需补正：\\s*${RETURN_COMMENT}`));
      expect(app.page.route).toBe('prereview/case/index');

      // And from 我的办件.
      await app.open('/me/account/cases/index');
      await app.waitForText(ITEM_NAME);
      await app.waitForText('需补正');
      await app.tap(ITEM_NAME);
      await app.waitForText(new RegExp(`需补正：\\s*${RETURN_COMMENT}`));
      expect(app.page.route).toBe('prereview/case/index');
      expect(app.text()).toMatch(/需补正的材料（\s*1\s*项）/);
      // The officer and the person see the names the app gave the files, not the platform's temp names.
      expect(app.text()).toMatch(/食品经营许可注销申请书 已通过 照片1\.png/);
      // Only the returned material can be replaced.
      expect(app.findAll(new RegExp(`^\\d+\\s*\\.\\s*${FORM_NAME}`))).toHaveLength(0);

      app.chooseQueue.push([replacement]);
      await app.tap(card(app, LICENCE_NAME).find(isWeapp ? '从聊天记录选 PDF' : '拍照'));
      await waitForCard(app, LICENCE_NAME, '已上传');
      await app.tap('重新提交预审');
      await app.waitFor(
        () => app.record.toasts.includes('已重新提交'),
        8000,
        () => `已重新提交: ${app.text().slice(0, 600)}`,
      );
      await app.waitForText('待预审');

      const resubmitted = await asPerson<CaseDetail>(gateway, app, 'GET', `/me/cases/${caseId}`);
      expect(resubmitted.status).toBe('pending_review');
      const form = resubmitted.materials.find((m) => m.name === FORM_NAME);
      const newLicence = resubmitted.materials.find((m) => m.name === LICENCE_NAME);
      // The form photo is the same file as before; the licence is the replacement.
      expect(form?.files.map((f) => f.id)).toEqual(
        mine[0].materials.find((m) => m.name === FORM_NAME)?.files.map((f) => f.id),
      );
      expect(newLicence?.files).toHaveLength(1);
      expect(newLicence?.files[0].id).not.toBe(licence.files[0].id);
      expect(newLicence?.files[0].size).toBeLessThan(CHUNKED_UPLOAD_THRESHOLD);

      // The officer approves; the case page shows every step.
      await admin<AdminCaseView>(gateway, 'POST', `/admin/cases/${caseId}/actions`, { action: 'approve' });
      await app.open(`/prereview/case/index?id=${caseId}`);
      await app.waitForText('办理进度');
      await app.waitFor(
        () => classTexts(app, 'timeline__status').length === 5,
        8000,
        () => `five steps: ${app.text().slice(0, 800)}`,
      );
      expect(classTexts(app, 'timeline__status')).toEqual(['草稿', '待预审', '需补正', '待预审', '预审通过']);
      const meta = classTexts(app, 'timeline__meta');
      expect(meta.filter((m) => m.includes('申请人')).length).toBeGreaterThanOrEqual(2);
      expect(meta.some((m) => m.includes('经办人'))).toBe(true);
      expect(classTexts(app, 'case-status')).toEqual(['预审通过']);

      expectNothingBroke(app);
    } finally {
      app.close();
    }
  }, 120000);
  test('the result by post: the address typed into NutUI inputs is kept in the draft, also across a switch to 自取', async () => {
    // An item the district mails (户籍 items of 公安), and a person of this test alone.
    const item = 'HS-GA-0027';
    const first17 = platform === 'weapp' ? '42011119850612123' : '42011119921103456';
    const person = { name: platform === 'weapp' ? '周敏' : '吴刚', idNumber: first17 + idCardCheckChar(first17) };
    const app = await bootApp(platform, gateway, { loginCode: `prereview-post-${platform}` });
    try {
      await signInWithPlatform(app);
      await verifyRealName(app, person.name, person.idNumber);
      await app.open(`/prereview/apply/index?item=${item}`);
      await app.waitForText('结果领取方式');
      await app.tap('邮寄送达（免费）');
      await app.waitForText('邮寄地址');
      await app.type(inputOf(app, '收件人'), person.name);
      await app.type(inputOf(app, '收件人电话'), '13700004444');
      await app.type(inputOf(app, '邮寄地址'), '洪山区珞喻路 1037 号 8 栋 302 室');
      await app.tap('窗口自取');
      expect(app.has('邮寄地址')).toBe(false);
      await app.tap('邮寄送达（免费）');
      await app.waitForText('邮寄地址');
      const expected = {
        method: 'post',
        recipient: person.name,
        mobile: '13700004444',
        address: '洪山区珞喻路 1037 号 8 栋 302 室',
      };
      // The draft is saved as it is typed (debounced): read it back from the gateway.
      const draftDelivery = async () => {
        const draft = (await asPerson<CaseList>(gateway, app, 'GET', '/me/cases')).cases.find(
          (c) => c.itemCode === item && c.status === 'draft',
        );
        return draft
          ? (await asPerson<CaseDetail>(gateway, app, 'GET', `/me/cases/${draft.id}`)).form.delivery
          : undefined;
      };
      let saved = await draftDelivery();
      for (let tries = 0; tries < 30 && JSON.stringify(saved) !== JSON.stringify(expected); tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        saved = await draftDelivery();
      }
      expect(saved).toEqual(expected);
      expectNothingBroke(app);
    } finally {
      app.close();
    }
  }, 120_000);
});
