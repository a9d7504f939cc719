// Route objects for the token playground. Both screens are lazy: jose and the playground code load
// only when the playground is opened, so the first load (sign-in + Clients list) does not grow.
import type { RouteObject } from 'react-router';

const loading = (
  <p role="status" className="pg-muted">
    Loading…
  </p>
);

/** Signed-in: mounted inside the shell. */
export const playgroundRoutes: RouteObject[] = [
  {
    path: 'playground',
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./playground-page.tsx')).PlaygroundPage }),
  },
];

/** Public: the popup's redirect target, outside the shell so it never starts a console sign-in. */
export const playgroundCallbackRoute: RouteObject = {
  path: '/playground/callback',
  hydrateFallbackElement: loading,
  lazy: async () => ({ Component: (await import('./playground-callback-page.tsx')).PlaygroundCallbackPage }),
};

export function toPlayground(setup: { client?: string; flow?: string } = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(setup)) if (v) q.set(k, v);
  return q.size > 0 ? `/playground?${q.toString()}` : '/playground';
}
