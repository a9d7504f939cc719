// The one source of the console's HTTP response headers: scripts/serve.ts sends them and
// scripts/nginx-config.ts writes them into an nginx configuration, so the production server and
// every test send the same policy (docs/decisions/0003, 0063).

/** The policy from issue 3 §8. Trusted Types 'none': the app never needs an HTML/script sink. */
export function contentSecurityPolicy(aidboxUrl: string): string {
  const aidbox = new URL(aidboxUrl).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${aidbox}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self' ${aidbox}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** Routes a sign-in popup lands on after visiting Aidbox (another origin). */
export const POPUP_CALLBACKS: readonly string[] = ['/callback', '/playground/callback'];

export function securityHeaders(aidboxUrl: string, pathname: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(aidboxUrl),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    // The re-auth popup lands on /callback after visiting Aidbox (another origin). A COOP value
    // there would put the popup in a new browsing-context group and cut it off from window.opener,
    // so /callback alone keeps the default; every other page isolates itself but allows popups.
    // The playground's popup lands on /playground/callback the same way (docs/decisions/0040).
    'Cross-Origin-Opener-Policy': POPUP_CALLBACKS.includes(pathname)
      ? 'unsafe-none'
      : 'same-origin-allow-popups',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  };
}

/**
 * Caching: hashed build assets forever; the HTML shell and config.json never from a cache (a new
 * release or a changed Aidbox URL must apply at the next load); other files revalidate.
 */
export const CACHE_CONTROL = {
  hashedAsset: 'public, max-age=31536000, immutable',
  document: 'no-store',
  config: 'no-store',
  other: 'no-cache',
} as const;

/** Where Vite puts content-hashed files. */
export const HASHED_ASSETS_PREFIX = '/assets/';
