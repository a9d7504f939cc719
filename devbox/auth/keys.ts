// The RS256 signing key. Generated at first start and kept in <dataDir>/auth-keys.json (mode 0600)
// so tokens survive restarts; in memory mode it lives only as long as the process.
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DevboxContext } from '../context.ts';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

const KEY_FILE = 'auth-keys.json';
// One key per context (not per process): several devboxes run side by side in tests.
const cache = new WeakMap<DevboxContext, Promise<SigningKey>>();

export function signingKey(ctx: DevboxContext): Promise<SigningKey> {
  let p = cache.get(ctx);
  if (!p) {
    p = loadOrCreate(ctx.config.dataDir);
    cache.set(ctx, p);
    p.catch(() => cache.delete(ctx));
  }
  return p;
}

function publicPart(jwk: JWK): JWK {
  const { kty, n, e, kid } = jwk;
  return { kty, n, e, kid, alg: 'RS256', use: 'sig' };
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  const kid = jwk.kid ?? 'devbox';
  const privateKey = (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  const publicJwk = publicPart({ ...jwk, kid });
  const publicKey = (await importJWK(publicJwk, 'RS256')) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk };
}

async function loadOrCreate(dataDir: string | undefined): Promise<SigningKey> {
  const file = dataDir ? join(dataDir, KEY_FILE) : undefined;
  if (file) {
    try {
      return await fromPrivateJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  if (dataDir && file) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  return fromPrivateJwk(jwk);
}
