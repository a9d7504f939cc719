// Issue 11 §3: when Aidbox answers /auth/test-policy differently from the console's own evaluation,
// the disagreement is a visible finding and Aidbox's answer is the one the cell shows.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, expect, it, vi } from 'vitest';
import { configureAidbox, createAidboxClient, resetAidbox } from '../../api/aidbox-client.ts';
import { AuthProvider } from '../../auth/auth-context.tsx';
import type { AuthService } from '../../auth/auth-service.ts';
import { auditRoutes } from './routes.tsx';

afterEach(() => {
  resetAidbox();
  vi.unstubAllGlobals();
});

const client = { resourceType: 'Client', id: 'app', meta: { versionId: '1' }, grant_types: ['basic'] };
const policy = {
  resourceType: 'AccessPolicy',
  id: 'app-read',
  meta: { versionId: '3' },
  engine: 'matcho',
  matcho: { operation: { id: 'FhirRead' } },
  link: [{ reference: 'Client/app' }],
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const bundle = (resources: unknown[]) =>
  json({
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource })),
  });

/** A fake Aidbox whose evaluator says `verdict` for every policy except the mode probe. */
function fakeAidbox(verdict: (policy: Record<string, unknown>) => boolean) {
  const asked: Record<string, unknown>[] = [];
  const fetchFn: typeof fetch = (input, init) => Promise.resolve(answer(input, init));
  function answer(input: RequestInfo | URL, init?: RequestInit): Response {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/fhir/Client') return bundle([client]);
    if (url.pathname === '/fhir/AccessPolicy') return bundle([policy]);
    if (url.pathname === '/auth/test-policy') {
      const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as {
        policy: Record<string, unknown>;
        request: unknown;
      };
      asked.push(body.policy);
      const result = body.policy.engine === 'allow' ? true : verdict(body.policy);
      return json({ request: body.request, policy: body.policy, result: { 'eval-result': result } });
    }
    return json({ resourceType: 'OperationOutcome', issue: [] }, 404);
  }
  vi.stubGlobal('fetch', fetchFn);
  configureAidbox(
    createAidboxClient({ baseUrl: 'http://box', getAccessToken: () => Promise.resolve('t'), fetch: fetchFn }),
  );
  return asked;
}

function renderAccess() {
  const snapshot = { status: 'signed-in', user: { name: 'Reviewer', email: 'r@example.com' } };
  const auth = {
    getSnapshot: () => snapshot,
    subscribe: () => () => undefined,
  } as unknown as AuthService;
  const router = createMemoryRouter([{ path: '/', children: auditRoutes }], {
    initialEntries: ['/audit/access?client=app'],
  });
  render(
    <AuthProvider auth={auth}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AuthProvider>,
  );
}

it('a disagreement between the console and Aidbox becomes a finding, and Aidbox’s answer is used', async () => {
  const asked = fakeAidbox(() => false); // Aidbox denies what the console's matcho allows
  renderAccess();
  const finding = await screen.findByRole('alert', { name: 'Cross-check with Aidbox' }, { timeout: 5000 });
  // A small plan is cross-checked whole: the 20 read cells the console allows, Aidbox denies.
  expect(finding).toHaveTextContent('The console and Aidbox disagree on 20 of 101 cross-checked evaluations');
  const items = within(finding).getAllByRole('listitem');
  expect(items).toHaveLength(20);
  expect(items[0]).toHaveTextContent(
    'The console and Aidbox disagree on policy app-read for request GET /fhir/Client/audit-probe: the console says allowed, Aidbox says denied.',
  );
  expect(asked.filter((p) => p.id === 'app-read')).toHaveLength(101);
  // Aidbox is authoritative: the cells show its verdict, not the console's.
  expect(document.querySelector('td[data-cell="Client:read"]')).toHaveTextContent('Denied');
  expect(document.querySelector('td[data-cell="Patient:read"]')).toHaveTextContent('Denied');
});
