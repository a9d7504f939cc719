/**
 * A client secret of 256 bits from the platform CSPRNG, base64url without padding (43 chars).
 * RFC 6749 §10.10 asks for a guessing probability ≤ 2^-160; 256 bits leaves a wide margin and
 * base64url survives HTTP Basic's form-encoding without escaping (security.md §3.1).
 *
 * @example generateSecret() // "q3Jx…" (43 characters of A–Z a–z 0–9 - _)
 */
export function generateSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return toBase64Url(bytes);
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
