import { describe, expect, it } from 'vitest';
import { formatDuration, lintClient } from './lint-client.ts';

const ids = (c: Parameters<typeof lintClient>[0]) => lintClient(c, false).map((f) => f.id);

const goodSpa = {
  id: 'spa',
  grant_types: ['authorization_code', 'refresh_token'],
  auth: {
    authorization_code: {
      redirect_uri: 'https://app.example.com/cb',
      pkce: true,
      secret_required: false,
      access_token_expiration: 600,
      refresh_token: true,
      refresh_token_expiration: 3600,
    },
  },
};

describe('lintClient', () => {
  it('finds nothing on a secure SPA or service', () => {
    expect(lintClient(goodSpa, false)).toEqual([]);
    expect(
      lintClient(
        {
          secret: 'h',
          grant_types: ['client_credentials'],
          auth: { client_credentials: { access_token_expiration: 600 } },
        },
        false,
      ),
    ).toEqual([]);
  });

  it('flags implicit and password grants as high with sources', () => {
    const findings = lintClient({ secret: 'x', grant_types: ['implicit', 'password'] }, false);
    expect(findings.map((f) => [f.id, f.severity, f.source, f.path])).toEqual([
      ['implicit-grant', 'high', 'RFC 9700 §2.1.2', 'grant_types'],
      ['password-grant', 'high', 'RFC 9700 §2.4', 'grant_types'],
      ['browser-holds-secret', 'medium', 'RFC 10017 "Client Authentication"', 'secret'],
    ]);
  });

  it('flags non-https redirect URIs but not loopback IPs', () => {
    const http = {
      ...goodSpa,
      auth: {
        authorization_code: { ...goodSpa.auth.authorization_code, redirect_uri: 'http://app.example.com/cb' },
      },
    };
    expect(lintClient(http, false)).toEqual([
      expect.objectContaining({
        id: 'redirect-not-https',
        severity: 'high',
        path: 'auth.authorization_code.redirect_uri',
      }),
    ]);
    const loop = {
      ...goodSpa,
      auth: {
        authorization_code: { ...goodSpa.auth.authorization_code, redirect_uri: 'http://127.0.0.1:8080/cb' },
      },
    };
    expect(ids(loop)).toEqual([]);
  });

  it('flags wildcards and other rule breaks in redirect URIs', () => {
    const wild = {
      ...goodSpa,
      auth: {
        authorization_code: { ...goodSpa.auth.authorization_code, redirect_uri: 'https://*.example.com/cb' },
      },
    };
    expect(ids(wild)).toEqual(['wildcard-redirect']);
    const frag = {
      ...goodSpa,
      auth: {
        authorization_code: {
          ...goodSpa.auth.authorization_code,
          redirect_uri: 'https://a.example.com/cb#x',
        },
      },
    };
    expect(lintClient(frag, false)[0]).toMatchObject({
      id: 'redirect-invalid',
      detail: expect.stringMatching(/fragment/) as string,
    });
    const implicit = {
      grant_types: ['implicit'],
      auth: { implicit: { redirect_uri: 'javascript:alert(1)' } },
    };
    expect(ids(implicit)).toEqual(['implicit-grant', 'redirect-invalid']);
  });

  it('flags a public client without PKCE on either code alias', () => {
    expect(
      ids({
        grant_types: ['code'],
        auth: { authorization_code: { redirect_uri: 'https://a.example.com/cb' } },
      }),
    ).toEqual(['public-without-pkce']);
    expect(ids({ grant_types: ['authorization_code'] })).toEqual(['public-without-pkce']);
    expect(
      ids({
        secret: 'h',
        grant_types: ['authorization_code'],
        auth: { authorization_code: { secret_required: true, redirect_uri: 'https://a.example.com/cb' } },
      }),
    ).toEqual([]);
  });

  it('does not treat vault or key-based clients as public', () => {
    expect(
      ids({
        _secret: { extension: [] },
        grant_types: ['authorization_code'],
        auth: { authorization_code: { secret_required: true } },
      }),
    ).toEqual([]);
    expect(ids({ jwks_uri: 'https://k.example.com/jwks', grant_types: ['authorization_code'] })).toEqual([]);
  });

  it('flags refresh tokens without expiry per grant', () => {
    const f = lintClient(
      {
        secret: 'h',
        grant_types: ['client_credentials'],
        auth: { client_credentials: { refresh_token: true } },
      },
      false,
    );
    expect(f).toEqual([
      expect.objectContaining({
        id: 'refresh-no-expiry',
        severity: 'medium',
        path: 'auth.client_credentials.refresh_token_expiration',
      }),
    ]);
  });

  it('flags access tokens longer than a day', () => {
    const f = lintClient(
      {
        secret: 'h',
        grant_types: ['client_credentials'],
        auth: { client_credentials: { access_token_expiration: 172_800 } },
      },
      false,
    );
    expect(f).toEqual([
      expect.objectContaining({
        id: 'long-access-token',
        severity: 'low',
        detail: expect.stringContaining('2 days') as string,
      }),
    ]);
    expect(ids({ secret: 'h', auth: { client_credentials: { access_token_expiration: 86_400 } } })).toEqual(
      [],
    );
  });

  it('flags a browser client holding a secret', () => {
    expect(ids({ ...goodSpa, secret: 'h' })).toEqual(['browser-holds-secret']);
    expect(
      ids({ secret: 'h', allowed_origins: ['https://a.example.com'], grant_types: ['client_credentials'] }),
    ).toEqual(['browser-holds-secret']);
  });

  it('sorts by severity', () => {
    const sev = lintClient(
      {
        grant_types: ['authorization_code', 'implicit'],
        auth: { authorization_code: { refresh_token: true, access_token_expiration: 999_999 } },
      },
      false,
    ).map((f) => f.severity);
    expect(sev).toEqual(['high', 'high', 'medium', 'low']);
  });
});

describe('formatDuration', () => {
  it.each([
    [86_400, '1 day'],
    [7200, '2 hours'],
    [600, '10 minutes'],
    [61, '61 seconds'],
    [1, '1 second'],
  ])('%i → %s', (s, text) => expect(formatDuration(s)).toBe(text));
});
