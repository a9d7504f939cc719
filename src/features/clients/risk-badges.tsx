import type { Finding } from '../../domain/lint-client.ts';

const SHOWN = 2;

/** Up to two findings as badges (worst first), the rest summarised; details in the title/label. */
export function RiskBadges({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <span className="cc-muted">None</span>;
  const rest = findings.slice(SHOWN);
  return (
    <ul className="cc-badges" aria-label={`${findings.length} risk${findings.length === 1 ? '' : 's'}`}>
      {findings.slice(0, SHOWN).map((f) => (
        <li
          key={`${f.id}:${f.path}`}
          className={`cc-badge cc-badge-${f.severity}`}
          title={`${f.detail} (${f.source})`}
        >
          <span className="cc-sr-only">{f.severity} risk: </span>
          {f.title}
        </li>
      ))}
      {rest.length > 0 && (
        <li className="cc-badge" title={rest.map((f) => f.title).join(', ')}>
          +{rest.length} more
        </li>
      )}
    </ul>
  );
}
