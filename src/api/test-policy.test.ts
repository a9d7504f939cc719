import { afterEach, describe, expect, it } from 'vitest';
import { testPolicyResponse, testPolicyResponseAllowed } from '../testing/fixtures/test-policy.ts';
import { configureAidbox, createAidboxClient, resetAidbox } from './aidbox-client.ts';
import { detectTestPolicy, evalResultOf } from './test-policy.ts';

afterEach(() => resetAidbox());

function serve(status: number, body: unknown) {
  const fetchFn: typeof fetch = () =>
    Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );
  configureAidbox(
    createAidboxClient({ baseUrl: 'http://box', getAccessToken: () => Promise.resolve('t'), fetch: fetchFn }),
  );
}

describe('test-policy answers', () => {
  it('reads result.eval-result from the documented answers, and the evalResult spelling too', () => {
    expect(evalResultOf(testPolicyResponse.body)).toBe(false);
    expect(evalResultOf(testPolicyResponseAllowed.body)).toBe(true);
    expect(evalResultOf({ result: { evalResult: true } })).toBe(true);
    expect(evalResultOf({ 'eval-result': false })).toBe(false);
    expect(evalResultOf({ result: {} })).toBeUndefined();
  });

  it('detects once whether Aidbox answers: yes, dev mode off (404), or not allowed (403)', async () => {
    serve(200, testPolicyResponseAllowed.body);
    expect(await detectTestPolicy()).toEqual({ available: true });
    serve(404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
    expect(await detectTestPolicy()).toMatchObject({ available: false, reason: 'dev-mode' });
    serve(403, { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'forbidden' }] });
    expect(await detectTestPolicy()).toMatchObject({ available: false, reason: 'forbidden' });
  });
});
