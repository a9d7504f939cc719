// The client assertion, decoded, as text: what will be signed (before, in the flow's panel) and
// what was signed (after, in the exchange that sent it). It never shows the private key.
import { assertionParts, type AssertionInput } from '../../domain/client-assertion.ts';
import { decodeJwt } from '../../domain/jwt.ts';

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

export function AssertionPreview({ input }: { input: AssertionInput }) {
  let parts: ReturnType<typeof assertionParts>;
  try {
    // A fixed jti: the preview shows the shape, each signing draws a fresh one.
    parts = assertionParts({ ...input, jti: '(a fresh random id at signing)' });
  } catch (e) {
    return (
      <p className="pg-advice" role="alert">
        Cannot build the assertion: {e instanceof Error ? e.message : String(e)}
      </p>
    );
  }
  return (
    <details className="pg-assertion" open>
      <summary>Assertion to be signed (header and claims)</summary>
      <AssertionParts header={parts.header} claims={parts.claims} />
      <p className="pg-small pg-muted">
        iat and exp are set again at signing; exp is at most five minutes ahead (SMART Backend Services).
      </p>
    </details>
  );
}

export function SignedAssertion({ jwt }: { jwt: string }) {
  const decoded = decodeJwt(jwt);
  if (!decoded.ok || decoded.kind !== 'jwt') return null;
  return (
    <section className="pg-assertion" aria-label="Signed client assertion">
      <h3>Signed client assertion</h3>
      <AssertionParts header={decoded.header} claims={decoded.payload} />
      <p className="pg-small pg-muted">
        {lifetime(decoded.payload)}Decoded from the client_assertion field above (Reveal shows the compact
        JWT). It proves the key without containing it, is good for one request and expires within five
        minutes.
      </p>
    </section>
  );
}

function AssertionParts({ header, claims }: { header: unknown; claims: unknown }) {
  return (
    <div className="pg-assertion-parts">
      <div>
        <h4>Header</h4>
        <pre className="pg-pre">{pretty(header)}</pre>
      </div>
      <div>
        <h4>Claims</h4>
        <pre className="pg-pre">{pretty(claims)}</pre>
      </div>
    </div>
  );
}

/** "Valid 300 s, until 18:31:09. " from iat and exp, or nothing when either is missing. */
function lifetime(claims: Record<string, unknown>): string {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number') return '';
  return `Valid ${exp - iat} s, until ${new Date(exp * 1000).toLocaleTimeString()}. `;
}
