// The console's error parsing over Aidbox's documented OperationOutcomes (src/testing/fixtures).
import {
  duplicateId409,
  unprocessable422,
  versionConflict409,
  versionConflict412,
} from '../testing/fixtures/outcomes.ts';
import { errorFromResponse, outcomeToFieldErrors } from './errors.ts';

describe('documented OperationOutcomes', () => {
  it.each([versionConflict412, versionConflict409])(
    'a versioned write answered $status is a version conflict ($source)',
    ({ status, body }) => {
      const e = errorFromResponse({ status, method: 'PATCH', path: '/fhir/Client/a', body });
      expect(e).toMatchObject({ kind: 'conflict', reason: 'version-conflict' });
      expect(e.diagnostics).toContain('Version Id mismatch');
    },
  );

  it('a transaction answered 409 or 412 is a conflict too (the matrix re-reads)', () => {
    for (const { status, body } of [versionConflict409, versionConflict412])
      expect(errorFromResponse({ status, method: 'POST', path: '/fhir', body }).kind).toBe('conflict');
  });

  it('create with an existing id is "exists"', () => {
    const e = errorFromResponse({
      status: 409,
      method: 'POST',
      path: '/fhir/Client',
      body: duplicateId409.body,
    });
    expect(e.reason).toBe('exists');
    expect(e.diagnostics).toContain('already exists');
  });

  it("422 maps the issue's expression onto the form field", () => {
    const e = errorFromResponse({
      status: 422,
      method: 'POST',
      path: '/fhir/Patient',
      body: unprocessable422.body,
    });
    expect(e.kind).toBe('invalid');
    expect(outcomeToFieldErrors(e.issues, 'Patient')).toMatchObject({ fields: { name: ['expected array'] } });
  });
});
