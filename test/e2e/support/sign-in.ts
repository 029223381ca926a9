import type { Page } from 'playwright-core';
import { button } from './browser';
import type { RunningGateway } from './running-gateway';

/** Logs in through the H5 login page with the SMS code the gateway issued. */
export async function signInBySms(page: Page, gateway: RunningGateway, mobile: string): Promise<void> {
  await page.goto(`${gateway.baseUrl}/me/account/login/index`);
  await submitSmsLogin(page, gateway, mobile);
  await page.getByText('登录成功').waitFor();
}

/** On the login page already open: agrees, asks for a code, types the one the gateway issued, logs in. */
export async function submitSmsLogin(page: Page, gateway: RunningGateway, mobile: string): Promise<void> {
  await page.locator('.login__check').click();
  await page.locator('input[placeholder="请输入11位手机号码"]').fill(mobile);
  await button(page, '获取验证码').click();
  await page.getByText(/\d+秒后重发/).waitFor();
  await page.locator('input[placeholder="6位验证码"]').fill(gateway.smsCodes.get(mobile) ?? '');
  await page.locator('.login__submit').click();
}

/** Completes the development real-name flow through its page. */
export async function verifyRealName(page: Page, gateway: RunningGateway, name: string, idNumber: string) {
  await page.goto(`${gateway.baseUrl}/me/account/real-name/index`);
  await page.locator('input[placeholder="与身份证一致"]').fill(name);
  await page.locator('input[placeholder="18位居民身份证号码"]').fill(idNumber);
  await button(page, '提交认证').click();
  await page.getByText('实名认证成功').waitFor();
}

/** Calls an officer's admin endpoint the way the admin CLI would. */
export async function admin<T>(gateway: RunningGateway, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${gateway.baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-admin-token': 'e2e-admin-token' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method} ${path}: ${response.status} ${envelope.error?.message}`);
  return envelope.data;
}

/**
 * Logs in through the H5 login page like {@link signInBySms} and returns the access token the app
 * received (read from the login answer), for API calls made on the same person's behalf.
 */
export async function signInForToken(page: Page, gateway: RunningGateway, mobile: string): Promise<string> {
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/sms-login') && r.request().method() === 'POST',
  );
  await signInBySms(page, gateway, mobile);
  const body = (await (await answer).json()) as { data: { tokens: { accessToken: string } } };
  return body.data.tokens.accessToken;
}
