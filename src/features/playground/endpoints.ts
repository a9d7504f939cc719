// The connected Aidbox's endpoints for the playground, from its discovery document.
import { useQuery } from '@tanstack/react-query';
import { discover } from '../../config/discovery.ts';
import type { ConsoleConfig } from '../../config/config.ts';

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

export function useEndpoints(config: ConsoleConfig) {
  return useQuery({
    queryKey: ['.well-known', 'openid-configuration', config],
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Endpoints> => {
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
    },
  });
}
