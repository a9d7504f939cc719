// Route objects for secret rotation, mounted inside the signed-in shell. The page is lazy, and
// zxcvbn is a further lazy import inside it, so neither grows the first load.
// Link builders are imported from links.ts: re-exported here they would ride in the entry chunk.
import type { RouteObject } from 'react-router';

// Shown while the wizard's code loads on the first navigation (react-router asks for one).
const loading = (
  <p role="status" className="sx-muted">
    Loading…
  </p>
);

export const secretRoutes: RouteObject[] = [
  {
    path: 'clients/:id/rotate-secret',
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./rotate-secret-page.tsx')).RotateSecretPage }),
  },
];
