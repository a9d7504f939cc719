import { describe, expect, it } from 'vitest';
import type { ClientDraft } from '../model/client.ts';
import type { PolicyResource } from './matrix.ts';
import { policyFindings, policyReach } from './review-rules-policy.ts';
import { rotatedAt } from './secret-age.ts';
import { lastSessionByClient, reviewAll, reviewClient, type ReviewSettings } from './review-rules.ts';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
const settings: ReviewSettings = { now: NOW, secretMaxAgeDays: 365, idleDays: 90 };
const allowPolicy: PolicyResource = { resourceType: 'AccessPolicy', id: 'p-allow', engine: 'allow' };
const readPolicy: PolicyResource = {
  resourceType: 'AccessPolicy',
  id: 'p-read',
  engine: 'matcho',
  matcho: { operation: { id: 'FhirRead' } },
};

/** A Client that passes every rule: confidential service, rotated last month, used yesterday. */
const good: ClientDraft = {
  id: 'svc',
  secret: 'sha256:abc',
  grant_types: ['client_credentials'],
  auth: { client_credentials: { access_token_expiration: 600 } },
  details: { secretRotatedAt: daysAgo(30) },
};
const goodSpa: ClientDraft = {
  id: 'spa',
  grant_types: ['authorization_code'],
  auth: {
    authorization_code: { redirect_uri: 'https://app.example/cb', pkce: true, access_token_expiration: 600 },
  },
};

function rules(
  client: ClientDraft,
  linked = [readPolicy],
  sessions = new Map([[client.id ?? '', daysAgo(1)]]),
) {
  return reviewClient({ client, hasSecret: false }, { ...settings, lastSession: sessions }, linked).map(
    (f) => f.rule,
  );
}

describe('reviewClient: each rule fails the risky Client and passes the fixed one', () => {
  it('passes the good Clients', () => {
    expect(rules(good)).toEqual([]);
    expect(rules(goodSpa)).toEqual([]);
  });

  const cases: [string, ClientDraft, ClientDraft][] = [
    ['implicit-grant', { ...goodSpa, grant_types: ['implicit'] }, goodSpa],
    ['password-grant', { ...good, grant_types: ['password'] }, good],
    [
      'redirect-not-https',
      { ...goodSpa, auth: { authorization_code: { redirect_uri: 'http://app.example/cb', pkce: true } } },
      { ...goodSpa, auth: { authorization_code: { redirect_uri: 'http://127.0.0.1:8000/cb', pkce: true } } },
    ],
    [
      'wildcard-redirect',
      { ...goodSpa, auth: { authorization_code: { redirect_uri: 'https://*.app.example/cb', pkce: true } } },
      goodSpa,
    ],
    [
      'public-without-pkce',
      { ...goodSpa, auth: { authorization_code: { redirect_uri: 'https://app.example/cb', pkce: false } } },
      goodSpa,
    ],
    [
      'refresh-no-expiry',
      { ...good, auth: { client_credentials: { refresh_token: true } } },
      { ...good, auth: { client_credentials: { refresh_token: true, refresh_token_expiration: 3600 } } },
    ],
    [
      'long-access-token',
      { ...good, auth: { client_credentials: { access_token_expiration: 2_592_000 } } },
      { ...good, auth: { client_credentials: { access_token_expiration: 3600 } } },
    ],
    ['browser-holds-secret', { ...goodSpa, secret: 'h', allowed_origins: ['https://app.example'] }, goodSpa],
    ['secret-never-rotated', { ...good, details: {} }, good],
    [
      'secret-too-old',
      { ...good, details: { secretRotatedAt: daysAgo(1000) } },
      { ...good, details: { secretRotatedAt: daysAgo(364) } },
    ],
  ];
  for (const [rule, bad, fixed] of cases) {
    it(rule, () => {
      expect(rules(bad)).toContain(rule);
      expect(rules(fixed)).not.toContain(rule);
    });
  }

  it('no-policy: an active Client with no linked policy; not for an inactive one', () => {
    expect(rules(good, [])).toContain('no-policy');
    expect(rules(good, [readPolicy])).not.toContain('no-policy');
    expect(rules({ ...good, active: false }, [])).not.toContain('no-policy');
  });

  it('allow-all-only: every linked policy is engine allow', () => {
    expect(rules(good, [allowPolicy])).toContain('allow-all-only');
    expect(rules(good, [allowPolicy, readPolicy])).not.toContain('allow-all-only');
  });

  it('inactive-linked: inactive and still linked', () => {
    expect(rules({ ...good, active: false }, [readPolicy])).toContain('inactive-linked');
    expect(rules({ ...good, active: false }, [])).not.toContain('inactive-linked');
    expect(rules(good, [readPolicy])).not.toContain('inactive-linked');
  });

  it('inactive-client: inactive and unlinked (the linked case is inactive-linked)', () => {
    expect(rules({ ...good, active: false }, [])).toContain('inactive-client');
    expect(rules({ ...good, active: false }, [readPolicy])).not.toContain('inactive-client');
    expect(rules(good, [])).not.toContain('inactive-client');
  });

  it('idle-client: no Session in the period, or never; skipped when Sessions were not loaded', () => {
    expect(rules(good, [readPolicy], new Map([['svc', daysAgo(91)]]))).toContain('idle-client');
    expect(rules(good, [readPolicy], new Map())).toContain('idle-client');
    expect(rules(good, [readPolicy], new Map([['svc', daysAgo(89)]]))).not.toContain('idle-client');
    expect(
      reviewClient({ client: good, hasSecret: false }, { ...settings, lastSession: undefined }, [readPolicy]),
    ).toEqual([]);
    expect(rules({ ...good, active: false }, [], new Map())).not.toContain('idle-client');
  });

  it('does not ask to rotate a vault secret or a public client', () => {
    expect(rules({ ...good, secret: undefined, _secret: { vault: 'x' }, details: {} })).not.toContain(
      'secret-never-rotated',
    );
    expect(rules(goodSpa)).not.toContain('secret-never-rotated');
  });

  it('links to the field to fix', () => {
    const f = reviewClient(
      {
        client: { ...goodSpa, auth: { authorization_code: { redirect_uri: 'https://a.example/cb' } } },
        hasSecret: false,
      },
      { ...settings, lastSession: undefined },
      [readPolicy],
    );
    expect(f.map((x) => [x.rule, x.path, x.targetId])).toEqual([
      ['public-without-pkce', 'auth.authorization_code.pkce', 'spa'],
    ]);
  });
});

