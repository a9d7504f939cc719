// Route objects for the token playground. Both screens are lazy: the playground code loads only
// when the playground is opened.
import type { RouteObject } from 'react-router';
import { ROUTE_LOADING } from '../../components/ui/status-line.tsx';
import { ROUTES } from '../../routes/paths.ts';

const loading = ROUTE_LOADING;

/** Signed-in: mounted inside the shell. */
export const playgroundRoutes: RouteObject[] = [
  {
    path: ROUTES.playground,
    hydrateFallbackElement: loading,
    lazy: async () => ({ Component: (await import('./playground-page.tsx')).PlaygroundPage }),
  },
];

/** Public: the popup's redirect target, outside the shell so it never starts a console sign-in. */
export const playgroundCallbackRoute: RouteObject = {
  path: ROUTES.playgroundCallback,
  hydrateFallbackElement: loading,
  lazy: async () => ({ Component: (await import('./playground-callback-page.tsx')).PlaygroundCallbackPage }),
};
