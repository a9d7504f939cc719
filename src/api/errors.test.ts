import {
  AidboxError,
  errorFromResponse,
  expressionToFieldPath,
  kindForStatus,
  outcomeToFieldErrors,
  parseErrorBody,
  parseRetryAfter,
} from './errors.ts';

describe('kindForStatus', () => {
  it.each([
    [400, 'invalid'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [408, 'timeout'],
    [409, 'conflict'],
    [410, 'not-found'],
    [412, 'conflict'],
    [413, 'invalid'],
    [422, 'invalid'],
    [429, 'server'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('%i → %s', (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
  });
});

describe('parseErrorBody', () => {
  it('reads OperationOutcome issues', () => {
    const issues = parseErrorBody({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', diagnostics: 'bad uri', expression: ['Client.x'] }],
    });
    expect(issues).toEqual([
      { severity: 'error', code: 'invalid', diagnostics: 'bad uri', expression: ['Client.x'] },
    ]);
  });
  it('reads OAuth errors', () => {
    expect(parseErrorBody({ error: 'invalid_grant', error_description: 'expired' })).toEqual([
      { severity: 'error', code: 'invalid_grant', diagnostics: 'expired' },
    ]);
    expect(parseErrorBody({ error: 'invalid_grant' })[0]?.diagnostics).toBe('invalid_grant');
  });
  it('keeps non-JSON bodies as short plain text without markup', () => {
    const [issue] = parseErrorBody('<html><body><h1>502 Bad Gateway</h1></body></html>');
    expect(issue?.diagnostics).toBe('502 Bad Gateway');
    const long = parseErrorBody('x'.repeat(1000))[0]?.diagnostics ?? '';
    expect(long.length).toBeLessThanOrEqual(301);
  });
  it('returns nothing for empty or unrecognised bodies', () => {
    expect(parseErrorBody(null)).toEqual([]);
    expect(parseErrorBody('')).toEqual([]);
    expect(parseErrorBody('   ')).toEqual([]);
    expect(parseErrorBody({ foo: 1 })).toEqual([]);
    expect(parseErrorBody({ resourceType: 'OperationOutcome' })).toEqual([]);
  });
});

describe('parseRetryAfter', () => {
  it('parses delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
  });
  it('ignores missing or garbage values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-1')).toBeUndefined();
  });
});

describe('errorFromResponse', () => {
  it('marks a duplicate POST as exists and a versioned write conflict as version-conflict', () => {
    const dup = errorFromResponse({ status: 409, method: 'POST', path: '/fhir/Client', body: null });
    expect(dup).toBeInstanceOf(AidboxError);
    expect(dup.kind).toBe('conflict');
    expect(dup.reason).toBe('exists');
    for (const status of [409, 412]) {
      const e = errorFromResponse({ status, method: 'PATCH', path: '/fhir/Client/a', body: null });
      expect(e.reason).toBe('version-conflict');
    }
  });
  it('carries Retry-After and diagnostics', () => {
    const e = errorFromResponse({
      status: 429,
      method: 'GET',
      path: '/fhir/Client',
      body: { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'slow down' }] },
      retryAfter: '3',
    });
    expect(e.reason).toBe('rate-limited');
    expect(e.retryAfterMs).toBe(3000);
    expect(e.diagnostics).toBe('slow down');
    expect(e.message).toContain('slow down');
  });
});

describe('expressionToFieldPath', () => {
  it.each([
    ['Client.auth.authorization_code.redirect_uri', 'auth.authorization_code.redirect_uri'],
    ['Client.grant_types[1]', 'grant_types.1'],
    ['auth.implicit.redirect_uri', 'auth.implicit.redirect_uri'],
    ['Client', undefined],
    ['AccessPolicy.link[0].reference', 'link.0.reference'],
  ])('%s → %s', (expr, path) => {
    expect(expressionToFieldPath(expr)).toBe(path);
  });
  it('strips only the given resource type when one is named', () => {
    expect(expressionToFieldPath('Client.name', 'Client')).toBe('name');
    expect(expressionToFieldPath('User.name', 'Client')).toBe('User.name');
  });
});

describe('outcomeToFieldErrors', () => {
  it('puts issues with expressions on fields and the rest on the form', () => {
    const result = outcomeToFieldErrors(
      [
        { diagnostics: 'must be https', expression: ['Client.auth.authorization_code.redirect_uri'] },
        { diagnostics: 'second', expression: ['Client.auth.authorization_code.redirect_uri'] },
        { details: { text: 'unknown grant' }, expression: ['Client.grant_types[0]'] },
        { diagnostics: 'whole resource is wrong' },
        { code: 'invalid', expression: ['Client'] },
      ],
      'Client',
    );
    expect(result.fields).toEqual({
      'auth.authorization_code.redirect_uri': ['must be https', 'second'],
      'grant_types.0': ['unknown grant'],
    });
    expect(result.form).toEqual(['whole resource is wrong', 'invalid']);
  });
  it('falls back to location when expression is absent', () => {
    expect(outcomeToFieldErrors([{ diagnostics: 'x', location: ['Client.name'] }]).fields).toEqual({
      name: ['x'],
    });
  });
});
