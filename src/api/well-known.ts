// Queries over what the console learns about its Aidbox outside the FHIR API: the OpenID discovery
// document (`/.well-known/openid-configuration`) and the console's own config.json. Their keys live
// here with every other key (architecture §4: no file outside api/ builds a query key).
import { queryOptions } from '@tanstack/react-query';
import { loadConfig, type ConsoleConfig } from '../config/config.ts';
import { discover } from '../config/discovery.ts';

export interface Endpoints {
  base: string;
  issuer: string;
  authorize: string;
  token: string;
  userinfo: string;
  introspect: string;
  /** DELETE with a bearer = revoke that token's Session (Aidbox has no revocation_endpoint). */
  session: string;
  jwksUri: string;
}

async function fetchEndpoints(config: ConsoleConfig): Promise<Endpoints> {
  const found = await discover(config);
  if (!found.ok) throw new Error(found.problem.detail);
  const m = found.metadata;
  const extra = m as Record<string, unknown>;
  const introspect =
    typeof extra.introspection_endpoint === 'string' ? extra.introspection_endpoint : undefined;
  return {
    base: config.aidboxUrl,
    issuer: m.issuer,
    authorize: m.authorization_endpoint,
    token: m.token_endpoint,
    userinfo: m.userinfo_endpoint ?? `${config.aidboxUrl}/auth/userinfo`,
    introspect: introspect ?? `${config.aidboxUrl}/auth/introspect`,
    session: `${config.aidboxUrl}/Session`,
    jwksUri: m.jwks_uri,
  };
}

export const wellKnownQueries = {
  /** The connected Aidbox's endpoints, from its discovery document. */
  endpoints: (config: ConsoleConfig) =>
    queryOptions({
      queryKey: ['.well-known', 'openid-configuration', config] as const,
      queryFn: () => fetchEndpoints(config),
      staleTime: 5 * 60_000,
    }),
  /** config.json, read once: the app validated it at start-up, so it never changes in a session. */
  consoleConfig: () =>
    queryOptions({
      queryKey: ['console-config'] as const,
      queryFn: () => loadConfig(),
      staleTime: Infinity,
      gcTime: Infinity,
    }),
};
