// Unit tests of the pure policy parts: Matcho, json-schema stripping, SQL compilation, routing.
import { describe, expect, it } from 'vitest';
import { candidatePolicies } from '../policy/evaluate.ts';
import { stripEmpty, jsonSchemaMatches } from '../policy/json-schema.ts';
import { matcho } from '../policy/matcho.ts';
import { routeInfo } from '../policy/request.ts';
import { compileSql } from '../policy/sql.ts';
import type { Policy } from '../policy/types.ts';

describe('matcho', () => {
  it('matches maps by inclusion and arrays by ordered prefix', () => {
    expect(matcho({ x: 1 }, { x: 1, y: 2 })).toBe(true);
    expect(matcho({ x: 1 }, { z: 1 })).toBe(false);
    expect(matcho({ a: { b: 5 } }, { a: { b: 5, c: 6 }, d: 7 })).toBe(true);
    expect(matcho([1, 2], [1, 2, 3])).toBe(true);
    expect(matcho([1, 2], [2, 1])).toBe(false);
    expect(matcho({ a: 1 }, null)).toBe(false);
  });
  it('supports regexes and presence predicates', () => {
    expect(matcho({ a: '#\\d+' }, { a: '2345' })).toBe(true);
    expect(matcho({ a: '#\\d+' }, { a: 'abc' })).toBe(false);
    expect(matcho({ a: '#[' }, { a: '[' })).toBe(false);
    expect(matcho({ a: 'present?' }, { a: { b: 6 } })).toBe(true);
    expect(matcho({ a: 'present?' }, { b: 5 })).toBe(false);
    expect(matcho({ a: 'nil?' }, { b: 5 })).toBe(true);
    expect(matcho({ a: 'not-blank?' }, { a: ' ' })).toBe(false);
  });
  it('compares .paths against the request, absent on both sides counting as a match', () => {
    const req = { user: { id: 'u1' }, params: { user_id: 'u1' } };
    expect(matcho({ params: { user_id: '.user.id' } }, req)).toBe(true);
    expect(matcho({ params: { user_id: '.user.id' } }, { ...req, params: { user_id: 'u2' } })).toBe(false);
    expect(matcho({ params: { owner: '.user.missing' } }, { params: {} })).toBe(true);
  });
  it('supports the $ operators', () => {
    expect(matcho({ m: { $enum: ['get', 'post'] } }, { m: 'post' })).toBe(true);
    expect(matcho({ m: { $enum: ['get', 'post'] } }, { m: 'put' })).toBe(false);
    const oneOf = { a: { '$one-of': [{ b: 'present?' }, { c: 'present?' }] } };
    expect(matcho(oneOf, { a: { c: 5 } })).toBe(true);
    expect(matcho(oneOf, { a: { b: null } })).toBe(false);
    expect(
      matcho({ t: { $contains: { system: 'loinc' } } }, { t: [{ system: 'snomed' }, { system: 'loinc' }] }),
    ).toBe(true);
    expect(matcho({ t: { $every: { foo: 'bar' } } }, { t: [{ foo: 'bar' }, { foo: 'baz' }] })).toBe(false);
    expect(matcho({ m: { $not: { status: 'private' } } }, { m: { status: 'public' } })).toBe(true);
    expect(matcho({ r: { '$present-all': ['a', 'b'], $length: 3 } }, { r: ['b', 'x', 'a'] })).toBe(true);
    expect(matcho({ r: { '$present-all': ['a', 'c'] } }, { r: ['b', 'a'] })).toBe(false);
    expect(
      matcho(
        { p: { $reference: { resourceType: 'Patient', id: 'p1' } } },
        { p: { reference: 'Patient/p1' } },
      ),
    ).toBe(true);
    expect(matcho({ a: { $bogus: 1 } }, { a: 1 })).toBe(false);
  });
});