describe('reviewClient: SMART findings (issue 12 §6)', () => {
  const keyed: ClientDraft = {
    id: 'bulk',
    grant_types: ['client_credentials'],
    scope: ['system/*.rs'],
    jwks: [{ kty: 'RSA', kid: 'k1', alg: 'RS384', use: 'sig', e: 'AQAB', n: `w${'A'.repeat(170)}` }],
    details: { secretRotatedAt: daysAgo(30) },
  };
  const review = (client: ClientDraft, hasSecret: boolean) =>
    reviewClient({ client, hasSecret }, { ...settings, lastSession: undefined }, [readPolicy]).map(
      (f) => `${f.rule}:${f.path}`,
    );

  it('carries the SMART rules, with the field to fix, beside the other rules', () => {
    expect(review(keyed, true)).toEqual([
      'smart-wildcard-system-scope:scope.0',
      'smart-weak-rsa-key:jwks.0',
      'smart-secret-beside-keys:secret',
    ]);
    // The secret rule follows what Aidbox holds, not what a read shows (the alternate reading omits it).
    expect(review(keyed, false)).not.toContain('smart-secret-beside-keys:secret');
  });

  it('a Client without SMART fields gets none of them', () => {
    expect(review(good, true).filter((r) => r.startsWith('smart-'))).toEqual([]);
  });
});

describe('policyFindings', () => {
  const ids = new Set(['a', 'b']);
  const kinds = (p: PolicyResource) => policyFindings([p], ids).map((f) => `${f.rule}:${f.severity}`);

  it('mixed-link: Client and Operation in one link; not Client-only', () => {
    const mixed: PolicyResource = {
      ...readPolicy,
      link: [{ reference: 'Client/a' }, { reference: 'Operation/FhirCreate' }],
    };
    expect(kinds(mixed)).toEqual(['mixed-link:high']);
    expect(kinds({ ...readPolicy, link: [{ resourceType: 'Client', id: 'a' }] })).toEqual([]);
  });

  it('global-policy: no link (high for allow); not when linked or role-scoped', () => {
    expect(kinds(readPolicy)).toEqual(['global-policy:low']);
    expect(kinds({ ...allowPolicy, link: [] })).toEqual(['global-policy:high']);
    expect(kinds({ ...readPolicy, link: [{ reference: 'User/u' }] })).toEqual([]);
    expect(kinds({ ...readPolicy, roleName: 'nurse' })).toEqual([]);
  });

  it('dangling-link: a linked Client that does not exist', () => {
    expect(kinds({ ...readPolicy, link: [{ reference: 'Client/gone' }] })).toEqual(['dangling-link:low']);
    expect(kinds({ ...readPolicy, link: [{ reference: 'Client/b' }] })).toEqual([]);
  });

  it('policyReach groups by linked Client in both link formats', () => {
    const reach = policyReach([
      { ...readPolicy, link: [{ reference: 'Client/a' }] },
      { ...allowPolicy, link: [{ resourceType: 'Client', id: 'a' }, { reference: 'User/x' }] },
    ]);
    expect(reach.get('a')?.map((p) => p.id)).toEqual(['p-read', 'p-allow']);
    expect(reach.has('x')).toBe(false);
  });
});

describe('reviewAll', () => {
  it('sorts high first and keys are unique', () => {
    const all = reviewAll({
      ...settings,
      clients: [good, { ...goodSpa, grant_types: ['implicit'] }].map((client) => ({
        client,
        hasSecret: false,
      })),
      policies: [readPolicy, { ...allowPolicy, link: [{ reference: 'Client/svc' }] }],
      lastSession: undefined,
    });
    expect(all[0]?.severity).toBe('high');
    expect(new Set(all.map((f) => f.key)).size).toBe(all.length);
    expect(all.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['allow-all-only', 'implicit-grant', 'global-policy', 'no-policy']),
    );
  });
});

describe('helpers', () => {
  it('rotatedAt reads details.secretRotatedAt leniently', () => {
    expect(rotatedAt({ details: { secretRotatedAt: '2026-01-01' } })).toBe(Date.parse('2026-01-01'));
    expect(rotatedAt({ details: { secretRotatedAt: 'soon' } })).toBeUndefined();
    expect(rotatedAt({ details: { secretRotatedAt: 5 } })).toBeUndefined();
  });

  it('lastSessionByClient keeps the newest start per client', () => {
    const m = lastSessionByClient([
      { client: { reference: 'Client/a' }, start: daysAgo(10) },
      { client: { reference: 'Client/a' }, start: daysAgo(2) },
      { client: { reference: 'Client/b' }, start: 'bad' },
      { start: daysAgo(1) },
    ]);
    expect([...m]).toEqual([['a', daysAgo(2)]]);
  });
});
