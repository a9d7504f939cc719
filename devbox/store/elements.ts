// `_elements`: an include list (`a,b`) keeps only those top-level elements plus the mandatory
// resourceType, id and meta; an exclude list (`-secret,-auth.password`) removes paths.
import { StoreError } from './types.ts';
import type { Resource } from './types.ts';

export interface ElementsFilter {
  include: string[] | undefined;
  exclude: string[];
}

export function parseElements(raw: string | null): ElementsFilter | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const exclude = items.filter((s) => s.startsWith('-')).map((s) => s.slice(1));
  const include = items.filter((s) => !s.startsWith('-'));
  if (include.length > 0 && exclude.length > 0) {
    throw new StoreError('invalid', '_elements cannot mix included and excluded elements', ['_elements']);
  }
  return { include: include.length > 0 ? include : undefined, exclude };
}

function removePath(target: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path;
  if (head === undefined || !(head in target)) return;
  if (rest.length === 0) {
    delete target[head];
    return;
  }
  const next = target[head];
  if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
    const copy = { ...(next as Record<string, unknown>) };
    removePath(copy, rest);
    target[head] = copy;
  }
}

export function applyElements(resource: Resource, filter: ElementsFilter | undefined): Resource {
  if (!filter) return resource;
  if (filter.include) {
    const keep = new Set(['resourceType', 'id', 'meta', ...filter.include.map((p) => p.split('.')[0])]);
    return Object.fromEntries(Object.entries(resource).filter(([k]) => keep.has(k))) as Resource;
  }
  const copy: Record<string, unknown> = { ...resource };
  for (const path of filter.exclude) removePath(copy, path.split('.'));
  return copy as Resource;
}
