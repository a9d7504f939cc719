// The route table: auth routes, then the signed-in shell with every feature's routes as children.
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { CallbackPage } from '../auth/callback-page.tsx';
import { RequireAuth } from '../auth/require-auth.tsx';
import { SignedOutPage } from '../auth/signed-out-page.tsx';
import { auditRoutes } from '../features/audit/routes.tsx';
import { clientRoutes } from '../features/clients/routes.tsx';
import { playgroundCallbackRoute, playgroundRoutes } from '../features/playground/routes.tsx';
import { policyRoutes } from '../features/policies/routes.tsx';
import { secretRoutes } from '../features/secrets/routes.tsx';
import { paths, ROUTES } from '../routes/paths.ts';
import { NotFoundPage, RouteErrorPage } from './route-pages.tsx';
import { Shell } from './shell.tsx';

export function appRoutes(): RouteObject[] {
  return [
    { path: ROUTES.callback, element: <CallbackPage />, errorElement: <RouteErrorPage /> },
    { path: ROUTES.signedOut, element: <SignedOutPage />, errorElement: <RouteErrorPage /> },
    { ...playgroundCallbackRoute, errorElement: <RouteErrorPage /> },
    {
      path: ROUTES.home,
      element: (
        <RequireAuth>
          <Shell />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Navigate to={paths.clients()} replace /> },
        // Pathless wrapper so an error in one feature screen keeps the shell and its navigation.
        {
          errorElement: <RouteErrorPage inShell />,
          children: [...clientRoutes, ...policyRoutes, ...playgroundRoutes, ...secretRoutes, ...auditRoutes],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(appRoutes());
}
