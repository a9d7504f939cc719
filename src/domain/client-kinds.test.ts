import { describe, expect, it } from 'vitest';
import { CLIENT_KINDS, clientKind, isClientKindId } from './client-kinds.ts';
import { isPublicClient } from './client-grants.ts';
import { lintClient } from './lint-client.ts';
import { validateClient } from './client-validation.ts';

const redirect = (id: string) => (id === 'mobile' ? 'com.example.app:/cb' : 'https://app.example.com/cb');

describe('client kinds', () => {
  it('lists five application types with labels, proper-name headings and explanations', () => {
    expect(CLIENT_KINDS.map((k) => k.id)).toEqual(['backend', 'spa', 'web', 'mobile', 'fhir-server']);
    for (const k of CLIENT_KINDS) {
      expect(k.label).not.toBe('');
      expect(k.heading).toMatch(/^New [a-zA-Z -]+ client$/);
      expect(k.explanation.length).toBeGreaterThan(20);
    }
    expect(clientKind('fhir-server').heading).toBe('New FHIR server client');
  });

  it('no two application types build the same Client (issue 14 §7)', () => {
    const shapes = CLIENT_KINDS.map((k) => {
      const { secret: _secret, ...rest } = k.build({ id: 'x', name: 'X', redirectUri: redirect(k.id) });
      return JSON.stringify(rest);
    });
    expect(new Set(shapes).size).toBe(CLIENT_KINDS.length);
    expect(clientKind('fhir-server').build({ id: 'x', allowBasic: true }).grant_types).toContain('basic');
  });

  it.each(CLIENT_KINDS.map((k) => [k.id]))('%s defaults pass lint and validation', (id) => {
    const kind = clientKind(id);
    const client = kind.build({ id: 'x', name: 'X', redirectUri: redirect(id) });
    expect(client).toMatchObject({ resourceType: 'Client', id: 'x', name: 'X', active: true });
    expect(lintClient(client, false)).toEqual([]);
    expect(validateClient(client, { isNew: true, clientKind: id })).toEqual({
      errors: [],
      warnings: [],
      existing: [],
    });
    expect(isPublicClient(client, false)).toBe(!kind.confidential);
    expect(typeof client.secret === 'string').toBe(kind.confidential);
  });

  it('builds the SPA default exactly', () => {
    expect(clientKind('spa').build({ id: 'web-app', redirectUri: 'https://a.example.com/cb' })).toEqual({
      resourceType: 'Client',
      id: 'web-app',
      active: true,
      grant_types: ['authorization_code', 'refresh_token'],
      auth: {
        authorization_code: {
          redirect_uri: 'https://a.example.com/cb',
          pkce: true,
          secret_required: false,
          token_format: 'jwt',
          access_token_expiration: 600,
          refresh_token: true,
          refresh_token_expiration: 28_800,
        },
      },
    });
  });

  it('gives the web app a secret it requires plus PKCE', () => {
    const c = clientKind('web').build({ id: 'w', redirectUri: 'https://a.example.com/cb' });
    expect(c.auth?.authorization_code).toMatchObject({ pkce: true, secret_required: true });
    expect(c.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives services client_credentials and a fresh secret each time', () => {
    const a = clientKind('backend').build({ id: 'a' });
    const b = clientKind('backend').build({ id: 'b' });
    expect(a.grant_types).toEqual(['client_credentials']);
    expect(a.secret).not.toBe(b.secret);
  });

  it('adds basic to the FHIR server only when asked', () => {
    expect(clientKind('fhir-server').build({ id: 'f' }).grant_types).toEqual(['client_credentials']);
    expect(clientKind('fhir-server').build({ id: 'f', allowBasic: true }).grant_types).toEqual([
      'client_credentials',
      'basic',
    ]);
  });

  it('recognises kind ids', () => {
    expect(isClientKindId('spa')).toBe(true);
    expect(isClientKindId('nope')).toBe(false);
    expect(() => clientKind('nope' as 'spa')).toThrow();
  });
});
