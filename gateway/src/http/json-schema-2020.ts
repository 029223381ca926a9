type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * TypeBox writes tuples in draft-07 form (`items: [A, B]`, `additionalItems: false`), which neither
 * OpenAPI 3.0 nor 3.1 (JSON Schema 2020-12) accepts; 2020-12 says the same with `prefixItems` and
 * `items: false`. Only the published document is rewritten: the gateway still validates with
 * TypeBox's own schemas, and the wire shape (`[start, end]`) does not change.
 */
export function toJsonSchema2020(value: Json): Json {
  if (Array.isArray(value)) return value.map(toJsonSchema2020);
  if (!isObject(value)) return value;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) out[key] = toJsonSchema2020(child);
  if (out.type === 'array' && Array.isArray(out.items)) {
    out.prefixItems = out.items;
    delete out.items;
    if (out.additionalItems === false) out.items = false;
    delete out.additionalItems;
  }
  return out;
}

export type { Json };
