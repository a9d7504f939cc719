// The EHR-launch part of the code flow for SMART apps: get a launch (asked of Aidbox, or a pasted
// launch URL) whose `launch` and `iss` the authorization request then carries. Without one, the
// flow is a standalone launch.
import { useId, useState } from 'react';
import { Button } from '../../components/ui/button.tsx';
import { useCurrentUser } from '../../auth/auth-context.tsx';
import { parseLaunchUrl, requestLaunch, type Launch } from './smart-launch.ts';

export function SmartLaunchPanel({
  clientId,
  fhirBase,
  launchUri,
  launch,
  onLaunch,
}: {
  clientId: string;
  fhirBase: string;
  /** Client.smart.launch_uri: Aidbox builds launches only for Clients that have one. */
  launchUri: string | undefined;
  launch: Launch | null;
  onLaunch: (l: Launch | null) => void;
}) {
  const ids = useId();
  const me = useCurrentUser();
  const [patient, setPatient] = useState('');
  const [user, setUser] = useState(me?.sub ?? '');
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function ask() {
    setBusy(true);
    setProblem(undefined);
    try {
      onLaunch(
        await requestLaunch({ client: clientId, user: user.trim(), patient: patient.trim(), iss: fhirBase }),
      );
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="pg-launch">
      <legend>SMART EHR launch (optional)</legend>
      {launch ? (
        <>
          <p role="status">
            Launch ready{launch.patient ? ` for patient ${launch.patient}` : ''}. The authorization request
            carries it as <code>launch</code>, with <code>aud={launch.iss}</code>.
            {launch.user ? ` Issued for user ${launch.user}: sign in as them.` : ''}
            {launch.exp ? ` Usable until ${new Date(launch.exp * 1000).toLocaleTimeString()}.` : ''}
          </p>
          <Button size="sm" onClick={() => onLaunch(null)}>
            Forget the launch (standalone launch)
          </Button>
        </>
      ) : (
        <>
          <p className="field-help">
            Without a launch this is a standalone launch. To play the EHR, ask Aidbox for a launch with a
            patient in context (
            {launchUri ? `the Client’s launch URI is ${launchUri}` : 'the Client needs smart.launch_uri'}
            ), or paste the launch URL an EHR opened.
          </p>
          <div className="pg-launch-ask">
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-patient`}>
                Patient id
              </label>
              <input
                id={`${ids}-patient`}
                className="input"
                value={patient}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setPatient(e.target.value)}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-user`}>
                User id
              </label>
              <input
                id={`${ids}-user`}
                className="input"
                value={user}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={`${ids}-user-help`}
                onChange={(e) => setUser(e.target.value)}
              />
              <p id={`${ids}-user-help`} className="field-help">
                The user who will sign in at the authorization step.
              </p>
            </div>
          </div>
          <Button loading={busy} disabled={user.trim() === '' || !launchUri} onClick={() => void ask()}>
            Get a launch from Aidbox
          </Button>
          <p className="field-help">Asked as you (the console’s sign-in), as an EHR would ask.</p>
          <form
            className="pg-paste"
            onSubmit={(e) => {
              e.preventDefault();
              const parsed = parseLaunchUrl(pasted);
              if (typeof parsed === 'string') setProblem(parsed);
              else {
                setProblem(undefined);
                setPasted('');
                onLaunch(parsed);
              }
            }}
          >
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-url`}>
                Launch URL
              </label>
              <input
                id={`${ids}-url`}
                className="input"
                value={pasted}
                autoComplete="off"
                spellCheck={false}
                placeholder="https://app.example/launch?iss=…&launch=…"
                onChange={(e) => setPasted(e.target.value)}
              />
            </div>
            <Button type="submit" size="sm" disabled={pasted.trim() === ''}>
              Use this launch URL
            </Button>
          </form>
        </>
      )}
      {problem ? (
        <p className="pg-advice" role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
