import type { RunningGateway } from '../../e2e/support/running-gateway';
import { MiniApp, type BootOptions, type Platform } from '../runtime/mini-app';
import type { PageNode } from '../runtime/page-tree';
import { compileWeapp } from '../runtime/wxml-renderer';

export const PLATFORMS: Platform[] = ['weapp', 'alipay'];

/**
 * Globals the built code looks up that the engines lack. Each is a feature check (`typeof X !==
 * 'undefined'`) in a library, seen in the build; a lookup of any other absent name fails the suite,
 * so a new one gets looked at before it reaches a phone.
 */
export const EXPECTED_ABSENT_LOOKUPS: Record<string, string> = {
  performance: 'React scheduler and Taro: timing source, Date.now otherwise',
  setImmediate: 'React scheduler: MessageChannel or setTimeout otherwise',
  MessageChannel: 'React scheduler: setTimeout otherwise',
  queueMicrotask: 'axios / React: Promise.then otherwise',
  process: 'axios: platform detection',
  FormData: 'axios and the app’s client: a FormData body exists only on H5',
  Blob: 'axios: Blob bodies exist only on H5',
  WorkerGlobalScope: 'axios: platform detection',
  SuppressedError: 'tslib: ES2024 built-in, polyfilled when absent',
  self: 'axios: looking for the global object (globalThis first)',
  Iterator:
    '@swc/helpers generator (NutUI Rate measuring its stars, Form’s async validation): ES2025 built-in, Object otherwise',
};

/**
 * Boots the built app of a platform against the test's gateway. On weapp every settled page is also
 * rendered through the official WXML compiler's output: a template the data names but the build
 * lacks, or any error the template runtime reports, is an error of the app.
 */
export async function bootApp(
  platform: Platform,
  gateway: RunningGateway,
  options: Partial<BootOptions> = {},
): Promise<MiniApp> {
  const renderer =
    platform === 'weapp' ? compileWeapp(options.distDir ?? `${__dirname}/../../../dist/weapp`) : undefined;
  return MiniApp.boot({
    platform,
    gatewayOrigin: gateway.baseUrl,
    afterSettle: renderer
      ? (app, page) => {
          try {
            renderer.render(page.route, page.instance.data);
          } catch (error) {
            app.errors.push(`WXML render of ${page.route}: ${(error as Error).message}`);
          }
        }
      : undefined,
    ...options,
  });
}

/** What must never happen on a phone: an error, an API the platform lacks, an unguarded global. */
export function expectNothingBroke(app: MiniApp): void {
  expect(app.errors).toEqual([]);
  expect([...new Set(app.record.missingApis)]).toEqual([]);
  expect([...app.unknownNodeKinds]).toEqual([]);
  const unexpected = app.absentLookups.filter((lookup) => !(lookup.name in EXPECTED_ABSENT_LOOKUPS));
  expect(unexpected).toEqual([]);
}

/** The one node a query must find; anything else is an error naming what was looked for. */
export function onlyOne(nodes: PageNode[], what: string): PageNode {
  if (nodes.length !== 1) throw new Error(`expected one ${what}, found ${nodes.length}`);
  return nodes[0];
}

/** 我的 → login page → agree → the platform's one-tap login (wx.login / my.getAuthCode → the gateway). */
export async function signInWithPlatform(app: MiniApp): Promise<void> {
  await app.open('/me/account/login/index');
  await app.tap('我已阅读并同意');
  await app.tap(app.platform === 'weapp' ? /^微信\s*一键登录$/ : /^支付宝\s*一键登录$/);
  await app.waitFor(
    () => app.record.toasts.includes('登录成功'),
    8000,
    () => `登录成功: ${app.text()}`,
  );
}

/** 我的 → 实名认证: types name and 身份证号 as a person would, and submits. */
export async function verifyRealName(app: MiniApp, name: string, idNumber: string): Promise<void> {
  await app.open('/me/account/real-name/index');
  await app.waitForText('提交认证');
  await app.type(onlyOne(app.findByAttribute('placeholder', '与身份证一致'), 'name input'), name);
  await app.type(onlyOne(app.findByAttribute('placeholder', '18位居民身份证号码'), 'id input'), idNumber);
  await app.tap('提交认证');
  await app.waitFor(
    () => app.record.toasts.includes('实名认证成功'),
    8000,
    () => `实名认证成功: ${app.text()}`,
  );
}

/** The signed-in person's access token, as the app keeps it in the phone's storage. */
export function accessToken(app: MiniApp): string {
  // The platform's storage holds the app's value (itself a JSON string, under the app's prefix).
  const stored = app.storage.get('hsz:session.tokens');
  if (!stored) throw new Error('not signed in');
  return (JSON.parse(JSON.parse(stored) as string) as { accessToken: string }).accessToken;
}

/** Calls the gateway as the signed-in person (for setting up what a journey needs, not for asserting). */
export async function asPerson<T>(
  gateway: RunningGateway,
  app: MiniApp,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${gateway.baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken(app)}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method} ${path}: ${response.status} ${envelope.error?.message}`);
  return envelope.data;
}
