import { describe, expect, it } from 'vitest';
import { checkRedirectUri, type UriCheckOptions } from './redirect-uri.ts';

const spa: UriCheckOptions = { clientKind: 'spa' };
const native: UriCheckOptions = { clientKind: 'mobile' };
const unknown: UriCheckOptions = { clientKind: 'unknown' };

function errorsOf(uri: string, opts: UriCheckOptions = spa) {
  return checkRedirectUri(uri, opts).errors.join(' | ');
}

describe('checkRedirectUri', () => {
  it.each([
    'https://app.example.com/cb',
    'https://App.example.com/cb/',
    'https://app.example.com:8443/cb?x=1',
  ])('accepts %s', (uri) => {
    expect(checkRedirectUri(uri, spa)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('rejects wildcards anywhere', () => {
    expect(errorsOf('https://*.example.com/cb')).toMatch(/Wildcards are not allowed/);
    expect(errorsOf('https://app.example.com/*')).toMatch(/Wildcards/);
  });

  it.each(['https://app.example.com/cb#frag', 'https://app.example.com/cb#'])(
    'rejects the fragment in %s',
    (uri) => {
      expect(errorsOf(uri)).toMatch(/must not contain a fragment/);
    },
  );

  it('requires https except loopback IPs for native apps', () => {
    expect(errorsOf('http://app.example.com/cb')).toMatch(/https is required/);
    expect(errorsOf('http://app.example.com/cb', native)).toMatch(/https is required/);
    expect(checkRedirectUri('http://127.0.0.1:8400/cb', native).ok).toBe(true);
    expect(checkRedirectUri('http://[::1]/cb', native)).toEqual({ ok: true, errors: [], warnings: [] });
    expect(errorsOf('http://127.0.0.1:8400/cb')).toMatch(/loopback redirects of mobile/);
    expect(errorsOf('http://[::1]/cb', { clientKind: 'web' })).toMatch(/https is required/);
  });

  it('warns that localhost is not recommended', () => {
    const r = checkRedirectUri('http://localhost/cb', native);
    expect(r.ok).toBe(true);
    expect(r.warnings.join()).toMatch(/127\.0\.0\.1/);
  });

  it('turns native-only rules into warnings when the kind is unknown', () => {
    const r = checkRedirectUri('http://127.0.0.1/cb', unknown);
    expect(r.ok).toBe(true);
    expect(r.warnings.join()).toMatch(/only for a native/);
    const s = checkRedirectUri('com.example.app:/cb', unknown);
    expect(s.ok).toBe(true);
    expect(s.warnings.join()).toMatch(/native/);
    expect(checkRedirectUri('http://evil.example/cb', unknown).ok).toBe(false);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    '\tjavascript:alert(1)',
    '\njavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file://server/share/cb',
  ])('rejects the illegal scheme in %j', (uri) => {
    expect(errorsOf(uri, native)).toMatch(/illegal scheme/);
  });

  it('reports leading whitespace as well as the scheme', () => {
    expect(errorsOf('  javascript:alert(1)')).toMatch(/spaces/);
    expect(errorsOf('https://app.example.com/c b')).toMatch(/spaces/);
    expect(errorsOf('https://app.example.com/cb\u0000')).toMatch(/invisible/);
    expect(errorsOf('https://app.example.com/cb\u200b')).toMatch(/invisible/);
  });

  it('rejects credentials and backslash tricks', () => {
    expect(errorsOf('https://good.example@evil.example/cb')).toMatch(/user name or password/);
    expect(errorsOf('https://user:pw@app.example.com/cb')).toMatch(/credentials/);
    expect(errorsOf('https://evil.example\\@good.example/cb')).toMatch(/backslash/);
  });

  it.each(['/cb', 'cb', '', '   ', '//app.example.com/cb'])('rejects the relative or empty %j', (uri) => {
    expect(errorsOf(uri)).toMatch(/absolute/);
  });

  it('rejects https without the // or a host', () => {
    expect(errorsOf('https:app.example.com/cb')).toMatch(/https:\/\/host/);
    expect(errorsOf('https:///cb')).toMatch(/no host/);
  });

  it.each(['code', 'state', 'response'])('rejects the reserved %s query parameter', (name) => {
    expect(errorsOf(`https://app.example.com/cb?${name}=x`)).toMatch(new RegExp(`"${name}" query parameter`));
  });

  it('accepts reverse-DNS private-use schemes only for native apps', () => {
    expect(errorsOf('myapp:/cb', native)).toMatch(/reverse domain name/);
    expect(checkRedirectUri('com.example.app:/cb', native).ok).toBe(true);
    expect(errorsOf('com.example.app:/cb', spa)).toMatch(/only for mobile or desktop/);
    expect(errorsOf('com.example.app:/cb?state=1', native)).toMatch(/"state"/);
  });

  it('warns on IDN hosts and shows the punycode', () => {
    const r = checkRedirectUri('https://аpp.example.com/cb', spa);
    expect(r.ok).toBe(true);
    expect(r.warnings.join()).toContain('xn--pp-6kc.example.com');
    expect(checkRedirectUri('https://xn--pp-6kc.example.com/cb', spa).warnings.join()).toContain(
      'xn--pp-6kc',
    );
  });

  it('rejects unparseable URIs', () => {
    expect(errorsOf('https://exa mple.com/cb')).toBeTruthy();
    expect(errorsOf('https://[::1/cb')).toMatch(/not a valid URI/);
  });
});
