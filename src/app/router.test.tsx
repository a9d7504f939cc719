import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../routes/paths.ts';
import { appRoutes } from './router.tsx';

function mounted(routes: readonly RouteObject[]): string[] {
  return routes.flatMap((r) => [...(r.path && r.path !== '*' ? [r.path] : []), ...mounted(r.children ?? [])]);
}

describe('the route table', () => {
  it('mounts exactly the patterns of the path registry, each once', () => {
    const patterns: string[] = Object.values(ROUTES);
    const paths = mounted(appRoutes());
    expect([...paths].sort()).toEqual([...patterns].sort());
  });
});
