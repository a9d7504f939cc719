// Route objects for secret and key rotation, mounted inside the signed-in shell. The pages are lazy, and
// zxcvbn is a further lazy import inside it (only when an admin types their own secret).
import type { RouteObject } from 'react-router';
import { ROUTE_LOADING } from '../../components/ui/status-line.tsx';
import { ROUTES } from '../../routes/paths.ts';

// Shown while the wizard's code loads on the first navigation (react-router asks for one).
const loading = ROUTE_LOADING;

export const secretRoutes: RouteObject[] = [
  {
    path: ROUTES.rotateSecret,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./rotate-secret-page.tsx')).RotateSecretPage }),
  },
  {
    path: ROUTES.rotateKeys,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./rotate-keys-page.tsx')).RotateKeysPage }),
  },
];
