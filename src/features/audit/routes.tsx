// Route objects for the security review. Every screen is lazy: the audit code (rules, evaluation
// runner, diff) loads when the review is opened.
import type { RouteObject } from 'react-router';
import { ROUTE_LOADING } from '../../components/ui/status-line.tsx';
import { ROUTES } from '../../routes/paths.ts';

const loading = ROUTE_LOADING;

export const auditRoutes: RouteObject[] = [
  {
    path: ROUTES.audit,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./findings-page.tsx')).FindingsPage }),
  },
  {
    path: ROUTES.auditAccess,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./access-page.tsx')).AccessPage }),
  },
  {
    path: ROUTES.auditWho,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./who-page.tsx')).WhoPage }),
  },
  {
    path: ROUTES.auditHistory,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./history-page.tsx')).HistoryPage }),
  },
];
