// Token inspector: decodes any token (from a flow or pasted), explains each claim, shows times with
// a live countdown, and verifies the signature against the connected Aidbox's JWKS only.
import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { describeTimeClaim, explainClaim, explainHeader, TIME_CLAIMS } from '../../domain/jwt-claims.ts';
import { verifyJwtSignature, type VerifyResult } from '../../domain/jwt-verify.ts';
import { decodeJwt, type JsonObject } from '../../domain/jwt.ts';
import { jwksFor } from './jwks.ts';

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function TokenInspector({
  token,
  issuer,
  jwksUri,
  onIntrospect,
}: {
  token: string;
  issuer: string | undefined;
  jwksUri: string | undefined;
  onIntrospect?: (token: string) => void;
}) {
  const decoded = useMemo(() => decodeJwt(token), [token]);
  const [verify, setVerify] = useState<{ token: string; result: VerifyResult } | null>(null);
  const rawIss = decoded.ok && decoded.kind === 'jwt' ? decoded.payload.iss : undefined;
  const tokenIss =
    rawIss === undefined ? undefined : typeof rawIss === 'string' ? rawIss : JSON.stringify(rawIss);
  const foreign = tokenIss !== undefined && issuer !== undefined && tokenIss !== issuer;

  useEffect(() => {
    if (!decoded.ok || decoded.kind !== 'jwt' || !jwksUri || foreign) return;
    let live = true;
    void verifyJwtSignature(decoded.token, jwksFor(jwksUri)).then((result) => {
      if (live) setVerify({ token: decoded.token, result });
    });
    return () => {
      live = false;
    };
  }, [decoded, jwksUri, foreign]);

  if (!decoded.ok) {
    return (
      <p className="pg-advice" role="alert">
        {decoded.message}
      </p>
    );
  }
  if (decoded.kind === 'opaque') {
    return (
      <div className="pg-inspector">
        <p>
          <strong>Opaque token</strong> ({decoded.length} characters). It is a random reference to an Aidbox
          Session and carries no readable claims. Ask Aidbox about it with introspection (needs the Client’s
          credentials).
        </p>
        <IntrospectButton token={decoded.token} onIntrospect={onIntrospect} />
      </div>
    );
  }

  const current = verify?.token === decoded.token ? verify.result : undefined;
  return (
    <div className="pg-inspector">
      <p className="pg-verify" role="status">
        {foreign ? (
          <span className="badge badge-warning">Signature not verified</span>
        ) : !current ? (
          <span className="badge badge-info">Verifying signature…</span>
        ) : current.ok ? (
          <span className="badge badge-success">Signature verified (RS256, kid {current.kid ?? 'none'})</span>
        ) : (
          <span className="badge badge-danger">Signature not verified</span>
        )}{' '}
        {foreign
          ? `Issued by "${tokenIss ?? ''}", not by the connected Aidbox (${issuer ?? '?'}); only its keys are trusted here.`
          : current && !current.ok
            ? current.message
            : null}
      </p>
      {decoded.warnings.length > 0 ? (
        <ul className="pg-warnings">
          {decoded.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <ClaimTable title="Header" values={decoded.header} explain={explainHeader} />
      <ClaimTable title="Payload" values={decoded.payload} explain={explainClaim} times />
      <IntrospectButton token={decoded.token} onIntrospect={onIntrospect} />
    </div>
  );
}

function ClaimTable({
  title,
  values,
  explain,
  times = false,
}: {
  title: string;
  values: JsonObject;
  explain: (name: string) => string | undefined;
  times?: boolean;
}) {
  const now = useNow();
  return (
    <table className="data-table pg-claims">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(values).map(([name, value]) => {
          const time = times && TIME_CLAIMS.has(name) ? describeTimeClaim(name, value, now) : undefined;
          return (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>
                <code className="pg-claim-value">
                  {typeof value === 'string' ? value : JSON.stringify(value)}
                </code>
                {time ? (
                  <span className="pg-time">
                    {' '}
                    {time.absolute} ({time.relative})
                    {time.problem ? <span className="badge badge-danger">{time.problem}</span> : null}
                  </span>
                ) : null}
              </td>
              <td className="pg-muted">{explain(name) ?? 'Not a standard or Aidbox claim.'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Offered for opaque and JWT tokens alike, when the page can introspect (it knows the Client). */
function IntrospectButton({
  token,
  onIntrospect,
}: {
  token: string;
  onIntrospect?: ((token: string) => void) | undefined;
}) {
  if (!onIntrospect) return null;
  return (
    <Button size="sm" onClick={() => onIntrospect(token)}>
      Introspect this token
    </Button>
  );
}
