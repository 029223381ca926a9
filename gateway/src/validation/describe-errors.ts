import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { TSchema } from '@sinclair/typebox';
import { PATTERN_HINTS, type FieldLabels } from './field-labels';

/** One problem with one field, in Chinese for people and in English for logs and developers. */
export interface FieldIssue {
  /** Path segments from the root of the validated value. */
  segments: string[];
  message: string;
  english: string;
}

function numberProp(schema: TSchema, key: string): string {
  const value = (schema as Record<string, unknown>)[key];
  return typeof value === 'number' ? String(value) : '?';
}

/** The allowed values of a union of literals (e.g. `person`, `business`), or undefined. */
function literalChoices(schema: TSchema): string[] | undefined {
  const anyOf = (schema as { anyOf?: unknown }).anyOf;
  if (!Array.isArray(anyOf)) return undefined;
  const values: string[] = [];
  for (const branch of anyOf) {
    const c = (branch as { const?: unknown }).const;
    if (typeof c !== 'string' && typeof c !== 'number' && typeof c !== 'boolean') return undefined;
    values.push(String(c));
  }
  return values;
}

/**
 * The Chinese name of the field at `segments`: qualified by its parent first (`delivery.mobile`),
 * then any entry of a map (`indicators.*`), then the name alone. A field without a label is named
 * as sent, in Chinese quotes, so the message stays Chinese (a contract test keeps every field labelled).
 */
export function fieldLabel(segments: readonly string[], labels: FieldLabels): string {
  const names = segments.filter((s) => !/^\d+$/.test(s));
  const key = names[names.length - 1];
  if (key === undefined) return '内容';
  const parent = names[names.length - 2];
  const qualified = parent !== undefined ? (labels[`${parent}.${key}`] ?? labels[`${parent}.*`]) : undefined;
  return qualified ?? labels[key] ?? `字段“${key}”`;
}

function chineseMessage(error: ValueError, segments: string[], labels: FieldLabels): string {
  const label = fieldLabel(segments, labels);
  const s = error.schema;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return `缺少${label}`;
    case ValueErrorType.ObjectAdditionalProperties:
      return `不支持的字段“${segments[segments.length - 1] ?? ''}”`;
    case ValueErrorType.Object:
      return `${label}应为对象`;
    case ValueErrorType.String:
      return `${label}应为文本`;
    case ValueErrorType.StringMinLength:
      return numberProp(s, 'minLength') === '1'
        ? `请填写${label}`
        : `${label}至少 ${numberProp(s, 'minLength')} 个字符`;
    case ValueErrorType.StringMaxLength:
      return `${label}不能超过 ${numberProp(s, 'maxLength')} 个字符`;
    case ValueErrorType.StringPattern: {
      const pattern = (s as { pattern?: string }).pattern ?? '';
      return `${label}格式不正确${PATTERN_HINTS[pattern] ?? ''}`;
    }
    case ValueErrorType.StringFormat:
    case ValueErrorType.StringFormatUnknown:
      return `${label}格式不正确`;
    case ValueErrorType.Integer:
      return `${label}应为整数`;
    case ValueErrorType.Number:
      return `${label}应为数字`;
    case ValueErrorType.Boolean:
      return `${label}应为 true 或 false`;
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.NumberMinimum:
      return `${label}不能小于 ${numberProp(s, 'minimum')}`;
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMaximum:
      return `${label}不能大于 ${numberProp(s, 'maximum')}`;
    case ValueErrorType.IntegerExclusiveMinimum:
    case ValueErrorType.NumberExclusiveMinimum:
      return `${label}必须大于 ${numberProp(s, 'exclusiveMinimum')}`;
    case ValueErrorType.IntegerExclusiveMaximum:
    case ValueErrorType.NumberExclusiveMaximum:
      return `${label}必须小于 ${numberProp(s, 'exclusiveMaximum')}`;
    case ValueErrorType.Literal:
      return `${label}应为 ${String((s as { const?: unknown }).const)}`;
    case ValueErrorType.Union: {
      const choices = literalChoices(s);
      return choices ? `${label}取值无效，可选：${choices.join('、')}` : `${label}格式不正确`;
    }
    case ValueErrorType.Array:
      return `${label}应为列表`;
    case ValueErrorType.ArrayMinItems:
      return `${label}至少需要 ${numberProp(s, 'minItems')} 项`;
    case ValueErrorType.ArrayMaxItems:
      return `${label}最多 ${numberProp(s, 'maxItems')} 项`;
    default:
      return `${label}格式不正确`;
  }
}

function splitPath(path: string): string[] {
  // TypeBox paths are JSON pointers: "/departments/0/items/2/code" (with ~0 / ~1 escapes).
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Turns TypeBox errors into one issue per field (the first error at a path is the most telling:
 * "missing" before "not a string"), capped so a huge bad payload cannot produce a huge answer.
 */
export function describeErrors(errors: Iterable<ValueError>, labels: FieldLabels, limit = 50): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    if (seen.has(error.path)) continue;
    seen.add(error.path);
    const segments = splitPath(error.path);
    issues.push({ segments, message: chineseMessage(error, segments, labels), english: error.message });
    if (issues.length >= limit) break;
  }
  return issues;
}

/** `["applicant", "idNumber"]` → `applicant.idNumber` (the contract's FieldError.field). */
export function dottedPath(segments: string[]): string {
  return segments.join('.');
}

/** `["departments", "0", "items"]` → `$.departments[0].items` (for import reports). */
export function jsonPath(segments: string[]): string {
  return segments.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : `${acc}.${s}`), '$');
}
