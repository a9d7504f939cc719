import { Button } from '../components/ui/button.tsx';
import type { StartupProblem } from '../config/config.ts';

/** Full page for a broken config or an unreachable Aidbox: what, the value, what to do. */
export function StartupProblemPage({ problem }: { problem: StartupProblem }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card auth-card-wide" role="alert">
        <p className="auth-brand">Aidbox Client Console</p>
        <h1 className="auth-title">{problem.title}</h1>
        <p>{problem.detail}</p>
        {problem.value !== undefined ? (
          <>
            <p className="problem-label">Value found</p>
            <pre className="auth-detail">{problem.value}</pre>
          </>
        ) : null}
        <p className="problem-label">What to do</p>
        <p>{problem.fix}</p>
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    </main>
  );
}
