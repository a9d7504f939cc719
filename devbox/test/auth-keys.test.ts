// The signing key persists under dataDir (tokens survive restarts) and is per-process in memory mode.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { DevboxContext } from '../context.ts';
import { signingKey } from '../auth/keys.ts';
import { s256, verifierMatches } from '../auth/pkce.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const fakeCtx = (dataDir: string | undefined) => ({ config: { dataDir } }) as unknown as DevboxContext;

it('reuses the key stored in dataDir across restarts, with owner-only permissions', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'devbox-keys-'));
  dirs.push(dir);
  const a = await signingKey(fakeCtx(dir));
  const b = await signingKey(fakeCtx(dir)); // a new context = a restarted devbox
  expect(b.kid).toBe(a.kid);
  expect(b.publicJwk.n).toBe(a.publicJwk.n);
  expect((await stat(join(dir, 'auth-keys.json'))).mode & 0o077).toBe(0);
  expect(a.publicJwk).not.toHaveProperty('d');
});

it('generates a fresh key per devbox in memory mode', async () => {
  const a = await signingKey(fakeCtx(undefined));
  const b = await signingKey(fakeCtx(undefined));
  expect(a.kid).not.toBe(b.kid);
});

it('checks PKCE S256 (RFC 7636 appendix B vector)', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  expect(s256(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  expect(verifierMatches(verifier, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(true);
  expect(verifierMatches('short', s256('short'))).toBe(false);
});
