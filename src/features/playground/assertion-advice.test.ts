// Each refusal devbox's private_key_jwt check sends (devbox/auth/client-assertion.ts, client-jwks.ts)
// gets its own plain-words advice, not the secret-oriented invalid_client text.
import { describe, expect, it } from 'vitest';
import { adviseAssertionError } from './assertion-advice.ts';

describe('adviseAssertionError', () => {
  it.each([
    ['The client assertion jti was already used', /Replay/],
    ['Client assertion claim check failed: unexpected "aud" claim value', /audience/],
    ['Unknown kid smart-backend-demo-1234', /does not know this key/],
    ["kid k1 is not unique in the client's keys", /does not know this key/],
    ['The client has no jwks or jwks_uri', /does not know this key/],
    ['Client assertion alg must be RS384', /Algorithm/],
    ['Key k1 is for ES384', /Algorithm/],
    ['The client assertion has expired', /Lifetime/],
    ['Client assertion exp is more than five minutes ahead', /Lifetime/],
    ['The client assertion signature does not verify with the client key', /signature/],
    ['This client does not accept client assertions (auth.<grant>.client_assertion_types)', /key-based/],
    ['iss and sub must both be the client id', /iss and sub/],
    ["The client's jwks_uri took longer than 2 s", /jwks_uri/],
  ])('%s', (description, title) => {
    expect(adviseAssertionError(description).title).toMatch(title);
  });

  it('falls back to a checklist', () => {
    expect(adviseAssertionError(undefined).next).toMatch(/kid.*RS384.*aud/);
  });
});
