import type { TSchema } from '@sinclair/typebox';
import type { Json } from './json-schema-2020';

type JsonObject = { [key: string]: Json };

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Key order never matters in a schema: two schemas are the same when this text is. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

/**
 * What a schema looks like, ignoring how it is written: property names, literal values, element
 * and member shapes, and types. @fastify/swagger rewrites the route schemas on the way into the
 * document (`const` becomes `enum`, a request body loses `description`…), so a contract schema is
 * recognised in the document by its shape, not its text.
 */
function shape(value: Json): Json {
  if (Array.isArray(value)) return value.map(shape);
  if (!isObject(value)) return value;
  if ('const' in value) return { literal: value.const };
  if (Array.isArray(value.enum) && value.enum.length === 1) return { literal: value.enum[0] };
  if (isObject(value.properties)) {
    const properties: JsonObject = {};
    for (const key of Object.keys(value.properties).sort()) properties[key] = shape(value.properties[key]);
    return { object: properties };
  }
  if (Array.isArray(value.anyOf)) return { anyOf: value.anyOf.map(shape) };
  if (value.type === 'array') {
    return { array: shape(value.prefixItems ?? value.items ?? null), tuple: value.prefixItems !== undefined };
  }
  return { type: value.type ?? null, format: value.format ?? null };
}

/** Too small to be worth a `$ref` (which is itself about 40 bytes). */
const MIN_HOISTED_BYTES = 120;

/**
 * Component names for the contract's schemas, by shape: `{ ErrorEnvelope, CaseDetail, … }` from
 * the exports of `types/contract` (only objects and unions: a bare string type names nothing).
 */
export function contractSchemaNames(exports: Record<string, unknown>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== 'object' || value === null || !/^[A-Z]/.test(name)) continue;
    const json = JSON.parse(JSON.stringify(value as TSchema)) as Json;
    if (!isObject(json) || (!isObject(json.properties) && !Array.isArray(json.anyOf))) continue;
    const key = canonical(shape(json));
    // The first export of a shape names it: the contract's own order puts the defining one first.
    if (!names.has(key)) names.set(key, name);
  }
  return names;
}

/**
 * Moves every schema the contract names and the document repeats into `components/schemas`,
 * leaving a `$ref` in each place. Only schemas with exactly the same text are shared, so the
 * document says what it said before; it just says each schema once (the error envelope alone
 * was repeated in every one of about 135 responses).
 */
export function hoistSchemas(document: JsonObject, names: Map<string, string>): JsonObject {
  const counts = new Map<string, number>();
  const count = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(count);
    if (!isObject(value)) return;
    const text = canonical(value);
    if (text.length >= MIN_HOISTED_BYTES) counts.set(text, (counts.get(text) ?? 0) + 1);
    Object.values(value).forEach(count);
  };
  count(document.paths);

  const components: JsonObject = isObject(document.components) ? { ...document.components } : {};
  const schemas: JsonObject = isObject(components.schemas) ? { ...components.schemas } : {};
  const refs = new Map<string, string>();
  const taken = new Set(Object.keys(schemas));

  const nameFor = (value: JsonObject, text: string): string | undefined => {
    const known = refs.get(text);
    if (known !== undefined) return known;
    if ((counts.get(text) ?? 0) < 2) return undefined;
    const base = names.get(canonical(shape(value)));
    if (base === undefined) return undefined;
    // The same contract schema written two ways (a body stripped of its description): two components.
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base}${n}`;
    taken.add(name);
    refs.set(text, name);
    schemas[name] = walk(value, false);
    return name;
  };

  function walk(value: Json, mayHoist: boolean): Json {
    if (Array.isArray(value)) return value.map((v) => walk(v, true));
    if (!isObject(value)) return value;
    const text = canonical(value);
    if (mayHoist && text.length >= MIN_HOISTED_BYTES && (isObject(value.properties) || Array.isArray(value.anyOf))) {
      const name = nameFor(value, text);
      if (name !== undefined) return { $ref: `#/components/schemas/${name}` };
    }
    const out: JsonObject = {};
    // Keys of `properties` are property names, not schemas: their values are, and are walked.
    for (const [key, child] of Object.entries(value)) out[key] = isSchemaPlace(key) ? walk(child, true) : child;
    return out;
  }

  const paths = walk(document.paths, false);
  components.schemas = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((k) => [k, schemas[k]]),
  );
  return { ...document, paths, components };
}

/** Values that are data, not schemas: copied as they are (an example could look like a schema). */
function isSchemaPlace(key: string): boolean {
  return !['examples', 'example', 'enum', 'const', 'default', 'required'].includes(key);
}
