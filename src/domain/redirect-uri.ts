import type { ClientKindId } from './client-kinds.ts';

export interface UriCheck {
  ok: boolean;
  errors: string[];
  warnings: string[];
}

export interface UriCheckOptions {
  /** `unknown` (an existing Client, kind not recorded) turns native-only rules into warnings. */
  clientKind: ClientKindId | 'unknown';
}

const ILLEGAL_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file']);
const RESERVED_PARAMS = ['code', 'state', 'response'];
const LOOPBACK_IPS = new Set(['127.0.0.1', '[::1]']);
// C0 controls, space, DEL and the Unicode spaces/separators a paste can smuggle in.
const WHITESPACE_OR_CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here.
  /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Checks one redirect URI against the registration rules of security.md §2 (RFC 9700 §2.1, §4.1;
 * OAuth 2.1; RFC 8252). The value is judged exactly as typed: the console never normalises a
 * redirect URI, because Aidbox compares it as a string.
 *
 * @example checkRedirectUri('https://app.example.com/cb', { clientKind: 'spa' }) // { ok: true, … }
 */
export function checkRedirectUri(uri: string, options: UriCheckOptions): UriCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const done = (): UriCheck => ({ ok: errors.length === 0, errors, warnings });
  const native = options.clientKind === 'mobile';
  const unknownKind = options.clientKind === 'unknown';

  if (uri.trim() === '') {
    errors.push('Enter an absolute URI, for example https://app.example.com/callback.');
    return done();
  }
  if (WHITESPACE_OR_CONTROL.test(uri)) {
    errors.push('Remove the spaces, tabs, line breaks or invisible characters from the URI.');
  }
  const schemeMatch = SCHEME.exec(uri.trim());
  if (!schemeMatch?.[1]) {
    errors.push(
      'The redirect URI must be absolute: start it with https:// (a relative path like /callback is not allowed).',
    );
    return done();
  }
  const scheme = schemeMatch[1].toLowerCase();
  if (ILLEGAL_SCHEMES.has(scheme)) {
    errors.push(`"${scheme}:" is an illegal scheme for a redirect URI. Use an https:// address.`);
    return done();
  }
  if (uri.includes('*')) {
    errors.push('Wildcards are not allowed — register each exact redirect URI.');
  }
  if (uri.includes('#')) {
    errors.push('Redirect URIs must not contain a fragment: remove the "#" and everything after it.');
  }
  if (uri.includes('\\')) {
    errors.push('The URI contains a backslash and cannot be read reliably. Use forward slashes only.');
    return done();
  }

  let parsed: URL;
  try {
    parsed = new URL(uri.trim());
  } catch {
    errors.push('This is not a valid URI. Check it for typos.');
    return done();
  }

  for (const name of RESERVED_PARAMS) {
    if (parsed.searchParams.has(name)) {
      errors.push(
        `Remove the "${name}" query parameter: the authorization server adds it to the response, and a registered one enables code injection.`,
      );
    }
  }

  if (scheme === 'http' || scheme === 'https') {
    checkWebUri(uri.trim(), scheme, parsed, { native, unknownKind }, errors, warnings);
  } else {
    checkPrivateUseScheme(scheme, { native, unknownKind }, errors, warnings);
  }
  return done();
}

interface KindFlags {
  native: boolean;
  unknownKind: boolean;
}

function checkWebUri(
  raw: string,
  scheme: 'http' | 'https',
  parsed: URL,
  kind: KindFlags,
  errors: string[],
  warnings: string[],
): void {
  // The URL parser repairs "https:host" and "https:///host"; the raw text must already be right.
  const rest = raw.slice(scheme.length + 1);
  if (!rest.startsWith('//')) {
    errors.push(`Write the address as ${scheme}://host/path.`);
    return;
  }
  const authority = rest.slice(2).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) {
    errors.push(
      'Remove the user name or password ("user@") from the URI: credentials in a redirect URI are not allowed.',
    );
    return;
  }
  const rawHost = authority.replace(/:\d*$/, '');
  if (rawHost === '') {
    errors.push('The URI has no host name.');
    return;
  }
  const host = parsed.hostname;
  // Non-ASCII input is converted by the parser; an xn-- label was typed as punycode already.
  const isIdn =
    [...rawHost].some((ch) => ch.charCodeAt(0) > 0x7f) || host.split('.').some((l) => l.startsWith('xn--'));
  if (isIdn) {
    warnings.push(
      `The host is an internationalised name; check it is the one you mean. Its real (punycode) form is ${host}.`,
    );
  }

  const hostLower = host.toLowerCase();
  const isLoopbackIp = LOOPBACK_IPS.has(hostLower);
  const isLocalhostName = hostLower === 'localhost' || hostLower.endsWith('.localhost');

  if (scheme === 'https') return;
  if (isLoopbackIp || isLocalhostName) {
    if (!kind.native && !kind.unknownKind) {
      errors.push(
        'https is required. Plain http is allowed only for loopback redirects of mobile or desktop apps.',
      );
      return;
    }
    if (kind.unknownKind) {
      warnings.push(
        'Plain http on a loopback address is acceptable only for a native (mobile or desktop) app.',
      );
    }
    if (isLocalhostName) {
      warnings.push(
        'Using "localhost" is not recommended: use the IP literal 127.0.0.1 (or [::1]) so the redirect cannot be captured by another resolver or app.',
      );
    }
    return;
  }
  errors.push('https is required (loopback addresses 127.0.0.1 and [::1] excepted for native apps).');
}

function checkPrivateUseScheme(scheme: string, kind: KindFlags, errors: string[], warnings: string[]): void {
  if (!scheme.includes('.')) {
    errors.push(
      `The custom scheme "${scheme}:" must be a reverse domain name you own, for example com.example.app:/callback.`,
    );
    return;
  }
  if (kind.unknownKind) {
    warnings.push('Custom URI schemes are meant for native (mobile or desktop) apps only.');
  } else if (!kind.native) {
    errors.push('Custom URI schemes are only for mobile or desktop apps. Use an https:// address.');
  }
}
