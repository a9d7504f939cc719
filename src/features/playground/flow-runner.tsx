// The inputs and the Run button of each flow other than the redirect-based ones.
import { useId, useState } from 'react';
import { Button } from '../../components/ui/button.tsx';
import {
  bearerRequest,
  introspectionRequest,
  tokenRequest,
  type ClientAuth,
} from '../../domain/oauth-request.ts';
import type { Endpoints } from './endpoints.ts';
import { isClientToken, type Flow } from './flows.ts';
import type { Run, RunTokens } from './playground-store.ts';
import type { RunApi } from './use-run.ts';

export function FlowRunner({
  flow,
  endpoints,
  auth,
  scope,
  tokens,
  runApi,
  flowStart,
}: {
  flow: Exclude<Flow, 'authorization_code' | 'implicit' | 'backend_services'>;
  endpoints: Endpoints;
  auth: ClientAuth;
  scope: string;
  tokens: RunTokens;
  runApi: RunApi;
  flowStart: (carry?: RunTokens) => Run;
}) {
  const ids = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pastedToken, setPastedToken] = useState('');
  const [busy, setBusy] = useState(false);
  const usesRefresh = flow === 'refresh_token';
  const usesToken = flow === 'userinfo' || flow === 'introspect' || flow === 'revoke';
  const current = usesRefresh ? tokens.refresh : tokens.access;
  const token = pastedToken.trim() || current || '';

  async function run() {
    setBusy(true);
    try {
      // Token tools keep working on the same tokens, so they carry them into the new run.
      const r = flowStart(usesToken || usesRefresh ? tokens : undefined);
      if (flow === 'client_credentials') {
        await runApi.send(
          r,
          'Token request (client_credentials)',
          tokenRequest(
            endpoints.token,
            [
              ['grant_type', 'client_credentials'],
              ['scope', scope],
            ],
            auth,
          ),
        );
      } else if (flow === 'password') {
        await runApi.send(
          r,
          'Token request (password)',
          tokenRequest(
            endpoints.token,
            [
              ['grant_type', 'password'],
              ['username', username],
              ['password', password],
              ['scope', scope],
            ],
            auth,
          ),
        );
      } else if (flow === 'refresh_token') {
        await runApi.send(
          r,
          'Token request (refresh_token)',
          tokenRequest(
            endpoints.token,
            [
              ['grant_type', 'refresh_token'],
              ['refresh_token', token],
              ['scope', scope],
            ],
            auth,
          ),
        );
      } else if (flow === 'userinfo') {
        await runApi.send(r, 'Userinfo', bearerRequest('GET', endpoints.userinfo, token));
      } else if (flow === 'introspect') {
        await runApi.send(r, 'Introspection', introspectionRequest(endpoints.introspect, token, auth));
      } else {
        const ex = await runApi.send(
          r,
          'Revocation (DELETE /Session)',
          bearerRequest('DELETE', endpoints.session, token),
        );
        if (ex.response && ex.response.status < 300) {
          runApi.note(r, {
            tone: 'info',
            text: 'Session deleted: this token (and its refresh token) no longer work. Try the API with it to see the 401.',
          });
        }
      }
    } finally {
      setBusy(false);
    }
  }

  const missingToken = (usesToken || usesRefresh) && token === '';
  // Userinfo describes a user: a client_credentials token has none, so Aidbox could only refuse it.
  const clientToken = flow === 'userinfo' && pastedToken.trim() === '' && isClientToken(tokens);
  return (
    <form
      className="pg-flow"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      {flow === 'password' ? (
        <>
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-user`}>
              User name
            </label>
            <input
              id={`${ids}-user`}
              className="input"
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-pass`}>
              User password
            </label>
            <input
              id={`${ids}-pass`}
              className="input"
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
        </>
      ) : null}
      {usesToken || usesRefresh ? (
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-token`}>
            {usesRefresh ? 'Refresh token' : 'Access token'}
          </label>
          <input
            id={`${ids}-token`}
            className="input"
            type="password"
            autoComplete="off"
            placeholder={current ? 'Using the token from the last run' : 'Paste a token'}
            value={pastedToken}
            onChange={(e) => setPastedToken(e.target.value)}
          />
          <p className="field-help">
            {current ? 'Empty: the token from the last run is used.' : 'Run a flow first, or paste a token.'}
            {flow === 'introspect' ? ' Introspection authenticates with the Client’s credentials above.' : ''}
          </p>
          {clientToken ? (
            <p className="pg-advice">
              The last run’s token comes from client credentials and has no user: run a user flow first
              (authorization code or password), or paste a user’s token.
            </p>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" variant="primary" disabled={missingToken || clientToken} loading={busy}>
        Run
      </Button>
    </form>
  );
}
