// Route objects for the Clients feature, mounted by the shell inside the signed-in layout. Every
// screen is lazy so the editor's react-hook-form and zod load only when a Client is opened.
import type { RouteObject } from 'react-router';

export { toClient, toClients, toNewClient, toRotateSecret } from './links.ts';

export const clientRoutes: RouteObject[] = [
  {
    path: 'clients',
    lazy: async () => ({ Component: (await import('./clients-list-page.tsx')).ClientsListPage }),
  },
  {
    path: 'clients/new',
    lazy: async () => ({ Component: (await import('./create-client-page.tsx')).CreateClientPage }),
  },
  {
    path: 'clients/:id',
    lazy: async () => ({ Component: (await import('./edit-client-page.tsx')).EditClientPage }),
  },
];
