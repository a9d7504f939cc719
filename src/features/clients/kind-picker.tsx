import { Link } from 'react-router';
import { CLIENT_KINDS, type ClientKind } from '../../domain/client-kinds.ts';
import { paths } from '../../routes/paths.ts';
import './kind-picker.css';

const GROUPS: { id: ClientKind['group']; title: string; intro: string }[] = [
  {
    id: 'oauth',
    title: 'Applications',
    intro: 'OAuth 2 clients: sign users in, or call Aidbox as a service.',
  },
  {
    id: 'smart',
    title: 'SMART on FHIR',
    intro:
      'Apps and services that follow SMART App Launch 2.x: SMART scopes, EHR or standalone launch, keys instead of secrets.',
  },
];

/** Step one of creating a Client: what kind of application is it? */
export function KindPicker() {
  return (
    <>
      <p className="cc-muted">
        Pick the kind of application. It starts from secure defaults you can adjust later.
      </p>
      {GROUPS.map((group) => (
        <section key={group.id} className="cc-kind-group" aria-labelledby={`kinds-${group.id}`}>
          <h2 id={`kinds-${group.id}`}>{group.title}</h2>
          <p className="cc-muted">{group.intro}</p>
          <ul className="cc-cards">
            {CLIENT_KINDS.filter((k) => k.group === group.id).map((kind) => (
              <li key={kind.id}>
                <Link className="cc-card" to={paths.newClient({ kind: kind.id })}>
                  <h3>{kind.label}</h3>
                  <p>{kind.explanation}</p>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
