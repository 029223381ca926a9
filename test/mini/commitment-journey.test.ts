import { createPublicKey, verify } from 'node:crypto';
import { startGateway, type RunningGateway } from '../e2e/support/running-gateway';
import { NAME_STROKES, canonical } from '../e2e/support/commitment';
import type { MiniApp } from './runtime/mini-app';
import type { PageNode } from './runtime/page-tree';
import {
  PLATFORMS,
  asPerson,
  bootApp,
  expectNothingBroke,
  signInWithPlatform,
  onlyOne,
  verifyRealName,
} from './support/journey';

/**
 * Journey 4: 告知承诺. A signed-in person verifies their real name, finds 食品经营许可（新办）, taps
 * from its guide to the 告知书 of a material a commitment can replace, reads it to its end, commits,
 * ticks the four confirmations, signs by hand on the canvas, and verifies the receipt in the app and
 * with the gateway's published key.
 */

const ITEM_NAME = '食品经营许可（新办）';

/** A different person per platform: an identity belongs to one account. */
const PEOPLE = {
  weapp: { name: '王芳', idNumber: '11010519491231002X', masked: /王\*/ },
  alipay: { name: '李强', idNumber: '110101199003074477', masked: /李\*/ },
} as const;

let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGateway({ h5: false });
});

afterAll(async () => {
  await gateway?.close();
});

function byTag(app: MiniApp, tag: string): PageNode {
  return onlyOne(
    app.nodes().filter((node) => node.tag === tag),
    tag,
  );
}

/** Draws strokes given in fractions of the pad, as a finger would on the 343 × 200 canvas. */
async function sign(app: MiniApp, strokes: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): Promise<void> {
  const canvas = byTag(app, 'canvas');
  for (const stroke of strokes) {
    await app.drawStroke(
      canvas,
      stroke.map(([x, y]) => ({ x: x * 343, y: y * 200 })),
    );
  }
}

describe.each(PLATFORMS)('告知承诺 on %s', (platform) => {
  test('a verified person reads the notice to its end, commits, signs by hand and verifies the receipt', async () => {
    const person = PEOPLE[platform];
    const app = await bootApp(platform, gateway, { loginCode: `commitment-journey-${platform}` });
    try {
      await signInWithPlatform(app);
      await verifyRealName(app, person.name, person.idNumber);

      // Search → guide → the material a commitment can replace.
      await app.open(`/search/results/index?q=${encodeURIComponent(ITEM_NAME)}`);
      // The result highlights the words searched for, in text of their own.
      await app.waitForText(/共找到 \d+ 个事项/);
      await app.tap(app.find(/^食品经营许可（新办）$/));
      await app.waitForText(/申请材料|所需材料/);
      expect(app.page.route).toBe('search/guide/index');
      await app.tap(app.find(/查看告知书，签署承诺代替/));
      expect(app.page.route).toBe('commitment/notice/index');
      await app.waitForText('告知承诺书');
      await app.waitForText('不实承诺的法律责任');
      expect(app.text()).toContain('请向上滑动，阅读告知书全文');

      // Signing before reading to the end is refused.
      await app.tap('签署承诺');
      await app.waitForText('请先阅读完告知书全文（滑动到底部）');

      // Reading to the end: the notice scrolls vertically in a box of its own, and the platform tells
      // the page when the reader reaches its lower edge (WeChat says which edge; Alipay sends no detail).
      const notice = byTag(app, 'scroll-view');
      expect(app.attribute(notice, 'scroll-y')).toBe(true);
      app.dispatch(notice, 'scrolltolower', platform === 'weapp' ? { direction: 'bottom' } : {});
      await app.waitForText('✓ 已阅读至全文末尾');
      expect(app.text()).toContain('— 告知书全文完 —');

      await app.tap('我承诺符合条件，以告知承诺代替证明材料');
      await app.tap('签署承诺');
      await app.waitForText('请确认：我已知晓告知书的全部内容');
      for (const label of [
        '我已知晓告知书的全部内容',
        '我符合告知书所列的条件',
        '我提供的信息真实、准确、完整',
        '我愿意接受行政机关核查，并承担不实承诺的法律责任',
      ]) {
        await app.tap(label);
      }
      // Four NutUI checkboxes, each ticked.
      expect(app.findByAttribute('class', /(^| )confirm( |$)/)).toHaveLength(4);
      expect(app.findByAttribute('class', /(^| )nut-checkbox-active( |$)/)).toHaveLength(4);

      // A dot is not a signature.
      await sign(app, [
        [
          [0.5, 0.5],
          [0.505, 0.505],
        ],
      ]);
      await app.tap('签署承诺');
      await app.waitForText('签名过于简单，请用正楷完整书写您的姓名');
      await app.tap('清除重写');
      await app.waitForText('请在此处用手指正楷书写您的姓名');

      await sign(app, NAME_STROKES);
      await app.tap('签署承诺');
      await app.waitFor(
        () => app.page.route === 'commitment/receipt/index',
        20000,
        () => `the receipt page: ${app.page.route} ${app.text()}`,
      );
      expect(app.record.toasts).toContain('承诺已签署');
      await app.waitForText('已承诺，待核查');
      expect(app.text()).toContain(ITEM_NAME);
      expect(app.text()).toMatch(person.masked);
      expect(app.text()).not.toContain(person.idNumber);

      // The app's own verification.
      await app.tap('核验回执');
      await app.waitForText('✓ 回执完整，记录与签名文件均未被篡改');

      // Anyone can verify the receipt offline with the published key.
      const id = decodeURIComponent(app.page.query.id ?? '');
      expect(app.text()).toContain(id);
      const mine = await asPerson<{ record: Record<string, unknown>; gatewaySignature: string }>(
        gateway,
        app,
        'GET',
        `/me/commitments/${id}`,
      );
      expect(app.text()).toContain(mine.gatewaySignature);
      const key = (await (await fetch(`${gateway.baseUrl}/api/commitments/public-key`)).json()) as {
        data: { publicKeyPem: string };
      };
      expect(
        verify(
          null,
          Buffer.from(canonical(mine.record)),
          createPublicKey(key.data.publicKeyPem),
          Buffer.from(mine.gatewaySignature, 'base64'),
        ),
      ).toBe(true);
      const verification = (await (await fetch(`${gateway.baseUrl}/api/commitments/${id}/verification`)).json()) as {
        data: { intact: boolean };
      };
      expect(verification.data.intact).toBe(true);

      // 我的承诺 lists it.
      await app.open('/commitment/mine/index');
      await app.waitForText(ITEM_NAME);

      expectNothingBroke(app);
    } finally {
      app.close();
    }
  });
});
