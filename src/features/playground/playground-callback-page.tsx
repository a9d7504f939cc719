// /playground/callback, outside the signed-in shell: hands the redirect back to the playground tab
// that opened this popup and closes. It never touches the console's own sign-in or storage, and
// posts only to our exact origin. No opener (opened directly, or the link was cut): the developer
// can copy the URL and paste it in the playground.
import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { CALLBACK_MESSAGE, CALLBACK_PATH, type CallbackMessage } from './code-flow.ts';
import { RevealValue } from './reveal-value.tsx';
import './playground.css';

// Read once at module load, before anything can change the address bar.
const landedOn = typeof location === 'undefined' ? '' : location.href;

export function PlaygroundCallbackPage() {
  // Decided once on first render: whether the tab that started the flow is still reachable.
  const [delivered] = useState<boolean>(() => {
    const opener = window.opener as Window | null;
    return opener !== null && !opener.closed;
  });
  const [revealed, setRevealed] = useState(false);

  useEffect(() => {
    // The code must not stay in the address bar or history (security.md §1.1 URL hygiene).
    history.replaceState(null, '', CALLBACK_PATH);
    const opener = window.opener as Window | null;
    if (!delivered || !opener) return;
    const message: CallbackMessage = { type: CALLBACK_MESSAGE, url: landedOn };
    opener.postMessage(message, location.origin);
    const t = setTimeout(() => window.close(), 300);
    return () => clearTimeout(t);
  }, [delivered]);

  return (
    <main className="pg-callback">
      <h1>Token playground</h1>
      {delivered ? (
        <p role="status">Done: the result went back to the playground tab. You can close this window.</p>
      ) : null}
      {!delivered ? (
        <>
          <p>
            This window cannot reach the playground tab that started the flow. Copy the address below and
            paste it in the playground’s “URL you landed on” field.
          </p>
          <RevealValue
            name="callback URL"
            value={landedOn}
            revealed={revealed}
            onToggle={() => setRevealed((v) => !v)}
          />
          <p>
            <Button onClick={() => void navigator.clipboard?.writeText(landedOn)}>Copy the address</Button>
          </p>
        </>
      ) : null}
    </main>
  );
}
