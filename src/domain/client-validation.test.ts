import { describe, expect, it } from 'vitest';
import { validateClient, type ValidationContext } from './client-validation.ts';
import type { ClientDraft } from '../model/client.ts';

const newSpa: ValidationContext = { isNew: true, clientKind: 'spa' };
const spa: ClientDraft = {
  id: 'spa-1',
  grant_types: ['authorization_code'],
  auth: {
    authorization_code: {
      redirect_uri: 'https://a.example.com/cb',
      pkce: true,
      refresh_token: true,
      refresh_token_expiration: 3600,
    },
  },
};
const at = (c: ClientDraft, ctx: ValidationContext = newSpa) => {
  const r = validateClient(c, ctx);
  return {
    errors: r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'),
    warnings: r.warnings.map((e) => `${e.path}: ${e.message}`).join('\n'),
  };
};
const withCode = (extra: Record<string, unknown>): ClientDraft => ({
  ...spa,
  auth: { authorization_code: { ...spa.auth?.authorization_code, ...extra } },
});

describe('the stored secret is told, not read', () => {
  const confidentialCode: ClientDraft = {
    id: 'web',
    grant_types: ['authorization_code'],
    auth: { authorization_code: { redirect_uri: 'https://w.example.com/cb' } },
  };
  const edit = (hasStoredSecret: boolean): ValidationContext => ({
    isNew: false,
    clientKind: 'unknown',
    loaded: confidentialCode,
    hasStoredSecret,
  });

  it('a Client Aidbox holds a secret for needs no PKCE; the same Client without one does', () => {
    expect(at(confidentialCode, edit(true)).errors).not.toMatch(/PKCE/);
    expect(at(confidentialCode, { ...edit(false), loaded: undefined }).errors).toMatch(/PKCE is required/);
  });
});

