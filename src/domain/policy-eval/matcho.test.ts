import { describe, expect, it } from 'vitest';
import { matches, unknownOperator } from './matcho.ts';

// Every case is from docs/reference/matcho-dsl-reference.md unless marked otherwise.
const cases: [name: string, pattern: unknown, pass: unknown, fail: unknown][] = [
  ['map inclusion', { x: 1 }, { x: 1, y: 2 }, { z: 1 }],
  ['nested map', { a: { b: 5 } }, { a: { b: 5, c: 6 }, d: 7 }, { a: { c: 5 } }],
  ['array prefix in order', [1, 2], [1, 2, 3], [2, 1]],
  ['regex', { a: '#\\d+' }, { a: '2345' }, { a: 'abc' }],
  ['present?', { a: 'present?' }, { a: { b: 6 } }, { b: 5 }],
  ['nil?', { a: 'nil?' }, { b: 1 }, { a: 5 }],
  ['not-blank?', { a: 'not-blank?' }, { a: 'x' }, { a: '' }],
  ['string by value', { m: 'get' }, { m: 'get' }, { m: 'post' }],
  ['boolean by value', { b: true }, { b: true }, { b: 'true' }],
  ['.path from the request', { params: { user_id: '.user.id' } }, { user: { id: 1 }, params: { user_id: 1 } }, { user: { id: 1 }, params: { user_id: 2 } }],
  ['$enum', { 'request-method': { $enum: ['get', 'post'] } }, { 'request-method': 'post' }, { 'request-method': 'put' }],
  ['$one-of', { a: { '$one-of': [{ b: 'present?' }, { c: 'present?' }] } }, { a: { c: 5 } }, { a: { d: 5 } }],
  ['$reference', { patient: { $reference: { id: 'pid', resourceType: 'Patient' } } }, { patient: { reference: 'Patient/pid' } }, { patient: { reference: 'Patient/other' } }],
  ['$reference on a string', { p: { $reference: { id: 'pid' } } }, { p: 'Patient/pid' }, { p: 'Patient/x' }],
  ['$contains', { type: { $contains: { system: 'loinc' } } }, { type: [{ system: 'snomed' }, { system: 'loinc' }] }, { type: [{ system: 'snomed' }] }],
  ['$every', { col: { $every: { foo: 'bar' } } }, { col: [{ foo: 'bar' }, { foo: 'bar', baz: 'quux' }] }, { col: [{ foo: 'bar' }, { foo: 'x' }] }],
  ['$not', { message: { $not: { status: 'private' } } }, { message: { status: 'public' } }, { message: { status: 'private' } }],
  ['$present-all (no order)', { r: { '$present-all': ['a', 'b'] } }, { r: ['b', 'x', 'a'] }, { r: ['a', 'x'] }],
  ['$length', { r: { $length: 2 } }, { r: ['a', 'b'] }, { r: ['a'] }],
]; // prettier-ignore

describe('matcho operators', () => {
  it.each(cases)('%s: matches and does not match', (_name, pattern, pass, fail) => {
    expect(matches(pattern, pass)).toBe(true);
    expect(matches(pattern, fail)).toBe(false);
  });

  it('the $not pitfall from the docs: a request without a user passes a "not guest" rule', () => {
    const pattern = { 'request-method': 'delete', user: { $not: { data: { role: 'guest' } } } };
    expect(matches(pattern, { 'request-method': 'delete' })).toBe(true);
    expect(matches(pattern, { 'request-method': 'delete', user: { data: { role: 'guest' } } })).toBe(false);
  });

  it('.path matches when both sides are absent (the documented pitfall)', () => {
    expect(matches({ params: { id: '.user.data.patientId' } }, { params: {} })).toBe(true);
  });

  it('strict reading where the page is silent: numbers match query strings, bad regexes never match', () => {
    expect(matches({ params: { _count: 5 } }, { params: { _count: '5' } })).toBe(true);
    expect(matches({ a: '#(' }, { a: '(' })).toBe(false);
    expect(matches({ a: { $length: 1 } }, { a: 'x' })).toBe(false); // "the length of the array"
    expect(matches({ a: 'nil?' }, null)).toBe(false); // plain keys need a map
  });

  it('names undocumented special keys so the policy is left to Aidbox', () => {
    expect(unknownOperator({ a: { $regex: 'x' } })).toBe('$regex');
    expect(unknownOperator({ a: { $enum: [{ $literal: 1 }] } })).toBeUndefined();
    expect(unknownOperator({ a: { '$one-of': [{ $in: [] }] } })).toBe('$in');
  });
});
