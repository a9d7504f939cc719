// The search side of the fake Aidbox: the search forms the console sends, answered as Aidbox
// documents them (docs/api/rest-api/aidbox-search.md: dot expressions, `$contains` as ilike on the
// value, `$isnull`, `_ilike` over the whole resource, `_id=a,b`; FHIR paging with `_count`/`_page`).
// Parameters the fake does not know (`_sort`, `_elements`, `_total`) are ignored, never guessed.

export type Resource = { [key: string]: unknown };

export function isResource(v: unknown): v is Resource {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(r: Resource, key: string): string {
  const v = r[key];
  return typeof v === 'string' ? v : '';
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const outcome = (status: number, code: string, text: string, expression?: string[]) =>
  json(status, {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics: text, ...(expression ? { expression } : {}) }],
  });

const text = (v: unknown) =>
  v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v);

function at(r: Resource, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isResource(o) ? o[k] : undefined), r);
}

/** A Session's `client` search parameter: the Client it was issued to, in either link form. */
function sessionClient(r: Resource): string | undefined {
  const c = r.client;
  if (!isResource(c)) return undefined;
  if (typeof c.id === 'string') return c.id;
  return typeof c.reference === 'string' ? c.reference.replace(/^Client\//, '') : undefined;
}

export function matches(r: Resource, params: URLSearchParams): boolean {
  const q = params.get('_ilike')?.toLowerCase();
  if (q && !JSON.stringify(r).toLowerCase().includes(q)) return false;
  const ids = params.get('_id');
  if (ids && !ids.split(',').includes(str(r, 'id'))) return false;
  const client = params.get('client');
  if (client && r.resourceType === 'Session' && sessionClient(r) !== client) return false;
  for (const [key, value] of params) {
    const m = /^\.([\w.]+)(?:\$(contains|isnull))?$/.exec(key);
    if (!m) continue;
    const found = text(at(r, m[1]!));
    if (m[2] === 'isnull' && (found === undefined) !== (value === 'true')) return false;
    if (m[2] === 'contains' && !found?.toLowerCase().includes(value.toLowerCase())) return false;
    if (!m[2] && found !== value) return false;
  }
  return true;
}

/** A searchset Bundle of one page (all of them when `_count` is absent), with the total. */
export function searchset(all: readonly Resource[], params: URLSearchParams): Response {
  const count = Number(params.get('_count')) || all.length;
  const page = Math.max(1, Number(params.get('_page')) || 1);
  const shown = all.slice((page - 1) * count, page * count);
  return json(200, {
    resourceType: 'Bundle',
    type: 'searchset',
    total: all.length,
    entry: shown.map((resource) => ({ resource })),
  });
}

/** RFC 7386 merge patch, written here rather than imported so the fake checks the console's own. */
export function mergePatch(target: Resource, patch: Resource): Resource {
  const out: Resource = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (isResource(v)) out[k] = mergePatch(isResource(out[k]) ? out[k] : {}, v);
    else out[k] = v;
  }
  return out;
}
