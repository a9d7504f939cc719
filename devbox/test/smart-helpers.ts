// Shared pieces of the SMART contract tests: key pairs, signed client assertions (jose) and a
// local JWKS server on 127.0.0.1 that can answer slowly or with too many bytes.
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JWT_BEARER } from '../auth/client-assertion.ts';
import type { TestDevbox } from '../testing/start.ts';

export interface KeyPair {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function keyPair(alg: 'RS384' | 'ES384' | 'RS256', kid = randomUUID()): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export interface AssertionOptions {
  claims?: JWTPayload;
  header?: Record<string, unknown>;
  /** Seconds from now. */
  expIn?: number;
}

export async function assertion(box: TestDevbox, clientId: string, key: KeyPair, o: AssertionOptions = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: clientId,
    sub: clientId,
    aud: `${box.url}/auth/token`,
    exp: now + (o.expIn ?? 240),
    jti: randomUUID(),
    ...o.claims,
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...o.header })
    .sign(key.privateKey);
}

export function assertionParams(jwt: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: 'client_credentials',
    client_assertion_type: JWT_BEARER,
    client_assertion: jwt,
    ...extra,
  };
}

export interface JwksServer {
  url: string;
  /** Requests served so far (cache checks). */
  hits: () => number;
  close: () => Promise<void>;
}

/** Serves `body` at /jwks after `delayMs`. */
export async function jwksServer(body: string, delayMs = 0): Promise<JwksServer> {
  let hits = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((_req, res) => {
    hits += 1;
    const t = setTimeout(() => {
      timers.delete(t);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    }, delayMs);
    timers.add(t);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/jwks`,
    hits: () => hits,
    close: () =>
      new Promise<void>((r) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
