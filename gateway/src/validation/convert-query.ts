import type { TSchema } from '@sinclair/typebox';

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function convertValue(schema: TSchema, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const type = (schema as { type?: unknown }).type;
  // Strict: "1.5" is not an integer and "yes" is not a boolean — they stay text and fail validation
  // (TypeBox's own Convert would quietly turn "1.5" into 1).
  if (type === 'integer' && INTEGER.test(value)) return Number(value);
  if (type === 'number' && NUMBER.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Query strings and path parameters arrive as text: convert the fields whose schema wants a number or boolean. */
export function convertQuery(schema: TSchema, input: unknown): unknown {
  const properties = (schema as { properties?: Record<string, TSchema> }).properties;
  if (!properties || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const property = properties[key];
    out[key] = property ? convertValue(property, value) : value;
  }
  return out;
}
