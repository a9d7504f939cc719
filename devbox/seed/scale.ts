// Synthetic Clients and AccessPolicies for performance work (--scale CLIENTS,POLICIES). The mix
// mirrors the demo data (backends, SPAs, native and SMART apps; ~10% risky; policies over every
// engine, ~5% global, each linking 0–30 Clients) so the console is benchmarked on realistic shapes.
// A seeded PRNG makes ids, names, grants and links identical on every run; only secrets are truly
// random, because a predictable secret is a real secret nobody should be able to compute.
import { randomBytes } from 'node:crypto';
import type { Resource } from '../store/types.ts';
import { DOMAINS, OPERATIONS, ORGS, PEOPLE, CLINICAL_TYPES } from './scale-words.ts';

/** mulberry32: tiny, fast, good enough for test data (not for anything secret). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export const scaleClientId = (i: number) => `scale-client-${pad(i, 5)}`;
export const scalePolicyId = (i: number) => `scale-policy-${pad(i, 4)}`;

type Kind = 'backend' | 'spa' | 'mobile' | 'smart';
const KIND_LABEL: Record<Kind, string> = {
  backend: 'integration service',
  spa: 'web app',
  mobile: 'mobile app',
  smart: 'SMART app',
};

function codeFlow(redirect_uri: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    redirect_uri,
    pkce: true,
    secret_required: false,
    token_format: 'jwt',
    access_token_expiration: 900,
    refresh_token: true,
    refresh_token_expiration: 28_800,
    ...extra,
  };
}

/** The risky variants, applied to ~10% of Clients; each matches a security-review finding. */
const RISKS: ((c: Resource, host: string) => void)[] = [
  (c, host) => {
    c.grant_types = ['implicit'];
    c.auth = { implicit: { redirect_uri: `https://${host}/auth.html`, token_format: 'jwt' } };
  },
  (c) => {
    c.grant_types = ['password'];
    c.secret = randomBytes(24).toString('base64url');
    c.auth = { password: { secret_required: true, token_format: 'jwt', access_token_expiration: 3600 } };
  },
  (c, host) => {
    c.auth = { authorization_code: codeFlow(`http://${host}/callback`) };
  },
  (c, host) => {
    c.auth = { authorization_code: codeFlow(`https://${host}/callback`, { pkce: false }) };
  },
  (c, host) => {
    c.auth = { authorization_code: codeFlow(`https://${host}/cb`, { refresh_token_expiration: undefined }) };
  },
  (c) => {
    c.auth = { client_credentials: { token_format: 'jwt', access_token_expiration: 2_592_000 } };
  },
  (c) => {
    c.active = false;
  },
];

export function scaleClient(i: number, rng: Rng, now: number): Resource {
  const org = pick(rng, ORGS);
  const domain = pick(rng, DOMAINS);
  const kind = pick(rng, ['backend', 'backend', 'spa', 'mobile', 'smart'] as const);
  const host = `${slug(domain)}.${slug(org)}.example`;
  const c: Resource = {
    resourceType: 'Client',
    id: scaleClientId(i),
    name: `${org} ${domain} ${KIND_LABEL[kind]}`,
    description: `${KIND_LABEL[kind]} for ${org} ${domain} (synthetic scale data)`,
    active: true,
    details: {
      owner: `${pick(rng, PEOPLE)}.${slug(org)}`,
      team: domain,
      secretRotatedAt: new Date(now - Math.floor(rng() * 1000) * 86_400_000).toISOString().slice(0, 10),
      synthetic: true,
    },
  };
  if (kind === 'backend') {
    c.secret = randomBytes(24).toString('base64url');
    c.grant_types = rng() < 0.3 ? ['client_credentials', 'basic'] : ['client_credentials'];
    c.auth = {
      client_credentials: { token_format: 'jwt', access_token_expiration: pick(rng, [300, 600, 3600]) },
    };
  } else {
    c.grant_types = ['authorization_code', 'refresh_token'];
    c.first_party = kind === 'spa' && rng() < 0.3;
    const redirect =
      kind === 'mobile'
        ? `com.${slug(org)}.${slug(domain).replace(/-/g, '')}:/callback`
        : `https://${host}/callback`;
    c.auth = { authorization_code: codeFlow(redirect) };
    if (kind === 'smart') {
      c.type = 'smart-app';
      c.scope = ['launch', 'openid', 'fhirUser', `patient/${pick(rng, CLINICAL_TYPES)}.read`];
    }
  }
  if (rng() < 0.1) pick(rng, RISKS)(c, host);
  return JSON.parse(JSON.stringify(c)) as Resource; // drops the undefined fields risks left behind
}

function rule(rng: Rng, engine: string): Record<string, unknown> {
  const types = [pick(rng, CLINICAL_TYPES), pick(rng, CLINICAL_TYPES)];
  const ops = [pick(rng, OPERATIONS), pick(rng, OPERATIONS)];
  switch (engine) {
    case 'allow':
      return { engine };
    case 'json-schema':
      return {
        engine,
        schema: {
          type: 'object',
          required: ['params'],
          properties: { params: { properties: { 'resource/type': { enum: types } } } },
        },
      };
    case 'sql':
      return {
        engine,
        sql: {
          query: `SELECT COALESCE({{params.resource/type}}::text IN ('${types[0]}', '${types[1]}'), false)`,
        },
      };
    default:
      return {
        engine: 'matcho',
        matcho: { params: { 'resource/type': { $enum: types } }, operation: { id: { $enum: ops } } },
      };
  }
}

export function scalePolicy(i: number, rng: Rng, clientCount: number): Resource {
  const r = rng();
  const engine =
    r < 0.05 ? 'allow' : r < 0.55 ? 'matcho' : r < 0.72 ? 'json-schema' : r < 0.85 ? 'sql' : 'complex';
  const body =
    engine === 'complex'
      ? {
          engine,
          [rng() < 0.5 ? 'and' : 'or']: [rule(rng, 'matcho'), rule(rng, pick(rng, ['sql', 'json-schema']))],
        }
      : rule(rng, engine);
  const domain = pick(rng, DOMAINS);
  const p: Resource = {
    resourceType: 'AccessPolicy',
    id: scalePolicyId(i),
    description: `${domain}: ${engine} rule for ${pick(rng, ORGS)} clients (synthetic scale data)`,
    ...body,
  };
  if (rng() < 0.05 || clientCount === 0) return p; // global: applies to every request
  const wanted = Math.min(Math.floor(rng() * 31), clientCount);
  const ids = new Set<number>();
  while (ids.size < wanted) ids.add(Math.floor(rng() * clientCount));
  const link: { reference: string }[] = [...ids].map((n) => ({ reference: `Client/${scaleClientId(n)}` }));
  if (rng() < 0.03) link.push({ reference: `Operation/${pick(rng, OPERATIONS)}` }); // the mixed-link mistake
  p.link = link;
  return p;
}

export interface ScaleOptions {
  clients: number;
  policies: number;
  /** PRNG seed; the same seed gives the same data. */
  seed?: number;
  /** Reference time for relative dates (details.secretRotatedAt). */
  now?: number;
}

export function scaleResources(opts: ScaleOptions): { clients: Resource[]; policies: Resource[] } {
  const rng = prng(opts.seed ?? 20_240_601);
  const now = opts.now ?? Date.UTC(2026, 0, 1);
  const clients = Array.from({ length: opts.clients }, (_, i) => scaleClient(i, rng, now));
  const policies = Array.from({ length: opts.policies }, (_, i) => scalePolicy(i, rng, opts.clients));
  return { clients, policies };
}
