import { describe, expect, it } from 'vitest';
import {
  authKeyForGrant,
  grantList,
  grantSettings,
  hasVaultSecret,
  holdsSecret,
  isPublicClient,
  TOKEN_EXCHANGE_GRANT,
} from './client-grants.ts';
import type { ClientDraft, GrantSettings } from '../model/client.ts';

describe('isPublicClient', () => {
  it('is public with no secret, no vault secret, no required secret and no keys', () => {
    expect(isPublicClient({}, false)).toBe(true);
    expect(
      isPublicClient({ secret: '', auth: { authorization_code: { secret_required: false } } }, false),
    ).toBe(true);
  });

  it.each([
    ['a stored secret (or its hash)', { secret: '$hash' }],
    ['a vault secret', { _secret: { extension: [] } }],
    ['a grant requiring a secret', { auth: { password: { secret_required: true } } }],
    ['a JWKS URI', { jwks_uri: 'https://k.example.com' }],
    ['inline keys', { jwks: [{ kid: 'k' }] }],
  ])('is confidential with %s', (_label, client) => {
    expect(isPublicClient(client, false)).toBe(false);
  });
});

describe('a stored secret is an explicit input', () => {
  it('makes a Client confidential without any secret field (reads strip it)', () => {
    expect(isPublicClient({ grant_types: ['client_credentials'] }, true)).toBe(false);
    expect(holdsSecret({}, true)).toBe(true);
    expect(holdsSecret({}, false)).toBe(false);
    expect(holdsSecret({ secret: 'new-one' }, false)).toBe(true);
  });
});

describe('grant helpers', () => {
  it('maps grant types to their auth block', () => {
    expect(authKeyForGrant('code')).toBe('authorization_code');
    expect(authKeyForGrant('authorization_code')).toBe('authorization_code');
    expect(authKeyForGrant(TOKEN_EXCHANGE_GRANT)).toBe('token_exchange');
    expect(authKeyForGrant('basic')).toBeUndefined();
    expect(authKeyForGrant('refresh_token')).toBeUndefined();
  });

  it('reads malformed raw JSON safely', () => {
    expect(grantList({ grant_types: 'code' as unknown as string[] })).toEqual([]);
    expect(grantList({ grant_types: ['code', 5] as unknown as string[] })).toEqual(['code']);
    expect(
      grantSettings({ auth: { implicit: [] as unknown as GrantSettings, password: { pkce: true } } }),
    ).toEqual([['password', { pkce: true }]]);
    expect(grantSettings({ auth: 'x' as unknown as ClientDraft['auth'] })).toEqual([]);
  });

  it('detects vault secrets', () => {
    expect(hasVaultSecret({ _secret: { extension: [] } })).toBe(true);
    expect(hasVaultSecret({ secret: 'x' })).toBe(false);
  });
});
