// Route objects for the Policies feature. Every screen is lazy: the matrix (react-virtual, the
// model) loads when a policy screen is opened.
import type { RouteObject } from 'react-router';
import { ROUTE_LOADING } from '../../components/ui/status-line.tsx';
import { ROUTES } from '../../routes/paths.ts';

const loading = ROUTE_LOADING;

export const policyRoutes: RouteObject[] = [
  {
    path: ROUTES.policies,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./policies-list-page.tsx')).PoliciesListPage }),
  },
  {
    path: ROUTES.policyMatrix,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./matrix-page.tsx')).MatrixPage }),
  },
  {
    path: ROUTES.policy,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./policy-page.tsx')).PolicyPage }),
  },
];
