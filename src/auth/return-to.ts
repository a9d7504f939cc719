// Where to land after sign-in. Only same-origin paths: the value round-trips through the
// authorization server in `state`, so it must never become an open redirect.
import { paths } from '../routes/paths.ts';

export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith(paths.callback()) || value.startsWith(paths.signedOut())) return '/';
  // Reject control characters and anything that parses to another origin.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[\u0000-\u001f]/.test(value)) return '/';
  try {
    const url = new URL(value, 'http://console.invalid');
    if (url.origin !== 'http://console.invalid') return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

export function returnToState(value: unknown): { returnTo: string } {
  return { returnTo: safeReturnTo(value) };
}

export function returnToFromState(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'returnTo' in state) {
    return safeReturnTo(state.returnTo);
  }
  return '/';
}
