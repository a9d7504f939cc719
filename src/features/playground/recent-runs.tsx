// The last few runs of this tab (memory only), re-openable.
import { Button } from '../../components/ui/button.tsx';
import { formatDateTime } from '../../components/ui/date-time-format.ts';
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
              <Button
                variant="ghost"
                size="sm"
                aria-current={current?.id === r.id || undefined}
                onClick={() => onOpen(r)}
              >
                {formatDateTime(r.startedAt, 'time')} · {r.flow.replace(/_/g, ' ')} · {r.clientId}
                {last ? ` · HTTP ${last}` : ''}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
