// One secret value: masked until the developer reveals it (security.md §9.E item 80).
import { Button } from '../../components/ui/button.tsx';
import { maskValue } from '../../domain/oauth-request.ts';

export function RevealValue({
  name,
  value,
  revealed,
  onToggle,
}: {
  name: string;
  value: string;
  revealed: boolean;
  onToggle: () => void;
}) {
  return (
    <span className="pg-secret">
      <code className="pg-secret-value">{revealed ? value : maskValue(value)}</code>
      <Button
        variant="ghost"
        size="sm"
        aria-pressed={revealed}
        aria-label={`${revealed ? 'Hide' : 'Reveal'} ${name}`}
        onClick={onToggle}
      >
        {revealed ? 'Hide' : 'Reveal'}
      </Button>
    </span>
  );
}
