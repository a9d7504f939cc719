// Pasted private keys: every accepted shape becomes a non-extractable signing key, and every refusal
// names the problem without quoting the key.
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { importPrivateKey, KeyImportError } from './private-key.ts';

async function rsa() {
  const pair = await generateKeyPair('RS384', { extractable: true, modulusLength: 2048 });
  return { ...pair, jwk: { ...(await exportJWK(pair.privateKey)), kid: 'k1', alg: 'RS384' } };
}

describe('importPrivateKey', () => {
  it('takes a private JWK, a one-key JWKS and devbox’s demo key file', async () => {
    const { jwk } = await rsa();
    for (const text of [
      JSON.stringify(jwk),
      JSON.stringify({ keys: [jwk] }),
      JSON.stringify({ client_id: 'smart-backend-demo', privateJwk: jwk, privatePem: '…' }, null, 2),
    ]) {
      const k = await importPrivateKey(text);
      expect(k.alg).toBe('RS384');
      expect(k.kid).toBe('k1');
      expect(k.key.type).toBe('private');
      expect(k.key.extractable).toBe(false);
    }
  });

  it('takes a PKCS#8 PEM, even with its line breaks removed by a password field, and finds EC P-384', async () => {
    const { privateKey } = await rsa();
    const pem = await exportPKCS8(privateKey);
    expect((await importPrivateKey(pem.replace(/\n/g, ''))).alg).toBe('RS384');
    const ec = await generateKeyPair('ES384', { extractable: true });
    const k = await importPrivateKey(await exportPKCS8(ec.privateKey), 'RS384');
    expect(k).toMatchObject({ alg: 'ES384', kid: undefined });
  });

  it('refuses public keys, other algorithms and other PEMs, never quoting the text', async () => {
    const { jwk, publicKey } = await rsa();
    const cases: Array<[string, RegExp]> = [
      [JSON.stringify({ ...jwk, d: undefined }), /public key/],
      [JSON.stringify({ ...jwk, alg: 'RS256' }), /RS256.*RS384 or ES384/],
      ['{"kty":"RSA","d":"secret-material-xyz",', /not valid JSON/],
      [await exportSPKI(publicKey), /private JWK.*PKCS#8/],
      ['-----BEGIN RSA PRIVATE KEY-----\nsecret-material-xyz\n-----END RSA PRIVATE KEY-----', /PKCS#8/],
      ['', /Paste a private key/],
    ];
    for (const [text, message] of cases) {
      const error = await importPrivateKey(text).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeyImportError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('secret-material-xyz');
      if (typeof jwk.d === 'string') expect((error as Error).message).not.toContain(jwk.d.slice(0, 12));
    }
  });
});
