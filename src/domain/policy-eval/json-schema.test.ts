import { describe, expect, it } from 'vitest';
import { schemaAccepts, stripEmpty, UnsupportedSchema } from './json-schema.ts';

const req = {
  'request-method': 'get',
  uri: '/fhir/Organization',
  params: { 'resource/type': 'Organization', _count: '' },
  headers: {},
  user: null,
  tags: ['a', 'b'],
  n: 7,
};

// [keyword, schema accepting req, schema rejecting req]
const cases: [string, unknown, unknown][] = [
  ['type', { type: 'object' }, { type: 'array' }],
  ['type list / integer', { properties: { n: { type: ['string', 'integer'] } } }, { properties: { n: { type: 'string' } } }],
  ['enum', { properties: { 'request-method': { enum: ['get', 'post'] } } }, { properties: { 'request-method': { enum: ['put'] } } }],
  ['const (the docs example, corrected)', { properties: { params: { required: ['resource/type'], properties: { 'resource/type': { const: 'Organization' } } } } }, { properties: { params: { properties: { 'resource/type': { const: 'Patient' } } } } }],
  ['required', { required: ['uri', 'params'] }, { required: ['body'] }],
  ['required after empty values are removed', { required: ['uri'] }, { required: ['headers'] }],
  ['not', { not: { required: ['body'] } }, { not: { required: ['uri'] } }],
  ['anyOf', { anyOf: [{ required: ['x'] }, { required: ['uri'] }] }, { anyOf: [{ required: ['x'] }, { required: ['y'] }] }],
  ['allOf', { allOf: [{ required: ['uri'] }, { required: ['params'] }] }, { allOf: [{ required: ['uri'] }, { required: ['y'] }] }],
  ['oneOf', { oneOf: [{ required: ['uri'] }, { required: ['y'] }] }, { oneOf: [{ required: ['uri'] }, { required: ['params'] }] }],
  ['if/then/else', { if: { properties: { 'request-method': { const: 'get' } } }, then: { required: ['uri'] }, else: false }, { if: { properties: { 'request-method': { const: 'get' } } }, then: { required: ['body'] } }],
  ['pattern', { properties: { uri: { pattern: '^/fhir/' } } }, { properties: { uri: { pattern: '^/Patient' } } }],
  ['minLength / maxLength', { properties: { uri: { minLength: 5, maxLength: 40 } } }, { properties: { uri: { maxLength: 3 } } }],
  ['minimum / maximum', { properties: { n: { minimum: 7, maximum: 7 } } }, { properties: { n: { exclusiveMaximum: 7 } } }],
  ['multipleOf', { properties: { n: { multipleOf: 7 } } }, { properties: { n: { multipleOf: 2 } } }],
  ['items / contains / minItems', { properties: { tags: { items: { type: 'string' }, contains: { const: 'b' }, minItems: 2 } } }, { properties: { tags: { contains: { const: 'c' } } } }],
  ['uniqueItems / maxItems', { properties: { tags: { uniqueItems: true, maxItems: 2 } } }, { properties: { tags: { maxItems: 1 } } }],
  ['additionalProperties / patternProperties', { properties: { params: { patternProperties: { '^resource/': { type: 'string' } }, additionalProperties: false } } }, { properties: { params: { properties: {}, additionalProperties: false } } }],
  ['propertyNames / min/maxProperties', { propertyNames: { pattern: '^[a-z-]+$' }, minProperties: 3 }, { maxProperties: 2 }],
  ['dependencies', { dependencies: { uri: ['params'] } }, { dependencies: { uri: ['body'] } }],
  ['$ref to definitions', { definitions: { s: { type: 'string' } }, properties: { uri: { $ref: '#/definitions/s' } } }, { definitions: { s: { type: 'number' } }, properties: { uri: { $ref: '#/definitions/s' } } }],
  ['boolean schemas', true, false],
]; // prettier-ignore

describe('json-schema engine (draft-07, empty values removed first)', () => {
  it.each(cases)('%s', (_k, yes, no) => {
    expect(schemaAccepts(yes, req)).toBe(true);
    expect(schemaAccepts(no, req)).toBe(false);
  });

  it('removes [], {}, "" and null, deeply', () => {
    expect(stripEmpty({ a: [], b: {}, c: '', d: null, e: { f: [null, ''] }, g: 0, h: false })).toEqual({
      g: 0,
      h: false,
    });
  });

  it('leaves what it does not implement to Aidbox instead of guessing', () => {
    expect(() => schemaAccepts({ properties: { uri: { format: 'uri' } } }, req)).toThrow(UnsupportedSchema);
    expect(() => schemaAccepts({ $ref: 'https://example.com/s.json' }, req)).toThrow(UnsupportedSchema);
    expect(() => schemaAccepts({ type: 'uuid' }, req)).toThrow(UnsupportedSchema);
    expect(() => schemaAccepts({ $ref: '#', type: 'object' }, req)).toThrow(UnsupportedSchema);
  });
});
