import { useRef, useState } from 'react';
import { Button } from './button.tsx';

interface CopyableSecretProps {
  secret: string;
  /** Accessible name of the secret's box, e.g. "Client secret". */
  label: string;
  /** Class of the <code> box, so each screen keeps its own layout. */
  codeClassName?: string;
  actionsClassName?: string;
  /** Called once the secret has been copied, by the button or by hand (Ctrl+C on the box). */
  onCopied?: () => void;
}

/**
 * A secret shown once with a Copy button. The clipboard write starts inside the click handler
 * (browsers refuse it outside a user gesture); when it is refused anyway, the secret is selected
 * and the user is told to copy it by hand. The secret lives only in the caller's state.
 */
export function CopyableSecret({
  secret,
  label,
  codeClassName,
  actionsClassName,
  onCopied,
}: CopyableSecretProps) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'refused'>('idle');
  const box = useRef<HTMLElement>(null);

  function selectSecret() {
    const node = box.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
    node.focus();
  }

  function onCopy() {
    navigator.clipboard.writeText(secret).then(
      () => {
        setCopy('copied');
        onCopied?.();
      },
      () => {
        setCopy('refused');
        selectSecret();
      },
    );
  }

  return (
    <>
      <code ref={box} className={codeClassName} tabIndex={-1} aria-label={label} onCopy={() => onCopied?.()}>
        {secret}
      </code>
      <div className={actionsClassName}>
        <Button variant="primary" onClick={onCopy}>
          Copy secret
        </Button>{' '}
        <span role="status">
          {copy === 'copied' && 'Copied to the clipboard.'}
          {copy === 'refused' &&
            'The browser blocked the clipboard: the secret is selected above, press Ctrl+C (⌘C on a Mac) to copy it.'}
        </span>
      </div>
    </>
  );
}
