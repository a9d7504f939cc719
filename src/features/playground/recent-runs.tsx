// The last few runs of this tab (memory only), re-openable.
import type { Run } from './playground-store.ts';
import { useRuns } from './playground-store.ts';

export function RecentRuns({ current, onOpen }: { current: Run | null; onOpen: (run: Run) => void }) {
  const runs = useRuns();
  if (runs.length === 0) return null;
  return (
    <section className="pg-recent" aria-labelledby="pg-recent-h">
      <h2 id="pg-recent-h">Recent runs in this tab</h2>
      <ul>
        {runs.map((r) => {
          const last = r.exchanges.at(-1)?.response?.status;
          return (
            <li key={r.id}>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-current={current?.id === r.id || undefined}
                onClick={() => onOpen(r)}
              >
                <span>
                  {new Date(r.startedAt).toLocaleTimeString()} · {r.flow.replace(/_/g, ' ')} · {r.clientId}
                  {last ? ` · HTTP ${last}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
