import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AidboxError, type AidboxErrorInit } from '../../api/errors.ts';
import { ErrorPanel } from './error-panel.tsx';
import { errorText, retryHelps } from './error-text.ts';

const err = (init: Partial<AidboxErrorInit> & Pick<AidboxErrorInit, 'kind' | 'status'>) =>
  new AidboxError({ method: 'GET', path: '/fhir/Client', ...init });

describe('retryHelps', () => {
  it.each([
    ['network', err({ kind: 'network', status: 0 })],
    ['timeout', err({ kind: 'timeout', status: 0 })],
    ['5xx', err({ kind: 'server', status: 503 })],
    ['429', err({ kind: 'server', status: 429, reason: 'rate-limited' })],
    ['a non-Aidbox failure (a chunk that did not load)', new TypeError('Failed to fetch module')],
  ])('offers a retry after %s', (_, error) => {
    expect(retryHelps(error)).toBe(true);
  });

  it.each([
    ['404', err({ kind: 'not-found', status: 404 })],
    ['403', err({ kind: 'forbidden', status: 403 })],
    ['401', err({ kind: 'unauthorized', status: 401 })],
    ['409', err({ kind: 'conflict', status: 409, reason: 'version-conflict' })],
    ['422 (validation)', err({ kind: 'invalid', status: 422 })],
    ['a write whose outcome is unknown', err({ kind: 'network', status: 0, outcomeUnknown: true })],
  ])('offers none after %s', (_, error) => {
    expect(retryHelps(error)).toBe(false);
  });
});

describe('ErrorPanel', () => {
  it('shows Retry on a server failure and calls it', async () => {
    const onRetry = vi.fn();
    render(
      <ErrorPanel
        title="The Clients could not be loaded"
        error={err({ kind: 'server', status: 503 })}
        onRetry={onRetry}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The Clients could not be loaded');
    expect(alert).toHaveTextContent('Aidbox failed (HTTP 503)');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no Retry on a 404 even when the caller passes one', () => {
    render(<ErrorPanel error={err({ kind: 'not-found', status: 404 })} onRetry={() => undefined} />);
    expect(screen.getByRole('heading', { name: /Not found/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('renders the server words as text, never as HTML', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    render(
      <ErrorPanel
        error={err({
          kind: 'invalid',
          status: 422,
          issues: [{ severity: 'error', code: 'invalid', diagnostics: hostile }],
        })}
      />,
    );
    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('errorText', () => {
  it('is one sentence: the meaning, then the server words or what to do', () => {
    expect(
      errorText(
        err({
          kind: 'invalid',
          status: 422,
          issues: [{ severity: 'error', code: 'invalid', diagnostics: 'bad uri' }],
        }),
      ),
    ).toBe('Aidbox rejected the request: bad uri');
    expect(errorText(err({ kind: 'forbidden', status: 403 }))).toBe(
      'Your account lacks the Aidbox permission for this action. Ask an Aidbox administrator for an AccessPolicy that allows it.',
    );
  });
});
