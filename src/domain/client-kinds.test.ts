import { describe, expect, it } from 'vitest';
import { CLIENT_KINDS, clientKind, isClientKindId, type ClientKindId } from './client-kinds.ts';
import { isPublicClient } from './client-grants.ts';
import { lintClient } from './lint-client.ts';
import { validateClient } from './client-validation.ts';
import { smartFindings } from './smart-review-rules.ts';

const redirect = (id: string) => (id === 'mobile' ? 'com.example.app:/cb' : 'https://app.example.com/cb');
// A 2048-bit RSA public key (the modulus's top bit set), enough for every key rule.
const PUBLIC_JWK = {
  kty: 'RSA',
  kid: 'k1',
  alg: 'RS384',
  use: 'sig',
  e: 'AQAB',
  n: `${'xc'.repeat(170)}xQ`, // 342 base64url characters = 256 bytes, first byte 0xc5
};
const input = (id: ClientKindId) => ({
  id: 'x',
  name: 'X',
  redirectUri: redirect(id),
  launchUri: 'https://app.example.com/launch',
  keys: { jwks: [PUBLIC_JWK] },
});

describe('client kinds', () => {
  it('lists five OAuth and four SMART application types with labels, proper-name headings and explanations', () => {
    expect(CLIENT_KINDS.map((k) => k.id)).toEqual([
      'backend',
      'spa',
      'web',
      'mobile',
      'fhir-server',
      'smart-backend',
      'smart-ehr',
      'smart-patient',
      'smart-confidential',
    ]);
    for (const k of CLIENT_KINDS) {
      expect(k.label).not.toBe('');
      // OAuth kinds are "… client"; SMART ones are named as SMART names them.
      expect(k.heading).toMatch(
        k.group === 'smart' ? /^New [a-zA-Z -]*SMART [a-zA-Z -]+$/ : /^New [a-zA-Z -]+ client$/,
      );
      expect(k.explanation.length).toBeGreaterThan(20);
    }
    expect(clientKind('fhir-server').heading).toBe('New FHIR server client');
    expect(clientKind('smart-backend').heading).toBe('New SMART backend service');
  });

  it('no two application types build the same Client (issue 14 §7)', () => {
    const shapes = CLIENT_KINDS.map((k) => {
      const { secret: _secret, ...rest } = k.build(input(k.id));
      return JSON.stringify(rest);
    });
    expect(new Set(shapes).size).toBe(CLIENT_KINDS.length);
    // Also without the optional inputs, where the SMART apps differ by their defaults alone.
    const bare = CLIENT_KINDS.map((k) => {
      const { secret: _secret, ...rest } = k.build({ id: 'x', redirectUri: redirect(k.id) });
      return JSON.stringify(rest);
    });
    expect(new Set(bare).size).toBe(CLIENT_KINDS.length);
    expect(clientKind('fhir-server').build({ id: 'x', allowBasic: true }).grant_types).toContain('basic');
  });

  it.each(CLIENT_KINDS.map((k) => [k.id]))('%s defaults pass lint, validation and the SMART review', (id) => {
    const kind = clientKind(id);
    const client = kind.build(input(id));
    expect(client).toMatchObject({ resourceType: 'Client', id: 'x', name: 'X', active: true });
    expect(lintClient(client, false)).toEqual([]);
    expect(validateClient(client, { isNew: true, clientKind: id })).toEqual({
      errors: [],
      warnings: [],
      existing: [],
    });
    expect(smartFindings(client, false)).toEqual([]);
    expect(isPublicClient(client, false)).toBe(kind.credential === 'none');
    expect(typeof client.secret === 'string').toBe(kind.credential === 'secret');
    expect(client.jwks !== undefined).toBe(kind.credential === 'keys');
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
