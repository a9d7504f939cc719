// The token playground (issue 6): choose a Client and a flow, run it, see every exchange, inspect
// tokens, try the API and see which policy decided. The URL holds the setup, never a secret.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { clientQueries } from '../../api/clients.ts';
import { useConsoleConfig } from '../../config/config-context.tsx';
import { introspectionRequest, type ClientAuthMethod, type HttpMethod } from '../../domain/oauth-request.ts';
import { ApiTryout } from './api-tryout.tsx';
import { BackendServicesPanel } from './backend-services-panel.tsx';
import { ClientPicker } from './client-picker.tsx';
import { CodeFlowPanel } from './code-flow-panel.tsx';
import { useEndpoints } from './endpoints.ts';
import { FlowPicker } from './flow-picker.tsx';
import { FlowRunner } from './flow-runner.tsx';
import { isFlow, isSmartApp, redirectUriOf, type Flow } from './flows.ts';
import { RunView } from './run-view.tsx';
import { ScopePicker } from './scope-picker.tsx';
import { RecentRuns } from './recent-runs.tsx';
import { TokenPanel } from './token-panel.tsx';
import { useRun } from './use-run.ts';
import './playground.css';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function PlaygroundPage() {
  const config = useConsoleConfig();
  const endpoints = useEndpoints(config);
  const [params, setParams] = useSearchParams();
  const clientId = params.get('client') ?? '';
  const flowParam = params.get('flow');
  // The URL is the source of truth, but setSearchParams settles a render later: until then the
  // chosen radio would snap back to unchecked. The choice shows at once and yields to the URL.
  // `from` is the URL's value when the choice was made: once the URL moves on, the choice is moot.
  const [chosen, setChosen] = useState<{ flow: Flow; from: string | null }>();
  const flow: Flow =
    chosen && chosen.from === flowParam ? chosen.flow : isFlow(flowParam) ? flowParam : 'authorization_code';
  const scope = params.get('scope') ?? '';
  const path = params.get('path') ?? '/fhir/Patient';
  const methodParam = params.get('method') ?? 'GET';
  const method = (METHODS.has(methodParam) ? methodParam : 'GET') as HttpMethod;
  const [secret, setSecret] = useState('');
  const [authMethod, setAuthMethod] = useState<ClientAuthMethod>('client_secret_basic');
  const runApi = useRun();
  const [inspect, setInspect] = useState<{ token: string; label: string } | null>(null);

  const detail = useQuery({
    ...clientQueries.detail(clientId.trim()),
    enabled: clientId.trim() !== '',
    retry: false,
  });
  const client = detail.data?.client;

  function setParam(name: string, value: string) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  const auth = { clientId: clientId.trim(), secret, method: authMethod };
  const tokens = runApi.run?.tokens ?? {};
  const flowStart = (carry?: typeof tokens) => {
    setInspect(null);
    return runApi.begin(auth.clientId, flow, carry);
  };

  return (
    <div className="pg-page">
      <h1>Token playground</h1>
      <p className="pg-muted pg-intro">
        Run any Aidbox grant with a Client of your choice and see each HTTP exchange. Flows never use or
        change your console sign-in. Tokens live in this tab’s memory only.
      </p>
      {endpoints.isError ? (
        <p className="pg-advice" role="alert">
          Aidbox discovery failed: {endpoints.error.message}
        </p>
      ) : null}
      <div className="pg-layout">
        <div className="pg-setup">
          <ClientPicker
            clientId={clientId}
            onClientId={(id) => setParam('client', id)}
            onSecret={setSecret}
            authMethod={authMethod}
            onAuthMethod={setAuthMethod}
            signsWithKey={flow === 'backend_services'}
          />
          {clientId.trim() !== '' && detail.isError ? (
            <p className="pg-muted pg-small">
              Not readable from Aidbox (unknown id, or no permission): every flow is offered and Aidbox
              decides.
            </p>
          ) : null}
          {client?.active === false ? (
            <p className="pg-advice">
              This Client is inactive (active: false): Aidbox will refuse its flows.
            </p>
          ) : null}
          <FlowPicker
            flow={flow}
            client={client}
            tokens={tokens}
            onFlow={(f) => {
              setChosen({ flow: f, from: flowParam });
              setParam('flow', f);
            }}
          />
          <section className="pg-fieldset pg-run-card" aria-label="Run the flow">
            <ScopePicker
              scope={scope}
              onScope={(s) => setParam('scope', s)}
              client={client}
              smartLaunch={flow === 'authorization_code' && isSmartApp(client)}
            />
            {!endpoints.data ? (
              <p role="status" className="pg-muted">
                Loading Aidbox endpoints…
              </p>
            ) : clientId.trim() === '' ? (
              <p className="pg-muted">Choose a Client to run a flow.</p>
            ) : flow === 'backend_services' ? (
              <BackendServicesPanel
                // A new Client drops the key: it belongs to the Client it was pasted for.
                key={auth.clientId}
                endpoints={endpoints.data}
                clientId={auth.clientId}
                client={client}
                scope={scope}
                runApi={runApi}
                flowStart={() => flowStart()}
              />
            ) : flow === 'authorization_code' || flow === 'implicit' ? (
              <CodeFlowPanel
                key={`${flow}:${auth.clientId}:${redirectUriOf(client, flow) ?? ''}`}
                implicit={flow === 'implicit'}
                endpoints={endpoints.data}
                auth={auth}
                scope={scope}
                defaultRedirect={redirectUriOf(client, flow)}
                runApi={runApi}
                flowStart={() => flowStart()}
                smart={
                  isSmartApp(client)
                    ? { fhirBase: `${endpoints.data.base}/fhir`, launchUri: client?.smart?.launch_uri }
                    : undefined
                }
              />
            ) : (
              <FlowRunner
                key={flow}
                flow={flow}
                endpoints={endpoints.data}
                auth={auth}
                scope={scope}
                tokens={tokens}
                runApi={runApi}
                flowStart={flowStart}
              />
            )}
          </section>
          <RecentRuns current={runApi.run} onOpen={runApi.open} />
        </div>
        <div className="pg-results">
          {runApi.run ? (
            <RunView run={runApi.run} onInspect={(token, label) => setInspect({ token, label })} />
          ) : (
            <p className="pg-muted">The exchanges of a run appear here.</p>
          )}
          <TokenPanel
            key={inspect?.token ?? 'paste'}
            initial={inspect}
            issuer={endpoints.data?.issuer}
            jwksUri={endpoints.data?.jwksUri}
            onIntrospect={(token) => {
              const r = flowStart(tokens);
              void runApi.send(r, 'Introspection', introspectionOf(token));
            }}
          />
          {endpoints.data ? (
            <ApiTryout
              // A new run starts with no API result from the previous one on screen.
              key={runApi.run?.id ?? 'no-run'}
              base={endpoints.data.base}
              token={tokens.access}
              path={path}
              onPath={(p) => setParam('path', p)}
              method={method}
              onMethod={(m) => setParam('method', m === 'GET' ? '' : m)}
              clientId={runApi.run?.clientId ?? auth.clientId}
            />
          ) : null}
        </div>
      </div>
    </div>
  );

  function introspectionOf(token: string) {
    return introspectionRequest(
      endpoints.data?.introspect ?? `${config.aidboxUrl}/auth/introspect`,
      token,
      auth,
    );
  }
}
