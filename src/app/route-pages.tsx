import { isRouteErrorResponse, Link, useNavigate, useRouteError } from 'react-router';
import { ErrorPanel } from '../components/ui/error-panel.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { paths } from '../routes/paths.ts';

export function NotFoundPage() {
  return (
    <EmptyState title="Page not found" action={<Link to={paths.clients()}>Go to Clients</Link>}>
      <p>There is nothing at this address.</p>
    </EmptyState>
  );
}

/** Error boundary for a route: a readable message and a retry that re-runs the route. */
export function RouteErrorPage({ inShell = false }: { inShell?: boolean }) {
  const error = useRouteError();
  const navigate = useNavigate();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return inShell ? (
      <NotFoundPage />
    ) : (
      <main id="main" className="auth-page">
        <NotFoundPage />
      </main>
    );
  }
  const panel = (
    <ErrorPanel title="This page failed to load" error={error} onRetry={() => void navigate(0)} />
  );
  return inShell ? (
    panel
  ) : (
    <main id="main" className="auth-page">
      <div className="auth-card auth-card-wide">{panel}</div>
    </main>
  );
}
