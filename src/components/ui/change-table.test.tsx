import { render, screen, within } from '@testing-library/react';
import { fieldChanges } from '../../domain/json-diff.ts';
import { ChangeTable } from './change-table.tsx';

describe('ChangeTable', () => {
  it('prints values as JSON text, masks never-sent members and names marked rows', () => {
    const changes = fieldChanges(
      { name: 'Old', secret: 'sha256:aaaa', auth: { ttl: 600 } },
      { name: 'New', secret: 'sha256:bbbb', auth: { ttl: 300 }, jwk: { kty: 'EC', d: 'private-d', x: 'x1' } },
    );
    const { container } = render(
      <ChangeTable
        caption="Changes"
        changes={changes}
        marked={(p) => p === 'name'}
        markLabel="both changed"
      />,
    );
    const table = screen.getByRole('table', { name: 'Changes' });
    const name = within(table).getByRole('row', { name: /name/ });
    expect(name).toHaveTextContent('"Old"');
    expect(name).toHaveTextContent('"New"');
    expect(within(name).getByRole('rowheader')).toHaveTextContent('name (both changed)');
    expect(container.querySelector('tr[data-path="secret"]')).toHaveTextContent(
      'secretsecret changed (value not shown)',
    );
    expect(container.querySelector('tr[data-path="jwk"]')).toHaveTextContent('"d":"(secret withheld)"');
    expect(container.textContent).not.toMatch(/sha256|private-d/);
    expect(within(table).getByRole('row', { name: /auth\.ttl/ })).toHaveTextContent('changed600300');
  });

  it('says so when no field differs', () => {
    render(<ChangeTable caption="Your change" changes={[]} />);
    expect(screen.getByRole('table', { name: 'Your change' })).toHaveTextContent('No field differs.');
  });
});
