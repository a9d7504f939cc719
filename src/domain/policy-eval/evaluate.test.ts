import { describe, expect, it } from 'vitest';
import { evaluateRule } from './evaluate.ts';
import type { RequestObject } from './types.ts';

const request: RequestObject = {
  'request-method': 'get',
  uri: '/fhir/Patient/p1',
  'query-string': null,
  params: { 'resource/type': 'Patient', 'resource/id': 'p1' },
  operation: { id: 'FhirRead' },
  client: { id: 'app', resourceType: 'Client' },
};
const yes = { engine: 'matcho', matcho: { operation: { id: 'FhirRead' } } };
const no = { engine: 'matcho', matcho: { operation: { id: 'FhirDelete' } } };
const sql = { engine: 'sql', sql: { query: 'SELECT true' } };
const result = (rule: Record<string, unknown>) => {
  const v = evaluateRule(rule, request);
  return v.kind === 'decided' ? v.result : 'needs Aidbox';
};

describe('engines', () => {
  it('allow is always true', () => expect(result({ engine: 'allow' })).toBe(true));

  it('matcho matches the request object', () => {
    expect(result(yes)).toBe(true);
    expect(result(no)).toBe(false);
    expect(result({ engine: 'matcho', matcho: { client: { id: 'app' } } })).toBe(true);
    expect(result({ engine: 'matcho', matcho: { user: 'present?' } })).toBe(false);
  });

  it('json-schema validates the request object', () => {
    expect(result({ engine: 'json-schema', schema: { required: ['client'] } })).toBe(true);
    expect(result({ engine: 'json-schema', schema: { required: ['user'] } })).toBe(false);
  });

  it('complex and/or, three-valued: a decided sub-rule settles it, otherwise Aidbox decides', () => {
    expect(result({ engine: 'complex', and: [yes, yes] })).toBe(true);
    expect(result({ engine: 'complex', and: [yes, no] })).toBe(false);
    expect(result({ engine: 'complex', or: [no, yes] })).toBe(true);
    expect(result({ engine: 'complex', or: [no, no] })).toBe(false);
    expect(result({ engine: 'complex', and: [sql, no] })).toBe(false);
    expect(result({ engine: 'complex', or: [sql, yes] })).toBe(true);
    expect(result({ engine: 'complex', and: [sql, yes] })).toBe('needs Aidbox');
    expect(result({ engine: 'complex', or: [{ engine: 'complex', and: [yes, yes] }] })).toBe(true);
  });

  it('an invalid complex rule never grants access', () => {
    expect(evaluateRule({ engine: 'complex', and: [yes], or: [yes] }, request)).toMatchObject({
      kind: 'decided',
      result: false,
    });
    expect(result({ engine: 'complex', and: [] })).toBe(false);
  });

  it('sql, rpc engines, unknown engines and connection fields need Aidbox', () => {
    for (const rule of [
      sql,
      { engine: 'allow-rpc', rpc: {} },
      { engine: 'matcho-rpc', rpc: {} },
      { engine: 'clj' },
      { engine: 'matcho', matcho: { jwt: { sub: 'present?' } } },
      { engine: 'matcho', matcho: { params: { id: '.session.id' } } },
      { engine: 'json-schema', schema: { required: ['headers'] } },
    ]) {
      expect(evaluateRule(rule, request)).toMatchObject({ kind: 'needs-aidbox' });
    }
  });
});
