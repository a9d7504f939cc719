// Route objects for the security review. Every screen is lazy: none of the audit code (rules,
// evaluation runner, diff) is part of the first load.
// Link builders are imported from links.ts: re-exported here they would ride in the entry chunk.
import type { RouteObject } from 'react-router';

const loading = (
  <p role="status" className="au-muted">
    Loading…
  </p>
);

export const auditRoutes: RouteObject[] = [
  {
    path: 'audit',
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./findings-page.tsx')).FindingsPage }),
  },
  {
    path: 'audit/access',
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./access-page.tsx')).AccessPage }),
  },
  {
    path: 'audit/who',
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./who-page.tsx')).WhoPage }),
  },
  {
    path: 'audit/history/:type/:id',
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./history-page.tsx')).HistoryPage }),
  },
];
