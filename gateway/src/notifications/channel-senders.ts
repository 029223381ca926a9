import { createSign } from 'node:crypto';
import type { NotificationChannel, NotificationTemplate } from '../../../types/contract';
import type { AlipayCredentials, WeappCredentials } from '../config';
import { alipayKey, chinaTimestamp, type FetchLike } from '../auth/platform-identity';
import { alipayData, smsText, weappData, type OutgoingMessage } from './message-data';

/** What a send came to. `retryable: false` means trying again cannot help (refused by the platform). */
export type SendOutcome = { ok: true } | { ok: false; retryable: boolean; error: string };

export interface NotificationSender {
  /** How the CLI and logs name the way it sends (e.g. 微信订阅消息, 本地替身). */
  readonly label: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
}

/** Template ids per platform, from the platform's console (env WEAPP_TEMPLATE_CASE_STATUS…). */
export type TemplateIds = Partial<Record<NotificationTemplate, string>>;

export interface NotificationPlatforms {
  weapp?: WeappCredentials & { templateIds: TemplateIds };
  alipay?: AlipayCredentials & { templateIds: TemplateIds };
}

export const CHANNEL_NAMES: Record<NotificationChannel, string> = {
  weapp: '微信订阅消息',
  alipay: '支付宝模板消息',
  sms: '短信',
};

const failure = (error: string, retryable: boolean): SendOutcome => ({ ok: false, retryable, error });

const noTemplate = (channel: NotificationChannel, template: NotificationTemplate): SendOutcome =>
  failure(`未配置 ${CHANNEL_NAMES[channel]} 的模板编号（${template}）`, false);

/**
 * WeChat `subscribeMessage.send`. The access token is fetched with the app secret and kept until
 * five minutes before it expires; an answer saying it expired early drops it for the next try.
 */
export class WeappSender implements NotificationSender {
  readonly label = CHANNEL_NAMES.weapp;
  private token: { value: string; until: number } | undefined;

  constructor(
    private readonly config: WeappCredentials & { templateIds: TemplateIds },
    private readonly fetchFn: FetchLike,
    private readonly now: () => Date,
  ) {}

