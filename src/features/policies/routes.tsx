// Route objects for the Policies feature. Every screen is lazy, so the matrix (react-virtual, the
// model) never adds to the first load of sign-in and the Clients list.
// Link builders live in links.ts and are imported from there: a re-export here would pull them and
// matrix-params.ts into the entry chunk (docs/decisions/0004).
import type { RouteObject } from 'react-router';

const loading = (
  <p role="status" className="pm-muted">
    Loading…
  </p>
);

export const policyRoutes: RouteObject[] = [
  {
    path: 'policies',
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./policies-list-page.tsx')).PoliciesListPage }),
  },
  {
    path: 'policies/matrix',
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./matrix-page.tsx')).MatrixPage }),
  },
  {
    path: 'policies/:id',
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./policy-page.tsx')).PolicyPage }),
  },
];
