import { describe, expect, it } from 'vitest';
import { generateSecret, toBase64Url } from './secret.ts';

describe('generateSecret', () => {
  it('returns 43 base64url characters without padding', () => {
    expect(generateSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('draws 32 bytes from crypto.getRandomValues', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    generateSecret();
    expect((spy.mock.calls[0]?.[0] as Uint8Array).length).toBe(32);
    spy.mockRestore();
  });

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 50 }, generateSecret));
    expect(seen.size).toBe(50);
  });

  it('encodes with the url-safe alphabet', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(toBase64Url(new Uint8Array([1]))).toBe('AQ');
  });
});
