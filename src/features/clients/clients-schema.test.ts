import { describe, expect, it } from 'vitest';
import { applyForm, clientFormSchema, formFieldForPath, toFormValues } from './clients-schema.ts';
import type { JsonObject } from '../../model/json.ts';

const loaded: JsonObject = {
  resourceType: 'Client',
  id: 'c',
  meta: { versionId: '1' },
  name: 'Portal',
  grant_types: ['code', 'implicit'],
  auth: {
    authorization_code: {
      redirect_uri: 'https://App.example.com/cb/',
      pkce: true,
      access_token_expiration: 600,
      default_identity_provider: { reference: 'IdentityProvider/x' },
    },
    implicit: { redirect_uri: 'https://a.example.com/i' },
  },
  'x-unknown': { a: [1] },
  _secret: { extension: [] },
  details: { team: 'billing' },
};

describe('client form mapping', () => {
  it('produces values the schema accepts', () => {
    const values = toFormValues(loaded);
    expect(clientFormSchema.safeParse(values).success).toBe(true);
    expect(values.active).toBe(true);
    expect(values.auth.authorization_code).toMatchObject({
      redirect_uri: 'https://App.example.com/cb/',
      pkce: true,
      access_token_expiration: '600',
      secret_required: false,
    });
  });

  it('leaves the Client byte-identical when nothing changed', () => {
    const values = toFormValues(loaded);
    expect(applyForm(loaded, values, structuredClone(values))).toEqual(loaded);
  });

  it('writes only changed fields and keeps unknown nested data', () => {
    const initial = toFormValues(loaded);
    const values = structuredClone(initial);
    values.name = '';
    values.auth.authorization_code.access_token_expiration = '300';
    values.scope = 'system/*.read\nopenid';
    const out = applyForm(loaded, initial, values);
    expect(out.name).toBeUndefined();
    expect(out.scope).toEqual(['system/*.read', 'openid']);
    expect(out.auth).toEqual({
      ...(loaded.auth as JsonObject),
      authorization_code: {
        ...((loaded.auth as JsonObject).authorization_code as JsonObject),
        access_token_expiration: 300,
      },
    });
    expect(out['x-unknown']).toEqual({ a: [1] });
    expect(out._secret).toEqual({ extension: [] });
  });

  it('drops the settings of a grant switched off', () => {
    const initial = toFormValues(loaded);
    const values = { ...structuredClone(initial), grant_types: ['code'] };
    expect(Object.keys(applyForm(loaded, initial, values).auth as JsonObject)).toEqual([
      'authorization_code',
    ]);
  });

  it('rejects non-numeric lifetimes and non-object details', () => {
    const values = toFormValues(loaded);
    values.auth.password.refresh_token_expiration = '1h';
    values.details = '[1]';
    const r = clientFormSchema.safeParse(values);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'auth.password.refresh_token_expiration',
      'details',
    ]);
  });

  it('maps rule paths to form fields', () => {
    expect(formFieldForPath('allowed_origins.3')).toBe('allowed_origins');
    expect(formFieldForPath('auth.implicit.redirect_uri')).toBe('auth.implicit.redirect_uri');
    expect(formFieldForPath('fhir-base-url')).toBe('fhir_base_url');
    expect(formFieldForPath('scope.2')).toBe('scope');
    expect(formFieldForPath('jwks.0')).toBe('jwks');
    expect(formFieldForPath('jwks_uri')).toBe('jwks_uri');
  });
});
