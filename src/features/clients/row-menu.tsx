import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { paths } from '../../routes/paths.ts';

interface RowMenuProps {
  clientId: string;
  active: boolean;
  onToggleActive: () => void;
  onDelete: () => void;
}

/** Per-row actions as a menu button: arrow keys move, Escape closes and returns focus. */
export function RowMenu({ clientId, active, onToggleActive, onDelete }: RowMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function items(): HTMLElement[] {
    return [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  function onMenuKeyDown(event: React.KeyboardEvent) {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      list[(index + step + list.length) % list.length]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  function run(action: () => void) {
    setOpen(false);
    action();
  }

  return (
    <div className="cc-menu-wrap">
      <Button
        ref={button}
        size="sm"
        variant="ghost"
        className="cc-icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Actions for ${clientId}`}
        onClick={() => {
          // Start loading the confirmation dialogs while the user picks an item.
          if (!open) void import('./row-actions.tsx').catch(() => undefined);
          setOpen((o) => !o);
          // Focus the first item once the menu exists.
          requestAnimationFrame(() => items()[0]?.focus());
        }}
      >
        ⋯
      </Button>
      {open && (
        <ul
          ref={menu}
          role="menu"
          className="cc-menu"
          aria-label={`Actions for ${clientId}`}
          onKeyDown={onMenuKeyDown}
        >
          <li role="none">
            <Link role="menuitem" to={paths.client({ id: clientId })}>
              Edit
            </Link>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => run(onToggleActive)}>
              {active ? 'Deactivate' : 'Activate'}
            </button>
          </li>
          <li role="none">
            <Link role="menuitem" to={paths.rotateSecret({ id: clientId })}>
              Rotate secret
            </Link>
          </li>
          <li role="none">
            <button type="button" role="menuitem" className="cc-danger-text" onClick={() => run(onDelete)}>
              Delete…
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
