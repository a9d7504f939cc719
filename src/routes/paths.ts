// The one registry of the console's URLs (issue 13 §3). Each route's pattern and the query names it
// reads are written here once; the router mounts these patterns and every link is built from them,
// so a feature links to another feature's screen without importing it. Dependency-free, so any
// layer can import it.

export const ROUTES = {
  callback: '/callback',
  signedOut: '/signed-out',
  home: '/',
  clients: '/clients',
  newClient: '/clients/new',
  client: '/clients/:id',
  rotateSecret: '/clients/:id/rotate-secret',
  rotateKeys: '/clients/:id/rotate-keys',
  policies: '/policies',
  policyMatrix: '/policies/matrix',
  policy: '/policies/:id',
  playground: '/playground',
  playgroundCallback: '/playground/callback',
  audit: '/audit',
  auditAccess: '/audit/access',
  auditWho: '/audit/who',
  auditHistory: '/audit/history/:type/:id',
} as const;

/** The query names each screen reads (its URL state); a link can set only these. */
export interface RouteQueryNames {
  clients: 'q' | 'grant' | 'access' | 'active' | 'sort' | 'page';
  newClient: 'kind';
  client: 'field';
  policies: 'q';
  policyMatrix: 'client' | 'type' | 'policy' | 'engine' | 'kind' | 'rows' | 'cols' | 'linked';
  policy: 'tab';
  playground: 'client' | 'flow' | 'scope' | 'path' | 'method';
  audit: 'severity' | 'rule' | 'q' | 'age' | 'idle' | 'client';
  auditAccess: 'client' | 'first';
  auditWho: 'interaction' | 'type';
}

export type RouteName = keyof typeof ROUTES;

/** `'/a/:x/b/:y'` → `'x' | 'y'`. */
type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N
    : never;

type QueryNameOf<N extends RouteName> = N extends keyof RouteQueryNames ? RouteQueryNames[N] : never;

export type RouteParams<N extends RouteName> = Record<ParamNames<(typeof ROUTES)[N]>, string>;
/** Empty strings and `undefined` are left out, so a default view has a plain URL. */
export type RouteQuery<N extends RouteName> = {
  readonly [K in QueryNameOf<N>]?: string | number | undefined;
};

/** A link builder: routes without path parameters take only the query. */
export type LinkBuilder<N extends RouteName> = [ParamNames<(typeof ROUTES)[N]>] extends [never]
  ? (query?: RouteQuery<N>) => string
  : (params: RouteParams<N>, query?: RouteQuery<N>) => string;

function segments(pattern: string): string[] {
  return pattern.split('/').filter(Boolean);
}

/** Fills a pattern; every parameter is one encoded path segment, whatever characters the id holds. */
export function buildPath(
  name: RouteName,
  params: Partial<Record<string, string>> = {},
  query: Partial<Record<string, string | number | undefined>> = {},
): string {
  const path = segments(ROUTES[name]).map((s) => {
    if (!s.startsWith(':')) return s;
    const value = params[s.slice(1)];
    if (value === undefined) throw new Error(`${name}: no ${s}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return `/${path.join('/')}${text ? `?${text}` : ''}`;
}

/** The path parameters of `pathname` when it is exactly this route, else undefined. */
export function matchRoute<N extends RouteName>(name: N, pathname: string): RouteParams<N> | undefined {
  const want = segments(ROUTES[name]);
  const got = segments(pathname);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, s] of want.entries()) {
    const part = got[i] ?? '';
    if (s.startsWith(':')) {
      try {
        params[s.slice(1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (s !== part) return undefined;
  }
  return params as RouteParams<N>;
}

function builder<N extends RouteName>(name: N): LinkBuilder<N> {
  const hasParams = ROUTES[name].includes(':');
  return (
    hasParams
      ? (params: Record<string, string>, query?: Record<string, string | number | undefined>) =>
          buildPath(name, params, query)
      : (query?: Record<string, string | number | undefined>) => buildPath(name, {}, query)
  ) as LinkBuilder<N>;
}

/**
 * Typed link builders, one per route.
 *
 * @example paths.client({ id: 'web app' }, { field: 'redirect_uri' }) // '/clients/web%20app?field=redirect_uri'
 * @example paths.clients({ q: 'portal' }) // '/clients?q=portal'
 */
export const paths = Object.fromEntries(
  (Object.keys(ROUTES) as RouteName[]).map((name) => [name, builder(name)]),
) as { readonly [N in RouteName]: LinkBuilder<N> };
