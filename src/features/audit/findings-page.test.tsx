// The security review's findings over the shared fake Aidbox: rules over every Client and policy,
// counts per severity, links to the field to fix, filters in the URL, untrusted text as text.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../testing/fake-aidbox.ts';
import { policy } from '../../testing/matrix-fixtures.ts';
import { renderRoutes } from '../../testing/render.tsx';
import { auditRoutes } from './routes.tsx';

const seed: Resource[] = [
  {
    id: 'portal',
    name: '<img src=x onerror=alert(1)>',
    grant_types: ['implicit'],
    auth: { implicit: { redirect_uri: 'https://portal.example.com/cb' } },
  },
  { id: 'batch', secret: 'hash', grant_types: ['client_credentials'] },
  policy('portal-read', ['Client/portal']),
  policy('mixed-up', ['Client/batch', 'Operation/FhirRead']),
];

const rowsOf = (rule: string) => [...document.querySelectorAll(`tr[data-rule="${rule}"]`)] as HTMLElement[];

describe('Security findings', () => {
  it('reviews every Client and policy, links each finding to its fix, and filters in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderRoutes(auditRoutes, '/audit', { seed });
    const table = await screen.findByRole('table', { name: 'Security findings' }, { timeout: 5000 });
    expect(document.querySelector('img')).toBeNull(); // a hostile name stays text

    const [mixed] = rowsOf('mixed-link');
    expect(mixed).toHaveAttribute('data-target', 'AccessPolicy/mixed-up');
    expect(within(mixed!).getByRole('link', { name: /^Fix link ?of mixed-up$/ })).toHaveAttribute(
      'href',
      '/policies/mixed-up',
    );
    const [neverRotated] = rowsOf('secret-never-rotated');
    expect(neverRotated).toHaveAttribute('data-target', 'Client/batch');
    const fix = within(neverRotated!).getByRole('link', { name: /^Fix .*of batch$/ });
    expect(fix.getAttribute('href')).toMatch(/^\/clients\/batch\?field=/);
    expect(within(neverRotated!).getByRole('link', { name: /^Access ?of batch$/ })).toHaveAttribute(
      'href',
      '/audit/access?client=batch',
    );

    const rules = () =>
      [...table.querySelectorAll('tr[data-rule]')].map(
        (r) => `${r.getAttribute('data-rule')}:${r.querySelector('.au-sev')?.textContent}`,
      );
    expect(rules()).toEqual([
      'allow-all-only:high',
      'mixed-link:high',
      'allow-all-only:high',
      'implicit-grant:high',
      'secret-never-rotated:medium',
      'idle-client:low',
      'idle-client:low',
    ]);
    expect(screen.getByText('7 of 7 findings · 2 Clients, 2 policies')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'high');
    expect(router.state.location.search).toBe('?severity=high');
    expect(rules()).toEqual([
      'allow-all-only:high',
      'mixed-link:high',
      'allow-all-only:high',
      'implicit-grant:high',
    ]);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'mixed');
    expect(rules()).toEqual(['allow-all-only:high', 'mixed-link:high']); // both about policy mixed-up
    expect(router.state.location.search).toBe('?severity=high&q=mixed');
  });
});
