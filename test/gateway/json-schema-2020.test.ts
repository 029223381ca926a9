import { toJsonSchema2020 } from '../../gateway/src/http/json-schema-2020';

describe('toJsonSchema2020 (the published document only)', () => {
  it('writes a TypeBox tuple as prefixItems with no further items', () => {
    const pair = { type: 'integer', minimum: 0 };
    const tuple = { type: 'array', items: [pair, pair], additionalItems: false, minItems: 2, maxItems: 2 };
    expect(toJsonSchema2020({ properties: { range: tuple } })).toEqual({
      properties: { range: { type: 'array', prefixItems: [pair, pair], items: false, minItems: 2, maxItems: 2 } },
    });
  });

  it('leaves lists, a property named items and example values as they are', () => {
    const list = { type: 'array', items: { type: 'string' } };
    const named = { type: 'object', properties: { items: list }, example: { items: ['a', 'b'] } };
    expect(toJsonSchema2020(named)).toEqual(named);
  });

  it('does not change the schema it was given (the routes still validate with it)', () => {
    const tuple = { type: 'array', items: [{ type: 'integer' }], additionalItems: false };
    const before = JSON.stringify(tuple);
    toJsonSchema2020(tuple);
    expect(JSON.stringify(tuple)).toBe(before);
  });
});
