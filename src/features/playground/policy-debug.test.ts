import { describe, expect, it } from 'vitest';
import { debugPolicyResponse, debugPolicyResponseKebab } from '../../testing/fixtures/test-policy.ts';
import { parseDebug } from './policy-debug.tsx';

describe('__debug=policy output', () => {
  it.each([
    ['evalResult (debug-access-control.md)', debugPolicyResponse.body],
    ['eval-result (the other reading)', debugPolicyResponseKebab.body],
  ])('reads each policy’s %s', (_name, body) => {
    expect(parseDebug(body)).toEqual({
      decision: true,
      policies: [
        { id: 'policy-1', engine: 'sql', result: true, error: undefined },
        { id: 'policy-2', engine: 'json-schema', result: false, error: undefined },
      ],
    });
  });
});
