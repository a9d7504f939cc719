// A run: its local notes (refusals, ID-token checks) and every exchange in order.
import { ExchangeView } from './exchange-view.tsx';
import type { Run } from './playground-store.ts';

export function RunView({ run, onInspect }: { run: Run; onInspect: (token: string, label: string) => void }) {
  return (
    <section className="pg-card" aria-label="Run">
      <h2>
        Run: {run.flow.replace(/_/g, ' ')} <span className="pg-muted pg-small">({run.clientId})</span>
      </h2>
      {run.notes.map((n, i) => (
        <p key={i} className={`pg-run-note pg-${n.tone}`} role={n.tone === 'error' ? 'alert' : undefined}>
          {n.text}
        </p>
      ))}
      {run.exchanges.length === 0 && run.notes.length === 0 ? <p className="pg-muted">Running…</p> : null}
      {run.exchanges.map((x) => (
        <ExchangeView key={x.id} exchange={x} onInspect={onInspect} />
      ))}
    </section>
  );
}
