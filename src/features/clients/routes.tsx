// Route objects for the Clients feature, mounted by the shell inside the signed-in layout. The
// list is the home screen, where sign-in lands, so it ships with the app; the other screens are
// lazy, so the editor's react-hook-form and zod load only when a Client is opened.
import type { RouteObject } from 'react-router';
import { ClientsListPage } from './clients-list-page.tsx';
import { ROUTE_LOADING } from '../../components/ui/status-line.tsx';
import { ROUTES } from '../../routes/paths.ts';

// Shown while a screen's code loads on the first navigation (react-router asks for one).
const loading = ROUTE_LOADING;

export const clientRoutes: RouteObject[] = [
  { path: ROUTES.clients, Component: ClientsListPage },
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
