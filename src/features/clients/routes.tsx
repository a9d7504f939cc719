// Route objects for the Clients feature, mounted by the shell inside the signed-in layout. Every
// screen is lazy so the editor's react-hook-form and zod load only when a Client is opened.
import type { RouteObject } from 'react-router';
import { ROUTE_LOADING } from '../../components/ui/status-line.tsx';
import { ROUTES } from '../../routes/paths.ts';

// Shown while a screen's code loads on the first navigation (react-router asks for one).
const loading = ROUTE_LOADING;

export const clientRoutes: RouteObject[] = [
  {
    path: ROUTES.clients,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./clients-list-page.tsx')).ClientsListPage }),
  },
  {
    path: ROUTES.newClient,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./create-client-page.tsx')).CreateClientPage }),
  },
  {
    path: ROUTES.client,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./edit-client-page.tsx')).EditClientPage }),
  },
];
