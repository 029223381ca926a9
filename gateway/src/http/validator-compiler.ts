import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { describeErrors, dottedPath } from '../validation/describe-errors';
import { requestLabels, routeKey } from '../validation/request-labels';
import { convertQuery } from '../validation/convert-query';
import { validationFailed } from './api-error';
import { registerFormats } from '../validation/formats';

registerFormats();

/**
 * Validates requests with TypeBox itself (the contract's own semantics), not a second validator.
 * Query strings and path parameters arrive as text and are converted first ("2" → 2,
 * "true" → true); JSON bodies are checked as sent — `{"mobile": 13800138000}` is not a string.
 * Unknown properties are errors, not silently dropped: the app must not depend on leniency a
 * provincial gateway would not have.
 */
export const typeboxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart, method, url }) => {
  const check = TypeCompiler.Compile(schema);
  // A name can mean different things on different routes (`code`: 验证码 or 事项编码): label per route.
  const labels = requestLabels(routeKey(method, url));
  const convert = httpPart !== 'body';
  const root = httpPart === 'body' ? 'body' : httpPart === 'querystring' ? 'query' : (httpPart ?? 'request');
  return (input: unknown) => {
    const value = convert ? convertQuery(schema, input) : input;
    if (check.Check(value)) return { value };
    const fields = describeErrors(check.Errors(value), labels).map((issue) => ({
      field: issue.segments.length > 0 ? dottedPath(issue.segments) : root,
      message: issue.segments.length > 0 ? issue.message : '请求内容格式不正确',
    }));
    return { error: validationFailed(fields) };
  };
};
