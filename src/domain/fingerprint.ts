/**
 * A short, quotable identifier of a secret: the first 8 hex digits of its SHA-256. Teams can say
 * "the secret ending in fingerprint 3f9a01c2 is live" without revealing it; 32 bits reveal nothing
 * useful about a 128-bit-or-better secret, while two different secrets almost never share one.
 *
 * @example await secretFingerprint('s3cr3t') // "8e1a2c7d"-style, always 8 lowercase hex digits
 */
export async function secretFingerprint(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return [...new Uint8Array(digest).slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
