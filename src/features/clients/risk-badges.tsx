// The Risks cell: the security review's findings for one Client, summarised as the highest
// severity and a count, linking to exactly those findings in the review (issue 14 §4).
import { Link } from 'react-router';
import type { ReviewFinding, Severity } from '../../domain/review-rules.ts';
import { paths } from '../../routes/paths.ts';

const ORDER: readonly Severity[] = ['high', 'medium', 'low'];
const LABEL: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export function highestSeverity(findings: readonly ReviewFinding[]): Severity | undefined {
  return ORDER.find((s) => findings.some((f) => f.severity === s));
}

/** One row's findings; the cell before they are known is the table's (clients-table.tsx). */
export function RiskSummary({
  clientId,
  findings,
}: {
  clientId: string;
  findings: readonly ReviewFinding[];
}) {
  const top = highestSeverity(findings);
  if (!top) return <span className="cc-muted">None</span>;
  const n = findings.length;
  const titles = ORDER.flatMap((s) =>
    findings.filter((f) => f.severity === s).map((f) => `${s}: ${f.title}`),
  );
  return (
    <Link
      className={`cc-badge cc-badge-${top} cc-risk-link`}
      to={paths.audit({ client: clientId })}
      title={titles.join('\n')}
      // The name starts with the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
      aria-label={`${LABEL[top]} · ${n}, ${n} finding${n === 1 ? '' : 's'}, highest ${top}: open ${clientId} in the security review`}
    >
      {LABEL[top]} · {n}
    </Link>
  );
}
