import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPath, matchRoute, paths, ROUTES, type RouteName } from './paths.ts';

const NAMES = Object.keys(ROUTES) as RouteName[];
const paramNames = (name: RouteName) =>
  ROUTES[name]
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));

// Any text an Aidbox id or a search box can hold, including `/`, `?`, `#`, `%`, spaces and
// astral characters; a path parameter must not be empty.
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 });

describe('paths', () => {
  it('builds the documented examples', () => {
    expect(paths.clients()).toBe('/clients');
    expect(paths.clients({ q: 'a b', page: 2, sort: '' })).toBe('/clients?q=a+b&page=2');
    expect(paths.client({ id: 'web app' }, { field: 'redirect_uri' })).toBe(
      '/clients/web%20app?field=redirect_uri',
    );
    expect(paths.rotateSecret({ id: 'a/b' })).toBe('/clients/a%2Fb/rotate-secret');
    expect(paths.rotateKeys({ id: 'a/b' })).toBe('/clients/a%2Fb/rotate-keys');
    expect(paths.auditHistory({ type: 'AccessPolicy', id: 'p?1' })).toBe('/audit/history/AccessPolicy/p%3F1');
    expect(paths.newClient({ kind: 'spa' })).toBe('/clients/new?kind=spa');
    expect(paths.policyMatrix({ client: 'x', linked: '1' })).toBe('/policies/matrix?client=x&linked=1');
  });

  it('encodes every odd character of an id into one segment', () => {
    for (const id of ['a b', 'a/b', '../x', '?', '#frag', '%41', 'ü', '😀', 'a&b=c']) {
      const href = paths.client({ id });
      expect(href.split('/')).toHaveLength(3);
      expect(new URL(href, 'https://c.test').pathname).toBe(href);
      expect(matchRoute('client', href)).toEqual({ id });
    }
  });

  it('lets a link set only the query names its screen reads (checked by tsc)', () => {
    // @ts-expect-error `field` is read by the Client editor, not by the list
    expect(paths.clients({ field: 'secret' })).toBe('/clients?field=secret');
    // @ts-expect-error a route with a path parameter needs it
    expect(() => paths.client()).toThrow(/:id/);
  });

  it('refuses to build a route with a missing parameter', () => {
    expect(() => buildPath('client')).toThrow(/:id/);
  });

  it.each(NAMES)('%s: build then parse gives back the params and query', (name) => {
    const keys = paramNames(name);
    fc.assert(
      fc.property(
        fc.tuple(...keys.map(() => text)),
        fc.dictionary(text, fc.string({ unit: 'binary', minLength: 1 })),
        (values, query) => {
          const params = Object.fromEntries(keys.map((k, i) => [k, values[i] ?? '']));
          const href = buildPath(name, params, query);
          const url = new URL(href, 'https://console.test');
          expect(url.pathname + url.search).toBe(href);
          expect(matchRoute(name, url.pathname)).toEqual(params);
          expect(Object.fromEntries(url.searchParams)).toEqual(query);
        },
      ),
    );
  });

  it('a built path matches only its own route, or the dynamic route its static one shadows', () => {
    // `/clients/new` is also `/clients/:id` with id "new": react-router ranks the static one first.
    const shadows: Partial<Record<RouteName, RouteName>> = { newClient: 'client', policyMatrix: 'policy' };
    for (const name of NAMES) {
      const params = Object.fromEntries(paramNames(name).map((k) => [k, `x-${k}`]));
      const href = buildPath(name, params);
      const hits = NAMES.filter((other) => matchRoute(other, href) !== undefined);
      expect(hits).toEqual([name, shadows[name]].filter(Boolean));
    }
  });

  it('does not match a malformed escape', () => {
    expect(matchRoute('client', '/clients/%E0%A4%A')).toBeUndefined();
    expect(matchRoute('client', '/clients/a/b')).toBeUndefined();
    expect(matchRoute('client', '/policies/a')).toBeUndefined();
  });
});
