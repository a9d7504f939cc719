// Authorization code + PKCE (and legacy implicit): start in a popup when the redirect URI is our
// own callback page, otherwise in a new tab and finish by pasting the URL landed on.
import { useId, useRef, useState } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { validateIdToken } from '../../auth/id-token.ts';
import {
  authorizeUrl,
  checkAuthorizationResponse,
  randomValue,
  type PendingAuthorization,
} from '../../domain/oauth-request-authorize.ts';
import { tokenRequest, type ClientAuth } from '../../domain/oauth-request.ts';
import { openAuthorizationPopup, playgroundCallbackUrl, waitForPopupCallback } from './code-flow.ts';
import type { Endpoints } from './endpoints.ts';
import { jwksFor } from './jwks.ts';
import { rememberPending, takePending, type Run } from './playground-store.ts';
import type { Launch } from './smart-launch.ts';
import { SmartLaunchPanel } from './smart-launch-panel.tsx';
import type { RunApi } from './use-run.ts';

export function CodeFlowPanel({
  implicit,
  endpoints,
  auth,
  scope,
  defaultRedirect,
  runApi,
  flowStart,
  smart,
}: {
  implicit: boolean;
  endpoints: Endpoints;
  auth: ClientAuth;
  scope: string;
  defaultRedirect: string | undefined;
  runApi: RunApi;
  flowStart: () => Run;
  /** A SMART app: the request carries `aud` (and `launch` after an EHR launch). */
  smart?: { fhirBase: string; launchUri: string | undefined } | undefined;
}) {
  const ids = useId();
  const [redirectUri, setRedirectUri] = useState(defaultRedirect ?? playgroundCallbackUrl());
  const [wrongVerifier, setWrongVerifier] = useState(false);
  // Without prompt=login, Aidbox reuses whoever is logged in to it in this browser: usually the admin.
  const [freshLogin, setFreshLogin] = useState(false);
  const [waiting, setWaiting] = useState<'popup' | 'paste' | null>(null);
  const [pasted, setPasted] = useState('');
  const [launch, setLaunch] = useState<Launch | null>(null);
  const runRef = useRef<Run | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const usesPopup = redirectUri === playgroundCallbackUrl();

  async function start() {
    const run = flowStart();
    runRef.current = run;
    const pending: PendingAuthorization = {
      state: randomValue(),
      nonce: randomValue(),
      codeVerifier: randomValue(),
      issuer: endpoints.issuer,
      clientId: auth.clientId,
      redirectUri,
      responseType: implicit ? 'token' : 'code',
      scope,
      ...(freshLogin ? { prompt: 'login' as const } : {}),
    };
    rememberPending(pending);
    const url = withSmartParams(await authorizeUrl(endpoints.authorize, pending));
    runApi.note(run, { tone: 'info', text: `GET ${url}` });
    if (!usesPopup) {
      // A new tab without opener: the other redirect URI is not ours, so nothing may script back.
      window.open(url, '_blank', 'noopener,noreferrer');
      setWaiting('paste');
      return;
    }
    const popup = openAuthorizationPopup(url);
    if (!popup) {
      runApi.note(run, {
        tone: 'error',
        text: 'The browser blocked the popup. Allow popups for the console and try again.',
      });
      return;
    }
    setWaiting('popup');
    abortRef.current?.abort();
    abortRef.current = new AbortController();
    try {
      const landed = await waitForPopupCallback(popup, abortRef.current.signal);
      await finish(landed);
    } catch (e) {
      runApi.note(run, { tone: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setWaiting(null);
    }
  }

  /** SMART App Launch: `aud` names the FHIR server; an EHR launch adds its `launch` value. */
  function withSmartParams(url: string): string {
    if (!smart || implicit) return url;
    const u = new URL(url);
    u.searchParams.set('aud', launch?.iss ?? smart.fhirBase);
    if (launch) u.searchParams.set('launch', launch.launch);
    return u.toString();
  }

  async function finish(landed: string) {
    const run = runRef.current ?? flowStart();
    runRef.current = run;
    const outcome = checkAuthorizationResponse(landed, takePending);
    if (!outcome.ok) {
      const server = outcome.error
        ? ` ${outcome.error}${outcome.description ? `: ${outcome.description}` : ''}`
        : '';
      runApi.note(run, { tone: 'error', text: `${outcome.message}${server}` });
      return;
    }
    if ('accessToken' in outcome) {
      runApi.setTokens(run, { access: outcome.accessToken });
      runApi.note(run, {
        tone: 'success',
        text: `Implicit response accepted (state and issuer checked). token_type ${outcome.tokenType ?? '?'}, expires_in ${outcome.expiresIn ?? '?'}.`,
      });
      return;
    }
    runApi.note(run, {
      tone: 'success',
      text: `Authorization response accepted: state matches, issuer ${outcome.iss ? 'matches (iss parameter)' : 'not sent (no RFC 9207 iss); checked on the ID token'}.`,
    });
    const p = outcome.pending;
    const verifier = wrongVerifier ? randomValue() : p.codeVerifier;
    const spec = tokenRequest(
      endpoints.token,
      [
        ['grant_type', 'authorization_code'],
        ['code', outcome.code],
        ['redirect_uri', p.redirectUri],
        ['code_verifier', verifier],
      ],
      auth,
    );
    const exchange = await runApi.send(run, 'Token request (authorization_code)', spec);
    const json = exchange.response?.json as Record<string, unknown> | undefined;
    if (typeof json?.id_token === 'string') {
      try {
        await validateIdToken(json.id_token, {
          issuer: p.issuer,
          clientId: p.clientId,
          nonce: p.nonce,
          keys: jwksFor(endpoints.jwksUri),
        });
        runApi.note(run, {
          tone: 'success',
          text: 'ID token valid: signature, iss, aud, exp/iat and nonce all match this request.',
        });
      } catch (e) {
        runApi.note(run, {
          tone: 'error',
          text: `ID token rejected: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    }
  }

  return (
    <div className="pg-flow">
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-redirect`}>
          Redirect URI
        </label>
        <input
          id={`${ids}-redirect`}
          className="input"
          value={redirectUri}
          spellCheck={false}
          onChange={(e) => setRedirectUri(e.target.value)}
        />
        <p className="field-help">
          {usesPopup
            ? 'The playground’s own callback page: the result comes back to this tab by itself.'
            : 'Not the playground’s callback: after signing in, paste the address you landed on below.'}
        </p>
      </div>
      {smart && !implicit ? (
        <SmartLaunchPanel
          clientId={auth.clientId}
          fhirBase={smart.fhirBase}
          launchUri={smart.launchUri}
          launch={launch}
          onLaunch={setLaunch}
        />
      ) : null}
      <label className="pg-check">
        <input type="checkbox" checked={freshLogin} onChange={(e) => setFreshLogin(e.target.checked)} />
        Sign in as another user (prompt=login)
      </label>
      <p className="field-help pg-check-help">
        Otherwise Aidbox reuses the login of whoever is signed in to it in this browser, usually you.
      </p>
      {!implicit ? (
        <label className="pg-check">
          <input
            type="checkbox"
            checked={wrongVerifier}
            onChange={(e) => setWrongVerifier(e.target.checked)}
          />
          Send a wrong code_verifier (to see the PKCE check fail)
        </label>
      ) : null}
      <Button variant="primary" disabled={waiting === 'popup'} onClick={() => void start()}>
        {usesPopup ? 'Start authorization (popup)' : 'Open the authorization page in a new tab'}
      </Button>
      {waiting === 'popup' ? (
        <p role="status" className="pg-muted">
          Waiting for the authorization window… sign in and approve there.
        </p>
      ) : null}
      {!usesPopup || waiting === 'paste' ? (
        <form
          className="pg-paste"
          onSubmit={(e) => {
            e.preventDefault();
            const url = pasted;
            setPasted('');
            setWaiting(null);
            void finish(url);
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-landed`}>
              URL you landed on
            </label>
            <input
              id={`${ids}-landed`}
              className="input"
              type="password"
              autoComplete="off"
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              aria-describedby={`${ids}-landed-help`}
            />
            <p id={`${ids}-landed-help`} className="field-help">
              It carries the one-time code, so it is masked. The state in it must match a flow started in this
              tab.
            </p>
          </div>
          <Button type="submit" disabled={pasted.trim() === ''}>
            Use this URL
          </Button>
        </form>
      ) : null}
    </div>
  );
}
