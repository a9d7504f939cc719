// The one-time view of a private key generated in the browser (issue 12 §2): two downloads (private
// JWK and PKCS#8 PEM), the key text only inside an explicit reveal, and a guard while nothing has
// been downloaded. The material lives only in the caller's state; this panel never copies it
// anywhere but the downloaded file.
import { useId, useState } from 'react';
import type { GeneratedSigningKey } from '../../domain/key-export.ts';
import { keyFileNames } from '../../domain/key-export.ts';
import { Button } from '../ui/button.tsx';
import { LeaveGuard } from '../ui/leave-guard.tsx';
import './keys.css';

export type PrivateKeyMaterial = Pick<GeneratedSigningKey, 'kid' | 'alg' | 'privateJwk' | 'privatePem'>;

interface PrivateKeyOnceProps {
  clientId: string;
  material: PrivateKeyMaterial;
  /** The user is done with the key (downloaded both files, or said they stored it): drop it. */
  onDone: () => void;
  /** The first file was downloaded: someone holds the key now. */
  onSaved?: () => void;
}

type Format = 'jwk' | 'pem';

/** Saves text as a file through a short-lived blob URL (nothing leaves the browser). */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function PrivateKeyOnce({ clientId, material, onDone, onSaved }: PrivateKeyOnceProps) {
  const headingId = useId();
  const revealId = useId();
  const [downloaded, setDownloaded] = useState<ReadonlySet<Format>>(new Set());
  const [revealed, setRevealed] = useState(false);
  const names = keyFileNames(material.kid);

  function save(format: Format) {
    if (format === 'jwk')
      download(names.jwk, JSON.stringify(material.privateJwk, null, 2), 'application/json');
    else download(names.pem, material.privatePem, 'application/x-pem-file');
    const next = new Set(downloaded).add(format);
    setDownloaded(next);
    if (downloaded.size === 0) onSaved?.();
    // Both files saved: nothing left to offer, so the key is dropped from memory at once.
    if (next.size === 2) onDone();
  }

  return (
    <section className="keys-once" aria-labelledby={headingId}>
      <h3 id={headingId}>Download the private key now</h3>
      <p>
        <strong>It is shown only here, once, and is never stored:</strong> the console keeps only the public
        key (kid <code className="keys-kid">{material.kid}</code>, {material.alg}) for{' '}
        {clientId || 'the Client'}. The application signs its client assertions with this private key; keep it
        in its secret store.
      </p>
      <div className="keys-actions">
        <Button variant="primary" onClick={() => save('jwk')}>
          Download private JWK (.jwk.json)
        </Button>
        <Button variant="primary" onClick={() => save('pem')}>
          Download PEM (.pem)
        </Button>
      </div>
      <p role="status" className="keys-status">
        {downloaded.size > 0
          ? `Downloaded: ${[...downloaded].map((f) => (f === 'jwk' ? names.jwk : names.pem)).join(', ')}.`
          : ''}
      </p>
      <div className="keys-actions">
        <Button aria-expanded={revealed} aria-controls={revealId} onClick={() => setRevealed((r) => !r)}>
          {revealed ? 'Hide the private key' : 'Show the private key (PEM)'}
        </Button>
        <Button onClick={onDone}>
          {downloaded.size > 0 ? 'Done: forget the private key' : 'I have stored it: forget the private key'}
        </Button>
      </div>
      <div id={revealId}>
        {/* Rendered only while revealed: the key text is not in the page otherwise. */}
        {revealed ? (
          <pre className="keys-pem" aria-label="Private key (PEM)">
            {material.privatePem}
          </pre>
        ) : null}
      </div>
      {/* Mounted only while the key is at risk: a router runs only its newest blocker, so an
          always-mounted guard here would switch off the guard of the screen around it. */}
      {downloaded.size === 0 ? (
        <LeaveGuard when title="Leave without the private key?" leaveLabel="Leave and lose the key">
          <p>
            The private key {material.kid} has not been downloaded. It exists only in this page: if you leave,
            it is gone, and the public key is useless without it (generate a new pair).
          </p>
        </LeaveGuard>
      ) : null}
    </section>
  );
}
