// The keys of a JWK Set as a table: kid, type and algorithm, size, use, and every problem the
// validator finds (weak RSA, duplicate kid, private members stored). Values are public members
// only; a stored private member is named, never shown.
import { useMemo } from 'react';
import type { ClientJwk } from '../../model/client.ts';
import type { PublicJwk } from '../../domain/jwks-validate.ts';
import { keyRows } from '../../domain/jwk-summary.ts';
import { Button } from '../ui/button.tsx';
import { TableScroll } from '../ui/table-scroll.tsx';
import './keys.css';

export interface KeyTableProps {
  keys: readonly PublicJwk[] | readonly ClientJwk[];
  /** Shows a Remove button per key; `index` tells keys apart that share a kid or have none (''). */
  onRemove?: (kid: string, index: number) => void;
  /** The table's caption, e.g. "Keys to register". */
  caption?: string;
}

export function KeyTable({ keys, onRemove, caption = 'Public keys (jwks)' }: KeyTableProps) {
  const rows = useMemo(() => keyRows(keys), [keys]);
  if (rows.length === 0) return <p className="keys-empty">No keys yet.</p>;
  return (
    <TableScroll label={caption}>
      <table className="data-table keys-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">kid</th>
            <th scope="col">Type / alg</th>
            <th scope="col">Size</th>
            <th scope="col">Use</th>
            <th scope="col">Problems</th>
            {onRemove ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.kid ?? ''}-${i}`}>
              <td className="keys-kid">{row.kid ?? <em>no kid</em>}</td>
              <td>
                {row.kty ?? '?'} / {row.alg ?? <span className="keys-muted">no alg</span>}
              </td>
              <td>{row.size ?? '?'}</td>
              <td>{row.use ?? <span className="keys-muted">not set</span>}</td>
              <td>
                {row.problems.length === 0 ? (
                  <span className="keys-ok">None</span>
                ) : (
                  <ul className="keys-problems">
                    {row.problems.map((p) => (
                      <li key={p.message} className={p.level === 'error' ? 'keys-error' : 'keys-warning'}>
                        {p.level === 'error' ? 'Error: ' : 'Warning: '}
                        {p.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              {onRemove ? (
                <td>
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={`Remove key ${row.kid ?? i + 1}`}
                    onClick={() => onRemove(row.kid ?? '', i)}
                  >
                    Remove
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
