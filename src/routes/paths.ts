// The one registry of the console's URLs (issue 13 §3). Each route's pattern and the query names it
// reads are written here once; the router mounts these patterns and every link is built from them,
// so a feature links to another feature's screen without importing it. Tiny and dependency-free on
// purpose: the shell's navigation needs it on the first load.

interface RouteDef<P extends string, Q extends string> {
  /** Absolute react-router pattern, e.g. `/clients/:id`. */
  readonly pattern: P;
  /** The query names the screen reads (its URL state); a link can set only these. */
  readonly query: readonly Q[];
}

function route<P extends string, Q extends string = never>(
  pattern: P,
  query: readonly Q[] = [],
): RouteDef<P, Q> {
  return { pattern, query };
}

export const ROUTES = {
  callback: route('/callback'),
  signedOut: route('/signed-out'),
  home: route('/'),
  clients: route('/clients', ['q', 'grant', 'access', 'active', 'sort', 'page']),
  newClient: route('/clients/new', ['kind']),
  client: route('/clients/:id', ['field']),
  rotateSecret: route('/clients/:id/rotate-secret'),
  policies: route('/policies', ['q']),
  policyMatrix: route('/policies/matrix', [
    'client',
    'type',
    'policy',
    'engine',
    'kind',
    'rows',
    'cols',
    'linked',
  ]),
  policy: route('/policies/:id', ['tab']),
  playground: route('/playground', ['client', 'flow', 'scope', 'path', 'method']),
  playgroundCallback: route('/playground/callback'),
  audit: route('/audit', ['severity', 'rule', 'q', 'age', 'idle', 'client']),
  auditAccess: route('/audit/access', ['client', 'first']),
  auditWho: route('/audit/who', ['interaction', 'type']),
  auditHistory: route('/audit/history/:type/:id'),
} as const;

type Routes = typeof ROUTES;
export type RouteName = keyof Routes;

/** `'/a/:x/b/:y'` → `'x' | 'y'`. */
type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N
    : never;

type PatternOf<N extends RouteName> = Routes[N]['pattern'];
type QueryNameOf<N extends RouteName> = Routes[N]['query'][number];

export type RouteParams<N extends RouteName> = Record<ParamNames<PatternOf<N>>, string>;
/** Empty strings and `undefined` are left out, so a default view has a plain URL. */
export type RouteQuery<N extends RouteName> = {
  readonly [K in QueryNameOf<N>]?: string | number | undefined;
};

/** A link builder: routes without path parameters take only the query. */
export type LinkBuilder<N extends RouteName> = [ParamNames<PatternOf<N>>] extends [never]
  ? (query?: RouteQuery<N>) => string
  : (params: RouteParams<N>, query?: RouteQuery<N>) => string;

function segments(pattern: string): string[] {
  return pattern.split('/').filter(Boolean);
}

/** Fills a pattern; every parameter is one encoded path segment, whatever characters the id holds. */
export function buildPath<N extends RouteName>(
  name: N,
  params: Partial<Record<string, string>> = {},
  query: Partial<Record<string, string | number | undefined>> = {},
): string {
  const def: RouteDef<string, string> = ROUTES[name];
  const path = segments(def.pattern).map((s) => {
    if (!s.startsWith(':')) return s;
    const value = params[s.slice(1)];
    if (value === undefined) throw new Error(`${name}: missing path parameter ${s}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const key of def.query) {
    const value = query[key];
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return `/${path.join('/')}${text ? `?${text}` : ''}`;
}

/** The path parameters of `pathname` when it is exactly this route, else undefined. */
export function matchRoute<N extends RouteName>(name: N, pathname: string): RouteParams<N> | undefined {
  const want = segments(ROUTES[name].pattern);
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

/** The query names this route reads, from a search string; unknown names are ignored. */
export function readQuery<N extends RouteName>(
  name: N,
  search: URLSearchParams,
): Partial<Record<QueryNameOf<N>, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const key of ROUTES[name].query as readonly string[]) {
    const value = search.get(key);
    if (value !== null) out[key] = value;
  }
  return out;
}

function builder<N extends RouteName>(name: N): LinkBuilder<N> {
  const hasParams = ROUTES[name].pattern.includes(':');
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
