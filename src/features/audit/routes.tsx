// Route objects for the security review. Every screen is lazy: none of the audit code (rules,
// evaluation runner, diff) is part of the first load.
import type { RouteObject } from 'react-router';
import { ROUTES } from '../../routes/paths.ts';

const loading = (
  <p role="status" className="au-muted">
    Loading…
  </p>
);

export const auditRoutes: RouteObject[] = [
  {
    path: ROUTES.audit.pattern,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./findings-page.tsx')).FindingsPage }),
  },
  {
    path: ROUTES.auditAccess.pattern,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./access-page.tsx')).AccessPage }),
  },
  {
    path: ROUTES.auditWho.pattern,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./who-page.tsx')).WhoPage }),
  },
  {
    path: ROUTES.auditHistory.pattern,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./history-page.tsx')).HistoryPage }),
  },
];
