// Aidbox's own policy evaluator, `POST /auth/test-policy` (debug-access-control.md; aidbox-api.md
// §2.7): one policy against one described request. Development mode only; the console detects
// once whether it answers and otherwise evaluates from the policy text (issue 11).
import { aidbox } from './aidbox-client.ts';
import { isAidboxError } from './errors.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `/auth/test-policy` is refused: dev mode off (404) or the caller not allowed to use it (403). */
export class TestPolicyUnavailable extends Error {
  constructor(
    readonly reason: 'dev-mode' | 'forbidden',
    readonly diagnostics: string,
  ) {
    super(`POST /auth/test-policy refused (${reason}): ${diagnostics}`);
    this.name = 'TestPolicyUnavailable';
  }
}

export interface TestPolicyRequest {
  uri: string;
  'request-method': string;
  body?: unknown;
  'client-id'?: string;
}

/**
 * The verdict in a test-policy answer. Aidbox's pages spell it `eval-result` (debug-access-control.md,
 * under `result`) and `evalResult` (the `__debug=policy` output); both are read, under `result` or
 * at the top level, so either reading of an undocumented detail works.
 */
export function evalResultOf(data: unknown): boolean | undefined {
  if (!isRecord(data)) return undefined;
  for (const holder of [data.result, data]) {
    if (!isRecord(holder)) continue;
    const v = holder['eval-result'] ?? holder.evalResult;
    if (typeof v === 'boolean') return v;
  }
  return undefined;
}

export type TestPolicyMode =
  { available: true } | { available: false; reason: 'dev-mode' | 'forbidden' | 'error'; diagnostics: string };

/**
 * Whether Aidbox answers `/auth/test-policy` for this user (asked once, with an `allow` policy
 * that touches nothing): dev mode off answers 404, a caller without the rule 403.
 */
export async function detectTestPolicy(signal?: AbortSignal): Promise<TestPolicyMode> {
  try {
    await testPolicy({ uri: '/fhir/metadata', 'request-method': 'get' }, { engine: 'allow' }, signal);
    return { available: true };
  } catch (e) {
    if (e instanceof TestPolicyUnavailable)
      return { available: false, reason: e.reason, diagnostics: e.diagnostics };
    if (signal?.aborted) throw e;
    return { available: false, reason: 'error', diagnostics: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Aidbox's own verdict for one policy on one described request (aidbox-api.md §2.7). Resolves to
 * the `eval-result`; a refused endpoint rejects with TestPolicyUnavailable so the page can explain.
 */
export async function testPolicy(
  request: TestPolicyRequest,
  policy: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    const res = await aidbox().request({
      method: 'POST',
      path: '/auth/test-policy',
      body: { request, policy },
      signal,
      timeoutMs: 30_000,
    });
    const verdict = evalResultOf(res.data);
    if (verdict === undefined) throw new Error('Unexpected answer from /auth/test-policy (no eval-result)');
    return verdict;
  } catch (e) {
    if (isAidboxError(e) && (e.status === 404 || e.status === 405))
      throw new TestPolicyUnavailable('dev-mode', e.diagnostics);
    if (isAidboxError(e) && e.status === 403) throw new TestPolicyUnavailable('forbidden', e.diagnostics);
    throw e;
  }
}