describe('validateClient', () => {
  it('accepts a secure SPA', () => {
    expect(validateClient(spa, newSpa)).toEqual({ errors: [], warnings: [], existing: [] });
  });

  it.each(['', 'has space', 'under_score', 'a'.repeat(65), 'ünï'])(
    'rejects the id %j for a new client',
    (id) => {
      expect(at({ ...spa, id }).errors).toMatch(/^id: /);
    },
  );

  it.each(['a', 'A-b.9', 'x'.repeat(64)])('accepts the id %j', (id) => {
    expect(at({ ...spa, id }).errors).toBe('');
  });

  it('does not re-check the id of an existing client', () => {
    expect(at({ ...spa, id: 'legacy_id' }, { isNew: false, clientKind: 'spa', loaded: spa }).errors).toBe('');
  });

  it('puts redirect URI errors and warnings on the field', () => {
    expect(at(withCode({ redirect_uri: 'https://*.example.com/cb' })).errors).toMatch(
      /^auth\.authorization_code\.redirect_uri: Wildcards/,
    );
    expect(
      at(withCode({ redirect_uri: 'http://localhost/cb' }), { isNew: true, clientKind: 'mobile' }).warnings,
    ).toMatch(/redirect_uri: Using "localhost"/);
  });

  it('requires a redirect URI for code and implicit grants', () => {
    expect(at(withCode({ redirect_uri: undefined })).errors).toMatch(/redirect_uri: Enter the redirect URI/);
    expect(at(withCode({ redirect_uri: '' })).errors.split('\n')).toHaveLength(1);
  });

  it('requires PKCE for public clients, not for confidential ones', () => {
    expect(at(withCode({ pkce: false })).errors).toMatch(/pkce: PKCE is required for public clients/);
    expect(at({ ...withCode({ pkce: false }), secret: 'h' }, { isNew: true, clientKind: 'web' }).errors).toBe(
      '',
    );
  });

  it('refuses implicit and password for new clients unless overridden', () => {
    const legacy = {
      ...spa,
      grant_types: ['authorization_code', 'implicit', 'password'],
      auth: { ...spa.auth, implicit: { redirect_uri: 'https://a.example.com/cb' } },
    };
    const refused = at(legacy).errors;
    expect(refused).toMatch(/grant_types: The implicit grant must no longer be used \(RFC 9700 §2\.1\.2\)/);
    expect(refused).toMatch(/grant_types: The password grant must no longer be used \(RFC 9700 §2\.4\)/);
    const overridden = at(legacy, { ...newSpa, legacyOverride: true });
    expect(overridden.errors).toBe('');
    expect(overridden.warnings).toMatch(/explicit legacy override/);
  });

  it('never silently enables a legacy grant on an existing client, but tolerates one it had', () => {
    const withImplicit = {
      ...spa,
      grant_types: ['authorization_code', 'implicit'],
      auth: { ...spa.auth, implicit: { redirect_uri: 'https://a.example.com/cb' } },
    };
    expect(at(withImplicit, { isNew: false, clientKind: 'unknown', loaded: spa }).errors).toMatch(
      /implicit grant must no longer/,
    );
    const kept = at(withImplicit, { isNew: false, clientKind: 'unknown', loaded: withImplicit });
    expect(kept.errors).toBe('');
    expect(kept.warnings).toMatch(/already has it/);
  });

  it('warns about refresh tokens without expiry', () => {
    expect(at(withCode({ refresh_token_expiration: undefined })).warnings).toMatch(
      /refresh_token_expiration: Aidbox treats a missing value as never expiring/,
    );
  });

  it.each([0, -5, 1.5, '600', Number.NaN])('rejects the lifetime %j', (value) => {
    expect(at(withCode({ access_token_expiration: value })).errors).toMatch(
      /access_token_expiration: Enter a whole number/,
    );
    expect(at(withCode({ refresh_token_expiration: value })).errors).toMatch(
      /refresh_token_expiration: Enter a whole number/,
    );
  });

  it('warns when a browser app holds a secret', () => {
    expect(at({ ...spa, secret: 'x' }).warnings).toMatch(/cannot keep a secret/);
    expect(at(withCode({ secret_required: true })).warnings).toMatch(/cannot keep a secret/);
  });

  it('checks grant names, token format and URLs', () => {
    expect(at({ ...spa, grant_types: ['authorization_code', 'magic'] }).errors).toMatch(
      /"magic" is not a grant type/,
    );
    expect(at({ ...spa, grant_types: 'code' as unknown as string[] }).errors).toMatch(/must be a list/);
    expect(at({ ...spa, grant_types: [] }).warnings).toMatch(/cannot obtain tokens/);
    expect(at(withCode({ token_format: 'opaque' })).errors).toMatch(
      /token_format: Aidbox supports only "jwt"/,
    );
    expect(at({ ...spa, jwks_uri: 'http://k.example.com' }).errors).toMatch(/jwks_uri: /);
    expect(at({ ...spa, jwks_uri: 'http://localhost:8082/.well-known/jwks.json' }).errors).toBe('');
    expect(at({ ...spa, smart: { launch_uri: 'javascript:x' } }).errors).toMatch(/smart\.launch_uri: /);
    expect(
      at({
        ...spa,
        allowed_origins: ['https://ok.example.com', 'nope', 'https://*.x.com', 'http://plain.example.com'],
      }),
    ).toEqual({
      errors: expect.stringMatching(/allowed_origins\.1: .*\n.*allowed_origins\.2: /) as string,
      warnings: expect.stringMatching(/allowed_origins\.3: .*plain http/) as string,
    });
    expect(at({ ...spa, redirect_uri: 5 }).errors).toBe('');
    expect(at(withCode({ redirect_uri: 5 })).errors).toMatch(/as text/);
  });
});

describe('existing violations on an edit (issue 14 §5)', () => {
  const risky: ClientDraft = {
    id: 'legacy-portal',
    description: 'old',
    grant_types: ['authorization_code'],
    auth: { authorization_code: { redirect_uri: 'https://*.example.com/cb', pkce: true } },
  };
  const edit = (client: ClientDraft) =>
    validateClient(client, { isNew: false, clientKind: 'unknown', loaded: risky });

  it('an edit that leaves the offending field alone only carries the old problem', () => {
    const r = edit({ ...risky, description: 'new' });
    expect(r.errors).toEqual([]);
    expect(r.existing).toEqual([
      {
        path: 'auth.authorization_code.redirect_uri',
        message: expect.stringMatching(/[Ww]ildcard/) as string,
      },
    ]);
  });

  it('touching the offending field, even to another bad value, is judged afresh', () => {
    const r = edit({
      ...risky,
      auth: { authorization_code: { redirect_uri: 'https://*.other.com/cb', pkce: true } },
    });
    expect(r.existing).toEqual([]);
    expect(r.errors.map((e) => e.path)).toContain('auth.authorization_code.redirect_uri');
  });

  it('a new violation elsewhere is still refused while the old one is carried', () => {
    const r = edit({ ...risky, jwks_uri: 'http://keys.example.com' });
    expect(r.errors.map((e) => e.path)).toEqual(['jwks_uri']);
    expect(r.existing.map((e) => e.path)).toEqual(['auth.authorization_code.redirect_uri']);
  });

  it('a new Client never has existing violations', () => {
    const r = validateClient(risky, { isNew: true, clientKind: 'unknown', loaded: risky });
    expect(r.existing).toEqual([]);
    expect(r.errors.length).toBeGreaterThan(0);
  });
});
