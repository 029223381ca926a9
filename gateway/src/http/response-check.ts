import type { FastifyInstance } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { errorEnvelope } from './envelope';
import { registerFormats } from '../validation/formats';

registerFormats();

const INTERNAL_MESSAGE = '服务暂时不可用，请稍后再试';

/**
 * Checks every JSON response against its route's response schema before it is sent: the gateway
 * is the reference implementation of the contract, so drift must fail here (500 and an error in
 * the log), not in the app. The check is compiled once per schema and costs microseconds.
 */
export function registerResponseCheck(app: FastifyInstance): void {
  const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();
  const checkerFor = (schema: TSchema): TypeCheck<TSchema> => {
    let check = compiled.get(schema);
    if (!check) {
      check = TypeCompiler.Compile(schema);
      compiled.set(schema, check);
    }
    return check;
  };

  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    const responses = request.routeOptions.schema?.response as Record<string, TSchema> | undefined;
    if (!responses) return payload;
    const status = reply.statusCode;
    const schema = responses[String(status)] ?? responses[`${String(status)[0]}xx`];
    if (!schema) return payload;
    const check = checkerFor(schema);
    if (check.Check(payload)) return payload;
    const problems = [...check.Errors(payload)].slice(0, 5).map((e) => `${e.path}: ${e.message}`);
    request.log.error({ problems, route: request.routeOptions.url }, 'response does not match the contract');
    reply.code(500);
    return errorEnvelope(request, { code: 'INTERNAL', message: INTERNAL_MESSAGE });
  });
}

export { INTERNAL_MESSAGE };
