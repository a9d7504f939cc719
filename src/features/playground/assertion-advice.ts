// Plain words for a refused client assertion (private_key_jwt). RFC 7523 makes every failure
// `invalid_client`, so the description is all there is to go on: these match the descriptions
// devbox sends (devbox/auth/client-assertion.ts, client-jwks.ts) and the words any server would use
// for the same check (replay, audience, key id, algorithm). Unknown descriptions get a checklist.
import type { OAuthErrorAdvice } from '../../domain/oauth-request-errors.ts';

interface Rule {
  test: RegExp;
  advice: OAuthErrorAdvice;
}

const RULES: Rule[] = [
  {
    test: /jti.*(already|used|replay)|replay/i,
    advice: {
      title: 'Replay refused: this assertion was already used',
      next: 'Each assertion has a unique jti and is good for one token request. Sign a new one (the playground does on every “Get token with key”).',
    },
  },
  {
    test: /\baud\b|audience/i,
    advice: {
      title: 'Wrong audience (aud)',
      next: 'aud must be exactly the token endpoint URL from discovery (not the issuer or the FHIR base).',
    },
  },
  {
    test: /unknown kid|kid .*not unique|no jwks/i,
    advice: {
      title: 'The server does not know this key',
      next: 'The kid in the header must match exactly one key in the Client’s jwks (or at its jwks_uri). Add the public key to the Client, or fix the kid.',
    },
  },
  {
    test: /\balg\b|algorithm|is for (RS|ES|HS|PS)/i,
    advice: {
      title: 'Algorithm refused',
      next: 'Aidbox documents RS384 for client assertions (ES384 where the server allows it), and the key’s own alg must agree. none and HS* are always refused.',
    },
  },
  {
    test: /expired|five minutes|\bexp\b/i,
    advice: {
      title: 'Lifetime refused',
      next: 'exp must be in the future and at most five minutes ahead. Check this computer’s clock.',
    },
  },
  {
    test: /signature/i,
    advice: {
      title: 'The signature does not verify',
      next: 'The private key does not belong to the public key registered under this kid. Use the matching pair.',
    },
  },
  {
    test: /client_assertion_types|does not accept client assertions/i,
    advice: {
      title: 'The Client does not accept key-based authentication',
      next: 'Add urn:ietf:params:oauth:client-assertion-type:jwt-bearer to auth.client_credentials.client_assertion_types.',
    },
  },
  {
    test: /iss and sub|client_id does not match/i,
    advice: {
      title: 'iss and sub must be the client id',
      next: 'The assertion must name the Client it authenticates in iss and sub (and client_id, if sent).',
    },
  },
  {
    test: /jwks_uri|jku/i,
    advice: {
      title: 'The Client’s jwks_uri could not be used',
      next: 'The key set URL must be https (http only on loopback), answer quickly and be small. Read the server’s words below.',
    },
  },
  {
    test: /inactive/i,
    advice: { title: 'The Client is inactive', next: 'Activate it in the Client editor (active: true).' },
  },
];

/** Advice for an `invalid_client` answer to a token request that carried a client assertion. */
export function adviseAssertionError(description: string | undefined): OAuthErrorAdvice {
  const d = description ?? '';
  const hit = RULES.find((r) => r.test.test(d));
  if (hit) return hit.advice;
  return {
    title: 'invalid_client: the client assertion was refused',
    next: 'Check that the public key is on the Client (same kid), the algorithm is RS384 (or ES384), aud is the token endpoint and the assertion is fresh.',
  };
}
