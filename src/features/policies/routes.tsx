// Route objects for the Policies feature. Every screen is lazy, so the matrix (react-virtual, the
// model) never adds to the first load of sign-in and the Clients list.
import type { RouteObject } from 'react-router';
import { ROUTES } from '../../routes/paths.ts';

const loading = (
  <p role="status" className="pm-muted">
    Loading…
  </p>
);

export const policyRoutes: RouteObject[] = [
  {
    path: ROUTES.policies.pattern,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./policies-list-page.tsx')).PoliciesListPage }),
  },
  {
    path: ROUTES.policyMatrix.pattern,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./matrix-page.tsx')).MatrixPage }),
  },
  {
    path: ROUTES.policy.pattern,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./policy-page.tsx')).PolicyPage }),
  },
];
