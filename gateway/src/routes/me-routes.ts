import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  FavouriteList,
  FavouriteState,
  RealNameRequest,
  RealNameResult,
  User,
  type FieldError,
} from '../../../types/contract';
import { checkIdCardNumber } from '../../../src/lib/id-card';
import { userView } from '../auth/user-view';
import type { GatewayContext } from '../context';
import { ApiError, notFound, validationFailed } from '../http/api-error';
import { currentUserId, personalScope } from '../http/auth-guard';
import { envelopeSchemas, ok } from '../http/envelope';
import type { UserRecord } from '../store/user-store';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
const security = [{ bearerAuth: [] }];

/** Chinese names, with the middle dot used in minority and transliterated names (阿依古丽·买买提). */
const NAME =
  /^[\u3400-\u4dbf\u4e00-\u9fff\u{20000}-\u{3134f}]+(?:[·•][\u3400-\u4dbf\u4e00-\u9fff\u{20000}-\u{3134f}]+)*$/u;

/** The logged-in user's account, real-name state and favourites. */
export function meRoutes(ctx: GatewayContext): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['me'];
    personalScope(app, ctx.tokens);

    const me = (userId: string): UserRecord => {
      const user = ctx.users.get(userId);
      if (!user) throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录');
      return user;
    };
    const requireItem = (code: string): void => {
      if (!ctx.catalogue.itemSummary(code)) throw notFound('没有找到这个事项，它可能已调整或下线');
    };

    app.get(
      '/me',
      { schema: { tags, security, summary: '当前用户', response: envelopeSchemas(User) } },
      async (request) => ok(request, userView(me(currentUserId(request)))),
    );

    app.post(
      '/me/real-name',
      {
        schema: {
          tags,
          security,
          summary: '实名认证（姓名 + 身份证号，校验 GB 11643 校验位；已在其他账号认证的身份需该账号手机验证码）',
          body: RealNameRequest,
          response: envelopeSchemas(RealNameResult),
        },
      },
      async (request) => {
        const user = me(currentUserId(request));
        const name = request.body.name.trim();
        const idNumber = request.body.idNumber.trim().toUpperCase();
        const fields: FieldError[] = [];
        if (Array.from(name).length < 2 || !NAME.test(name)) {
          fields.push({ field: 'name', message: '请输入与身份证一致的中文姓名' });
        }
        const check = checkIdCardNumber(idNumber, ctx.now());
        // As the app words it (field-checks): the message names the 身份证号 it is about.
        if (!check.valid) {
          const message = check.reason.includes('身份证号') ? check.reason : `身份证号的${check.reason}`;
          fields.push({ field: 'idNumber', message });
        }
        if (fields.length > 0) throw validationFailed(fields);
        return ok(request, ctx.realName.verify(user, name, idNumber, request.body.code));
      },
    );

    app.get(
      '/me/favourites',
      { schema: { tags, security, summary: '我的收藏', response: envelopeSchemas(FavouriteList) } },
      async (request) => ok(request, { items: ctx.favourites.list(me(currentUserId(request)).id) }),
    );

    app.get(
      '/me/favourites/:code',
      {
        schema: {
          tags,
          security,
          summary: '是否已收藏',
          params: CodeParams,
          response: envelopeSchemas(FavouriteState),
        },
      },
      async (request) => {
        const userId = me(currentUserId(request)).id;
        const { code } = request.params;
        requireItem(code);
        return ok(request, { code, favourite: ctx.favourites.has(userId, code) });
      },
    );

    app.put(
      '/me/favourites/:code',
      { schema: { tags, security, summary: '收藏', params: CodeParams, response: envelopeSchemas(FavouriteState) } },
      async (request) => {
        const userId = me(currentUserId(request)).id;
        const { code } = request.params;
        requireItem(code);
        ctx.favourites.add(userId, code, ctx.now().getTime());
        return ok(request, { code, favourite: true });
      },
    );

    app.delete(
      '/me/favourites/:code',
      {
        schema: { tags, security, summary: '取消收藏', params: CodeParams, response: envelopeSchemas(FavouriteState) },
      },
      async (request) => {
        const userId = me(currentUserId(request)).id;
        const { code } = request.params;
        requireItem(code);
        ctx.favourites.remove(userId, code);
        return ok(request, { code, favourite: false });
      },
    );
  };
}
