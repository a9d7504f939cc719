import type { StoredClient } from '../../model/client.ts';
import { isCallbackMessage } from './code-flow.ts';
import { flowBlockedReason, isFlow, isSmartApp, redirectUriOf, tokenBlockedReason } from './flows.ts';

const client = (over: Partial<StoredClient>): StoredClient => ({ resourceType: 'Client', id: 'c', ...over });

describe('flows a Client allows', () => {
  it('follows grant_types, accepting "code" for the code grant', () => {
    const c = client({ grant_types: ['code', 'client_credentials'] });
    expect(flowBlockedReason('authorization_code', c)).toBeUndefined();
    expect(flowBlockedReason('client_credentials', c)).toBeUndefined();
    expect(flowBlockedReason('password', c)).toBe('not in grant_types');
    expect(flowBlockedReason('implicit', c)).toBe('not in grant_types');
    expect(flowBlockedReason('introspect', c)).toBeUndefined();
  });

  it('offers refresh when a grant issues refresh tokens', () => {
    expect(flowBlockedReason('refresh_token', client({ grant_types: ['password'] }))).toMatch(
      /refresh_token/,
    );
    expect(
      flowBlockedReason(
        'refresh_token',
        client({ grant_types: ['password'], auth: { password: { refresh_token: true } } }),
      ),
    ).toBeUndefined();
  });

  it('offers backend services to client_credentials Clients with keys or assertion types', () => {
    const cc = { grant_types: ['client_credentials'] };
    expect(flowBlockedReason('backend_services', client(cc))).toBe(
      'no jwks, jwks_uri or client_assertion_types',
    );
    expect(flowBlockedReason('backend_services', client({ ...cc, jwks: [] }))).toBeUndefined();
    expect(flowBlockedReason('backend_services', client({ ...cc, jwks_uri: 'https://k' }))).toBeUndefined();
    expect(
      flowBlockedReason(
        'backend_services',
        client({ ...cc, auth: { client_credentials: { client_assertion_types: ['x'] } } }),
      ),
    ).toBeUndefined();
    expect(flowBlockedReason('backend_services', client({ jwks: [] }))).toBe('not in grant_types');
  });

  it('recognises SMART apps by type, launch URI or SMART scopes', () => {
    expect(isSmartApp(client({ type: 'smart-app' }))).toBe(true);
    expect(isSmartApp(client({ smart: { launch_uri: 'https://a/launch' } }))).toBe(true);
    expect(isSmartApp(client({ scope: ['openid', 'patient/Observation.rs'] }))).toBe(true);
    expect(isSmartApp(client({ scope: ['launch/patient'] }))).toBe(true);
    expect(isSmartApp(client({ scope: ['system/Patient.rs', 'openid'] }))).toBe(false);
    expect(isSmartApp(undefined)).toBe(false);
  });

  it('offers everything for a typed id it could not read', () => {
    expect(flowBlockedReason('password', undefined)).toBeUndefined();
  });

  it('reads the redirect URI of the grant and validates URL flow values', () => {
    const c = client({
      auth: {
        authorization_code: { redirect_uri: 'https://a/cb' },
        implicit: { redirect_uri: 'https://b/cb' },
      },
    });
    expect(redirectUriOf(c, 'authorization_code')).toBe('https://a/cb');
    expect(redirectUriOf(c, 'implicit')).toBe('https://b/cb');
    expect(isFlow('password')).toBe(true);
    expect(isFlow('evil')).toBe(false);
    expect(isFlow(null)).toBe(false);
  });
});

describe('callback messages', () => {
  it('accepts only our own message shape', () => {
    expect(isCallbackMessage({ type: 'aidbox-console:playground-callback', url: 'http://x' })).toBe(true);
    expect(isCallbackMessage({ type: 'aidbox-console:playground-callback', url: 1 })).toBe(false);
    expect(isCallbackMessage('http://x')).toBe(false);
    expect(isCallbackMessage(null)).toBe(false);
  });
});

describe('user-only flows', () => {
  it('rules out userinfo for a client_credentials token, not for a user token or an unknown one', () => {
    expect(tokenBlockedReason('userinfo', { access: 'a', issuedBy: 'client_credentials' })).toMatch(/user/);
    expect(tokenBlockedReason('userinfo', { access: 'a', issuedBy: 'authorization_code' })).toBeUndefined();
    expect(tokenBlockedReason('userinfo', { access: 'a' })).toBeUndefined();
    expect(tokenBlockedReason('userinfo', { access: 'a', issuedBy: 'backend_services' })).toMatch(/user/);
    expect(tokenBlockedReason('introspect', { access: 'a', issuedBy: 'client_credentials' })).toBeUndefined();
  });
});
