// @vitest-environment node
import { secretFingerprint } from './fingerprint.ts';

test('first 8 hex digits of SHA-256 of the UTF-8 bytes (vectors from sha256sum)', async () => {
  await expect(secretFingerprint('abc')).resolves.toBe('ba7816bf');
  await expect(secretFingerprint('')).resolves.toBe('e3b0c442');
  await expect(secretFingerprint('s3cr3t')).resolves.toBe('4e738ca5');
  await expect(secretFingerprint('a:b%c+d&e')).resolves.toBe('93b55f47');
});

test('always 8 lowercase hex digits; different secrets, different fingerprints', async () => {
  const a = await secretFingerprint('secret-one');
  const b = await secretFingerprint('secret-two');
  expect(a).toMatch(/^[0-9a-f]{8}$/);
  expect(a).not.toBe(b);
});
