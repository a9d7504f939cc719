import { useId, useRef, useState } from 'react';

interface SecretOnceProps {
  clientId: string;
  secret: string;
  onDone: () => void;
}

/**
 * Shows a freshly generated secret exactly once. It lives only in this component's memory: never
 * in the query cache, the URL, storage or logs; leaving the screen drops it.
 */
export function SecretOnce({ clientId, secret, onDone }: SecretOnceProps) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'refused'>('idle');
  const box = useRef<HTMLElement>(null);
  const labelId = useId();

  function onCopy() {
    // The clipboard write must start inside the click handler, or browsers refuse it.
    navigator.clipboard
      .writeText(secret)
      .then(() => setCopy('copied'))
      .catch(() => {
        setCopy('refused');
        selectSecret();
      });
  }

  function selectSecret() {
    const node = box.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  return (
    <div className="cc-callout cc-callout-warn" role="region" aria-labelledby={labelId}>
      <p id={labelId}>
        <strong>Client {clientId} was created. Copy its secret now</strong> — it is shown only once and cannot
        be read back later (Aidbox stores only a hash).
      </p>
      <code ref={box} className="cc-secret" aria-label="Client secret">
        {secret}
      </code>
      <p>
        <button type="button" className="cc-primary" onClick={onCopy}>
          Copy secret
        </button>{' '}
        <span role="status">
          {copy === 'copied' && 'Copied to the clipboard.'}
          {copy === 'refused' &&
            'The browser blocked the clipboard: the secret is selected, press Ctrl+C (⌘C).'}
        </span>
      </p>
      <button type="button" onClick={onDone}>
        I have stored the secret — continue
      </button>
    </div>
  );
}
