import { Link } from 'react-router';
import { CLIENT_KINDS } from '../../domain/client-kinds.ts';
import { paths } from '../../routes/paths.ts';

/** Step one of creating a Client: what kind of application is it? */
export function KindPicker() {
  return (
    <>
      <p className="cc-muted">
        Pick the kind of application. It starts from secure defaults you can adjust later.
      </p>
      <ul className="cc-cards">
        {CLIENT_KINDS.map((kind) => (
          <li key={kind.id}>
            <Link className="cc-card" to={paths.newClient({ kind: kind.id })}>
              <h2>{kind.label}</h2>
              <p>{kind.explanation}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
