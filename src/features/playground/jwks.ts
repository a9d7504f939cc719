// The connected Aidbox's JWKS, one remote key set per URL; jose re-fetches on an unknown kid with a
// cool-down, so a pasted token with a random kid cannot make us hammer Aidbox.
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

const sets = new Map<string, JWTVerifyGetKey>();

export function jwksFor(jwksUri: string): JWTVerifyGetKey {
  let set = sets.get(jwksUri);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 30_000, timeoutDuration: 8_000 });
    sets.set(jwksUri, set);
  }
  return set;
}