describe('json-schema', () => {
  it('strips empty values before validating', () => {
    expect(stripEmpty({ a: '', b: [], c: {}, d: null, e: { f: '' }, g: 0, h: false })).toEqual({
      g: 0,
      h: false,
    });
    expect(jsonSchemaMatches({ required: ['body'] }, { body: {} }).ok).toBe(false);
    expect(jsonSchemaMatches({ required: ['body'] }, { body: { a: 1 } }).ok).toBe(true);
    expect(jsonSchemaMatches({ type: 'nonsense' }, {}).error).toMatch(/invalid schema/);
  });
});

describe('sql compilation', () => {
  it('binds {{path}} values as parameters, never as text', () => {
    const hostile = "x' OR '1'='1";
    const c = compileSql("SELECT {{params.resource/id}} = 'a' AND {{user.id}} IS NULL", {
      params: { 'resource/id': hostile },
    });
    expect(c.text).toBe("SELECT $1 = 'a' AND $2 IS NULL");
    expect(c.params).toEqual([hostile, null]);
  });
  it('accepts only plain identifiers for {{!path}}', () => {
    expect(compileSql('SELECT count(*) > 0 FROM {{!t}}', { t: 'client' }).text).toBe(
      'SELECT count(*) > 0 FROM "client"',
    );
    expect(() => compileSql('SELECT 1 FROM {{!t}}', { t: 'client"; drop table client; --' })).toThrow();
    // Identifiers are lower-cased, as access-policies.md documents ("Patient" → "patient").
    expect(compileSql('SELECT 1 FROM {{!t}}', { t: 'Client' }).text).toBe('SELECT 1 FROM "client"');
    expect(() => compileSql('SELECT 1 FROM {{!t}}', { t: 'my table' })).toThrow();
  });
});

describe('candidates and routes', () => {
  const p = (id: string, link?: unknown, extra: Record<string, unknown> = {}): Policy => ({
    resourceType: 'AccessPolicy',
    id,
    engine: 'allow',
    ...(link === undefined ? {} : { link }),
    ...extra,
  });
  it('selects global policies and those linked to the client, user or operation', () => {
    const all = [
      p('g'),
      p('empty', []),
      p('c', [{ reference: 'Client/a' }]),
      p('aidbox-format', [{ resourceType: 'User', id: 'u' }]),
      p('op', [{ reference: 'Operation/FhirRead' }]),
      p('other', [{ reference: 'Client/b' }]),
      p('role', undefined, { roleName: 'x' }),
      p('rpc', undefined, { type: 'rpc' }),
    ];
    const ids = candidatePolicies(all, ['Client/a', 'User/u', 'Operation/FhirSearch']).map((x) => x.id);
    expect(ids).toEqual(['g', 'empty', 'c', 'aidbox-format']);
  });
  it('names FHIR operations', () => {
    expect(routeInfo('GET', '/fhir/Client/x')).toEqual({
      operation: { id: 'FhirRead' },
      resourceType: 'Client',
      resourceId: 'x',
    });
    expect(routeInfo('GET', '/fhir/Client').operation?.id).toBe('FhirSearch');
    expect(routeInfo('POST', '/fhir/Client').operation?.id).toBe('FhirCreate');
    expect(routeInfo('PUT', '/fhir/Client/x').operation?.id).toBe('FhirUpdate');
    expect(routeInfo('PATCH', '/fhir/Client/x').operation?.id).toBe('FhirPatch');
    expect(routeInfo('DELETE', '/fhir/Client/x').operation?.id).toBe('FhirDelete');
    expect(routeInfo('GET', '/fhir/Client/x/_history').operation?.id).toBe('FhirHistory');
    expect(routeInfo('GET', '/fhir/Client/_history').operation?.id).toBe('FhirTypeHistory');
    expect(routeInfo('GET', '/fhir/Client/x/_history/3').operation?.id).toBe('FhirVread');
    expect(routeInfo('POST', '/fhir').operation?.id).toBe('FhirTransaction');
  });
});