  private async accessToken(): Promise<string> {
    const now = this.now().getTime();
    if (this.token && this.token.until > now) return this.token.value;
    const url =
      'https://api.weixin.qq.com/cgi-bin/token?' +
      new URLSearchParams({ grant_type: 'client_credential', appid: this.config.appId, secret: this.config.secret });
    const body = (await (await this.fetchFn(url)).json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('微信 access_token 获取失败');
    const ttl = typeof body.expires_in === 'number' ? body.expires_in : 7200;
    this.token = { value: body.access_token, until: now + Math.max(60, ttl - 300) * 1000 };
    return body.access_token;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const templateId = this.config.templateIds[message.template];
    if (!templateId) return noTemplate('weapp', message.template);
    try {
      const token = await this.accessToken();
      const res = await this.fetchFn(
        `https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            touser: message.to,
            template_id: templateId,
            page: message.page,
            data: weappData(message),
            miniprogram_state: 'formal',
            lang: 'zh_CN',
          }),
        },
      );
      const body = (await res.json()) as { errcode?: unknown; errmsg?: unknown };
      if (body.errcode === 0) return { ok: true };
      const detail = `微信 errcode ${String(body.errcode)}：${String(body.errmsg ?? '')}`;
      if (body.errcode === 40001 || body.errcode === 42001) {
        this.token = undefined;
        return failure(detail, true);
      }
      // 43101 the user has no subscription left, 40003 openid, 40037 template id, 47003 a field value.
      return failure(detail, body.errcode === -1);
    } catch (error) {
      return failure(`微信接口不可用：${(error as Error).message}`, true);
    }
  }
}

const ALIPAY_USER_ID = /^2088\d{12}$/;

/** Alipay `alipay.open.app.mini.templatemessage.send`, signed RSA2 like the login exchange. */
export class AlipaySender implements NotificationSender {
  readonly label = CHANNEL_NAMES.alipay;

  constructor(
    private readonly config: AlipayCredentials & { templateIds: TemplateIds },
    private readonly fetchFn: FetchLike,
    private readonly now: () => Date,
  ) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const templateId = this.config.templateIds[message.template];
    if (!templateId) return noTemplate('alipay', message.template);
    const params: Record<string, string> = {
      app_id: this.config.appId,
      method: 'alipay.open.app.mini.templatemessage.send',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: chinaTimestamp(this.now()),
      version: '1.0',
      biz_content: JSON.stringify({
        // Logins store Alipay's open_id, or the older 2088… user_id where the app still gets one.
        ...(ALIPAY_USER_ID.test(message.to) ? { to_user_id: message.to } : { to_open_id: message.to }),
        user_template_id: templateId,
        page: message.page,
        data: JSON.stringify(alipayData(message)),
      }),
    };
    const content = Object.keys(params)
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&');
    const sign = createSign('RSA-SHA256').update(content, 'utf8').sign(alipayKey(this.config.privateKey), 'base64');
    try {
      const res = await this.fetchFn('https://openapi.alipay.com/gateway.do?charset=utf-8', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams({ ...params, sign }).toString(),
      });
      const body = (await res.json()) as {
        alipay_open_app_mini_templatemessage_send_response?: { code?: unknown; sub_code?: unknown; sub_msg?: unknown };
      };
      const answer = body.alipay_open_app_mini_templatemessage_send_response;
      if (answer?.code === '10000') return { ok: true };
      // 20000 is Alipay's "service unavailable": worth another try; business errors (40004) are not.
      return failure(
        `支付宝 ${String(answer?.sub_code ?? answer?.code)}：${String(answer?.sub_msg ?? '')}`,
        answer?.code === '20000',
      );
    } catch (error) {
      return failure(`支付宝接口不可用：${(error as Error).message}`, true);
    }
  }
}

export interface StandInDelivery {
  channel: NotificationChannel;
  message: OutgoingMessage;
  /** What the platform would have received (WeChat / Alipay data, or the SMS text). */
  payload: unknown;
}

/**
 * The local stand-in, used when a platform's credentials are not configured (and always for SMS:
 * the reference gateway has no SMS provider; login codes go to the log too). It delivers to the
 * log, with the recipient masked, and counts as sent.
 */
export class StandInSender implements NotificationSender {
  readonly label = '本地替身（日志）';

  constructor(
    private readonly channel: NotificationChannel,
    private readonly log: (data: Record<string, unknown>, message: string) => void,
    private readonly onDelivered?: (delivery: StandInDelivery) => void,
  ) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const payload =
      this.channel === 'weapp'
        ? { page: message.page, data: weappData(message) }
        : this.channel === 'alipay'
          ? { page: message.page, data: alipayData(message) }
          : { text: smsText(message) };
    this.log(
      {
        notification: {
          id: message.notificationId,
          channel: this.channel,
          to: message.toMasked,
          template: message.template,
        },
      },
      `${CHANNEL_NAMES[this.channel]}（本地替身）→ ${message.toMasked}：${message.title}`,
    );
    this.onDelivered?.({ channel: this.channel, message, payload });
    return { ok: true };
  }
}

/** A sender per channel: the platform's when its credentials are configured, else the stand-in. */
export function channelSenders(options: {
  platforms: NotificationPlatforms;
  fetch: FetchLike;
  now: () => Date;
  log: (data: Record<string, unknown>, message: string) => void;
  onStandIn?: (delivery: StandInDelivery) => void;
}): Record<NotificationChannel, NotificationSender> {
  const { platforms, log, onStandIn } = options;
  return {
    weapp: platforms.weapp
      ? new WeappSender(platforms.weapp, options.fetch, options.now)
      : new StandInSender('weapp', log, onStandIn),
    alipay: platforms.alipay
      ? new AlipaySender(platforms.alipay, options.fetch, options.now)
      : new StandInSender('alipay', log, onStandIn),
    sms: new StandInSender('sms', log, onStandIn),
  };
}
