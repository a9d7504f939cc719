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

describe('Security findings: SMART Clients (issue 12 §6)', () => {
  it('shows scope and key findings with links to the scope and key fields', async () => {
    const smart: Resource[] = [
      {
        id: 'bulk',
        secret: 'hash',
        grant_types: ['client_credentials'],
        scope: ['system/*.rs'],
        jwks_uri: 'http://keys.example.com/jwks',
        details: { secretRotatedAt: new Date().toISOString() },
      },
      {
        id: 'tracker',
        grant_types: ['authorization_code'],
        auth: { authorization_code: { redirect_uri: 'https://t.example/cb', pkce: true } },
        scope: ['launch/patient', 'patient/MedicationStatement.cruds'],
        jwks: [{ kty: 'oct', kid: 'a', k: 'c2VjcmV0' }],
      },
      policy('bulk-read', ['Client/bulk']),
      policy('tracker-read', ['Client/tracker']),
    ];
    renderRoutes(auditRoutes, '/audit', { seed: smart });
    await screen.findByRole('table', { name: 'Security findings' }, { timeout: 5000 });
    const fixOf = (rule: string) => {
      const [row] = rowsOf(rule);
      return within(row!).getByRole('link', { name: /^Fix / }).getAttribute('href');
    };
    expect(rowsOf('smart-wildcard-system-scope')[0]).toHaveAttribute('data-target', 'Client/bulk');
    expect(fixOf('smart-wildcard-system-scope')).toBe('/clients/bulk?field=scope.0');
    expect(fixOf('smart-jwks-uri-not-https')).toBe('/clients/bulk?field=jwks_uri');
    expect(fixOf('smart-secret-beside-keys')).toBe('/clients/bulk?field=secret');
    expect(rowsOf('smart-patient-write')[0]).toHaveAttribute('data-target', 'Client/tracker');
    expect(fixOf('smart-patient-write')).toBe('/clients/tracker?field=scope.1');
    expect(fixOf('smart-private-key-stored')).toBe('/clients/tracker?field=jwks.0');
    // The stored private member is named, its value never shown.
    expect(rowsOf('smart-private-key-stored')[0]).toHaveTextContent('(k)');
    expect(document.body).not.toHaveTextContent('c2VjcmV0');
  });
});
