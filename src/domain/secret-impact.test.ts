import type { ClientDraft } from '../model/client.ts';
import {
  lastRotation,
  rotationEligibility,
  rotationPatch,
  secretUses,
  verifyMethod,
} from './secret-impact.ts';

const vault = {
  extension: [{ url: 'http://health-samurai.io/fhir/secret-reference', valueString: 'client-secret' }],
};
function ids(client: ClientDraft, hasSecret = true) {
  return secretUses({ client, hasSecret }).map((u) => u.id);
}

describe('secretUses', () => {
  test('client_credentials and basic always use the secret', () => {
    expect(ids({ grant_types: ['client_credentials', 'basic'] })).toEqual(['client_credentials', 'basic']);
  });

  test('password / authorization_code count by secret_required', () => {
    const pw = (secret_required?: boolean): ClientDraft => ({
      grant_types: ['password'],
      auth: { password: secret_required === undefined ? {} : { secret_required } },
    });
    expect(ids(pw(true))).toEqual(['password']);
    expect(ids(pw(false))).toEqual([]);
    // Unset: assumed (devbox and likely Aidbox demand a stored secret), and marked as such.
    expect(secretUses({ client: pw(), hasSecret: true })).toMatchObject([{ id: 'password', assumed: true }]);
    expect(ids(pw(), false)).toEqual([]);
    const code: ClientDraft = {
      grant_types: ['code'],
      auth: { authorization_code: { secret_required: true } },
    };
    expect(ids(code)).toEqual(['authorization_code']);
  });

  test('public PKCE, implicit and token exchange', () => {
    const spa: ClientDraft = {
      grant_types: ['authorization_code', 'refresh_token'],
      auth: { authorization_code: { pkce: true, secret_required: false } },
    };
    expect(ids(spa, false)).toEqual([]);
    expect(ids({ grant_types: ['implicit'] }, false)).toEqual([]);
    expect(ids({ grant_types: ['urn:ietf:params:oauth:grant-type:token-exchange'] })).toEqual([
      'token_exchange',
    ]);
  });
});

describe('rotationEligibility', () => {
  test('vault reference wins over everything', () => {
    expect(
      rotationEligibility({
        client: { grant_types: ['client_credentials'], _secret: vault },
        hasSecret: false,
      }),
    ).toEqual({
      kind: 'vault',
    });
  });

  test('public client needs no secret', () => {
    const spa: ClientDraft = {
      grant_types: ['authorization_code'],
      auth: { authorization_code: { secret_required: false } },
    };
    expect(rotationEligibility({ client: spa, hasSecret: false })).toEqual({ kind: 'public' });
  });

  test('confidential clients are rotatable, with or without a stored secret', () => {
    const svc: ClientDraft = { grant_types: ['client_credentials'] };
    expect(rotationEligibility({ client: svc, hasSecret: true })).toEqual({
      kind: 'rotatable',
      hasSecret: true,
    });
    expect(rotationEligibility({ client: svc, hasSecret: false })).toEqual({
      kind: 'rotatable',
      hasSecret: false,
    });
  });
});

test('verifyMethod prefers a token, falls back to a Basic read', () => {
  expect(verifyMethod({ client: { grant_types: ['basic', 'client_credentials'] }, hasSecret: true })).toBe(
    'client_credentials',
  );
  expect(verifyMethod({ client: { grant_types: ['basic'] }, hasSecret: true })).toBe('basic');
  expect(verifyMethod({ client: { grant_types: ['password'] }, hasSecret: true })).toBe('none');
});

test('lastRotation reads details, else reports lastUpdated as context', () => {
  expect(
    lastRotation({ details: { secretRotatedAt: '2026-01-02T03:04:05Z', secretFingerprint: 'ab12cd34' } }),
  ).toEqual({ recorded: true, at: '2026-01-02T03:04:05Z', fingerprint: 'ab12cd34' });
  expect(
    lastRotation({ details: { secretRotatedAt: 'soon' }, meta: { lastUpdated: '2025-05-05T00:00:00Z' } }),
  ).toEqual({
    recorded: false,
    lastUpdated: '2025-05-05T00:00:00Z',
  });
  expect(lastRotation({})).toEqual({ recorded: false, lastUpdated: undefined });
});

test('rotationPatch merges into details without replacing it', () => {
  expect(rotationPatch('s', '2026-01-01T00:00:00.000Z', 'ab12cd34')).toEqual({
    secret: 's',
    details: { secretRotatedAt: '2026-01-01T00:00:00.000Z', secretFingerprint: 'ab12cd34' },
  });
});
