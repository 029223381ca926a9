import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CodeLoginRequest,
  LoginResult,
  RefreshRequest,
  SmsLoginRequest,
  SmsRequest,
  SmsSent,
  TokenPair,
} from '../../../types/contract';
import { userView } from '../auth/user-view';
import type { GatewayContext } from '../context';
import { envelopeSchemas, ok } from '../http/envelope';

/** Login by SMS code (H5) or mini-program login code, token refresh with rotation, logout. */
export function authRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['auth'];
    const perMinute = { rateLimit: { max: ctx.ipLimits.authPerMinute, timeWindow: 60_000 } };

    // Tokens and codes must never be cached by a proxy or the browser.
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    app.post(
      '/auth/sms',
      {
        config: { rateLimit: { max: ctx.ipLimits.smsPerHour, timeWindow: 3_600_000 } },
        schema: { tags, summary: '发送短信验证码', body: SmsRequest, response: envelopeSchemas(SmsSent) },
      },
      async (request) => ok(request, ctx.sms.send(request.body.mobile)),
    );

    app.post(
      '/auth/sms-login',
      {
        config: perMinute,
        schema: { tags, summary: '手机号 + 验证码登录', body: SmsLoginRequest, response: envelopeSchemas(LoginResult) },
      },
      async (request) => {
        const { mobile, code } = request.body;
        ctx.sms.verify(mobile, code);
        const user = ctx.users.forMobile(mobile, ctx.now());
        return ok(request, { tokens: ctx.tokens.issue(user.id), user: userView(user) });
      },
    );

    app.post(
      '/auth/code-login',
      {
        config: perMinute,
        schema: {
          tags,
          summary: '小程序登录（微信 jscode2session / 支付宝 alipay.system.oauth.token）',
          description:
            '未配置 WEAPP_APPID/WEAPP_SECRET 或 ALIPAY_APPID/ALIPAY_PRIVATE_KEY 时使用本地身份替身：openid = hash(platform + code)。',
          body: CodeLoginRequest,
          response: envelopeSchemas(LoginResult),
        },
      },
      async (request) => {
        const { platform, code } = request.body;
        const openId = await ctx.identity.resolve(platform, code);
        const user = ctx.users.forPlatform(platform, openId, ctx.now());
        return ok(request, { tokens: ctx.tokens.issue(user.id), user: userView(user) });
      },
    );

    app.post(
      '/auth/refresh',
      {
        config: perMinute,
        schema: { tags, summary: '刷新令牌（轮换）', body: RefreshRequest, response: envelopeSchemas(TokenPair) },
      },
      async (request) => ok(request, ctx.tokens.refresh(request.body.refreshToken)),
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          tags,
          summary: '退出登录',
          body: RefreshRequest,
          response: envelopeSchemas(Type.Object({ loggedOut: Type.Literal(true) })),
        },
      },
      async (request) => {
        ctx.tokens.logout(request.body.refreshToken);
        return ok(request, { loggedOut: true as const });
      },
    );
  };
}
