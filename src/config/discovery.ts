// Checks that Aidbox answers and is the issuer we were configured for, before any sign-in starts.
import * as z from 'zod/mini';
import type { ConsoleConfig, StartupProblem } from './config.ts';

const MetadataSchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  jwks_uri: z.string(),
  userinfo_endpoint: z.optional(z.string()),
  end_session_endpoint: z.optional(z.string()),
  revocation_endpoint: z.optional(z.string()),
});
export type OidcMetadata = z.infer<typeof MetadataSchema>;

export type DiscoveryResult = { ok: true; metadata: OidcMetadata } | { ok: false; problem: StartupProblem };

export const DISCOVERY_TIMEOUT_MS = 8_000;

function unreachable(config: ConsoleConfig, detail: string): DiscoveryResult {
  return {
    ok: false,
    problem: {
      title: 'Aidbox cannot be reached',
      detail,
      value: config.aidboxUrl,
      fix:
        `Check that Aidbox is running at this address and that its CORS setting allows this console ` +
        `(BOX_SECURITY_CORS_ORIGINS must include ${globalThis.location?.origin ?? 'the console origin'}). ` +
        `If the address is wrong, fix "aidboxUrl" in config.json. Then reload.`,
    },
  };
}

export async function discover(
  config: ConsoleConfig,
  fetchFn: typeof fetch = fetch,
  timeoutMs = DISCOVERY_TIMEOUT_MS,
): Promise<DiscoveryResult> {
  const url = `${config.aidboxUrl}/.well-known/openid-configuration`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let body: unknown;
  try {
    const res = await fetchFn(url, { cache: 'no-store', credentials: 'omit', signal: controller.signal });
    if (!res.ok) return unreachable(config, `${url} answered HTTP ${res.status}.`);
    body = await res.json();
  } catch (e) {
    const why = controller.signal.aborted
      ? `no answer within ${timeoutMs / 1000} s`
      : e instanceof SyntaxError
        ? 'the answer is not JSON'
        : 'network error or blocked by CORS';
    return unreachable(config, `Loading ${url} failed: ${why}.`);
  } finally {
    clearTimeout(timer);
  }
  const parsed = MetadataSchema.safeParse(body);
  if (!parsed.success) {
    return unreachable(config, `${url} is not an OpenID Connect discovery document.`);
  }
  if (parsed.data.issuer !== config.aidboxUrl) {
    // OIDC Discovery §4.3: the issuer must match exactly, trailing slash included.
    return {
      ok: false,
      problem: {
        title: 'Aidbox issuer does not match the configured URL',
        detail: `config.json says "${config.aidboxUrl}" but Aidbox calls itself "${parsed.data.issuer}". Sign-in is refused because tokens would not validate.`,
        value: parsed.data.issuer,
        fix: 'Set "aidboxUrl" in config.json to exactly the issuer Aidbox reports (or fix BOX_WEB_BASE_URL on Aidbox), then reload.',
      },
    };
  }
  return { ok: true, metadata: parsed.data };
}
