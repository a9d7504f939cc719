import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import type { PublicJwk } from '../../domain/jwks-validate.ts';
import { generateSigningKey, type GeneratedSigningKey } from '../../domain/key-export.ts';
import {
  keyEligibility,
  mayRemove,
  oldKids,
  stillPresent,
  withNewKey,
  withoutKeys,
} from './key-rotation-plan.ts';
import { assertionAlgOf, importPrivateKeyFor, samePublicKey } from './key-verify.ts';

/** The generated key's public JWK as the wizard holds it (a plain record). */
const pub = (k: GeneratedSigningKey): PublicJwk => ({ ...k.publicJwk });

const a = { kty: 'RSA', kid: 'a', n: 'AQAB', e: 'AQAB' };
const b = { kty: 'RSA', kid: 'b', n: 'AQAC', e: 'AQAB' };
const c = { kty: 'EC', kid: 'c', crv: 'P-384', x: 'AA', y: 'BB' };

describe('keyEligibility', () => {
  it('sends a jwks_uri Client to its URI, and refuses a jwks it could not read', () => {
    expect(keyEligibility({ resourceType: 'Client', jwks_uri: 'https://x/jwks' }, [])).toEqual({
      kind: 'uri',
      uri: 'https://x/jwks',
    });
    expect(keyEligibility({ resourceType: 'Client', jwks: [a] }, ['jwks'])).toEqual({ kind: 'unreadable' });
  });

  it('gives the stored keys with public members only, and says when private ones were stored', () => {
    const stored = { ...a, d: 'secret', custom: 1 };
    expect(keyEligibility({ resourceType: 'Client', jwks: [stored, b] }, [])).toEqual({
      kind: 'keys',
      keys: [a, b],
      privateStored: true,
    });
    expect(keyEligibility({ resourceType: 'Client' }, [])).toEqual({
      kind: 'keys',
      keys: [],
      privateStored: false,
    });
  });
});

describe('the jwks each write sends', () => {
  it('adds the new key after the old ones, refusing a kid already there', () => {
    expect(withNewKey([a], b)).toEqual({ ok: true, jwks: [a, b] });
    expect(withNewKey([a, b], { ...c, kid: 'a' })).toMatchObject({
      ok: false,
      message: /already has a key with kid a/,
    });
    expect(withNewKey([a], { kty: 'RSA' })).toMatchObject({ ok: false });
    // A private member in the new key is never written.
    expect(withNewKey([], { ...b, d: 'x' })).toEqual({ ok: true, jwks: [b] });
  });

  it('removes exactly the chosen old keys and never the new one', () => {
    expect(oldKids([a, b, c], 'c')).toEqual(['a', 'b']);
    expect(withoutKeys([a, b, c], ['a'], 'c')).toEqual([b, c]);
    expect(withoutKeys([a, b, c], ['a', 'b', 'c'], 'c')).toEqual([c]);
  });

  it('tells which removed kids a re-read Client still has', () => {
    expect(stillPresent({ resourceType: 'Client', jwks: [b, c] }, ['a', 'b'])).toEqual(['b']);
    expect(stillPresent({ resourceType: 'Client' }, ['a'])).toEqual([]);
  });

  it('removes only after a passed check, or a failed one explicitly overridden', () => {
    expect(mayRemove({ kind: 'passed', how: 'probe' }, false)).toBe(true);
    expect(mayRemove({ kind: 'passed', how: 'self' }, false)).toBe(true);
    const failed = { kind: 'failed', outcome: { kind: 'refused', detail: '' } } as const;
    expect(mayRemove(failed, false)).toBe(false);
    expect(mayRemove(failed, true)).toBe(true);
    expect(mayRemove({ kind: 'pending' }, true)).toBe(false);
  });
});

describe('signing with a pasted private key', () => {
  it('picks RS384 or ES384 from alg, else from the key type', () => {
    expect(assertionAlgOf({ kty: 'RSA' })).toBe('RS384');
    expect(assertionAlgOf({ kty: 'EC', crv: 'P-384' })).toBe('ES384');
    expect(assertionAlgOf({ kty: 'EC', crv: 'P-256' })).toBeUndefined();
    expect(assertionAlgOf({ kty: 'RSA', alg: 'RS256' })).toBeUndefined();
    expect(assertionAlgOf({ kty: 'EC', alg: 'ES384' })).toBe('ES384');
  });

  it('compares public halves member by member', () => {
    expect(samePublicKey({ kty: 'RSA', n: 'AQAB', e: 'AQAB', d: 'x' }, a)).toBe(true);
    expect(samePublicKey({ kty: 'RSA', n: 'AQAC', e: 'AQAB' }, a)).toBe(false);
    expect(samePublicKey({ kty: 'EC', crv: 'P-384', x: 'AA', y: 'BB' }, c)).toBe(true);
    expect(samePublicKey({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'BB' }, c)).toBe(false);
    expect(samePublicKey({ kty: 'oct' }, { kty: 'oct' })).toBe(false);
  });

  it.each(['RS384', 'ES384'] as const)(
    '%s: takes the private JWK or PEM of the new key, refuses another key and never quotes the text',
    async (alg) => {
      const [mine, other] = await Promise.all([generateSigningKey(alg), generateSigningKey(alg)]);
      for (const text of [JSON.stringify(mine.privateJwk), mine.privatePem]) {
        const got = await importPrivateKeyFor(text, pub(mine));
        expect(got).toMatchObject({ ok: true, key: { kid: mine.kid, alg } });
        if (got.ok) expect(got.key.privateKey.extractable).toBe(false);
      }
      const wrong = await importPrivateKeyFor(other.privatePem, pub(mine));
      expect(wrong).toEqual({ ok: false, message: 'This private key does not belong to the new key.' });
      const publicOnly = await importPrivateKeyFor(JSON.stringify(pub(mine)), pub(mine));
      expect(publicOnly).toEqual({ ok: false, message: 'This JWK has no private part (d).' });
      const garbage = await importPrivateKeyFor(`-----BEGIN PRIVATE KEY-----${mine.privateJwk.d}`, pub(mine));
      expect(garbage.ok).toBe(false);
      if (!garbage.ok) expect(garbage.message).not.toContain(mine.privateJwk.d);
    },
  );

  it('refuses an RSA key for an EC public key', async () => {
    const { privateKey } = await generateKeyPair('RS384', { extractable: true });
    const ec = await generateSigningKey('ES384');
    const got = await importPrivateKeyFor(JSON.stringify(await exportJWK(privateKey)), pub(ec));
    expect(got.ok).toBe(false);
  });
});
