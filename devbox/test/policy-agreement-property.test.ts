// Issue 11 §6, property-based: fast-check generates Matcho patterns (every documented operator,
// regexes, presence tests, `.path` references) and request objects; the console's matcho must
// give devbox's answer on each. In process for many runs, and over POST /auth/test-policy (the
// console reads the request object devbox echoes) for a smaller number.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule } from '../../src/domain/policy-eval/evaluate.ts';
import { matches } from '../../src/domain/policy-eval/matcho.ts';
import { matcho } from '../policy/matcho.ts';
import { startTestDevbox, TEST_ROOT_SECRET, type TestDevbox } from '../testing/start.ts';
import { bearerFor, evalResultOf } from './policy-agreement-helpers.ts';

const key = fc.constantFrom('a', 'b', 'id', 'type', 'tags', 'resource/type');
const word = fc.constantFrom('x', 'y', 'Patient', 'get', '5', '', ' ');
const leaf = fc.oneof(word, fc.constantFrom(0, 1, 5), fc.boolean(), fc.constant(null));
/** Request-like values: maps of short keys, arrays, and leaves. */
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(key, tie('v'), { maxKeys: 3 }),
  ),
})).v;

const stringPattern = fc.oneof(
  word,
  fc.constantFrom('present?', 'nil?', 'not-blank?', '#^P', '#\\d', '#x|y', '.a', '.a.id', '.b.0', '.tags'),
);
const pattern = fc.letrec<{ p: unknown }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringPattern,
    fc.constantFrom(0, 1, 5, true, false),
    fc.array(tie('p'), { maxLength: 2 }),
    fc.dictionary(key, tie('p'), { maxKeys: 2 }),
    fc.record({ $enum: fc.array(leaf, { maxLength: 3 }) }),
    fc.record({ '$one-of': fc.array(tie('p'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ $contains: tie('p') }),
    fc.record({ $every: tie('p') }),
    fc.record({ $not: tie('p') }),
    fc.record({ '$present-all': fc.array(leaf, { maxLength: 2 }) }),
    fc.record({ $length: fc.nat(3) }),
    fc.record({ $reference: fc.dictionary(fc.constantFrom('id', 'resourceType'), word, { maxKeys: 2 }) }),
  ),
})).p;
const request = fc.dictionary(key, value, { maxKeys: 4 });

describe('matcho property: console == devbox', () => {
  it('in process, on generated patterns and requests', () => {
    fc.assert(
      fc.property(pattern, request, (p, req) => matches(p, req, req) === matcho(p, req, req)),
      { numRuns: 3000, seed: 11 },
    );
  });

  describe('over /auth/test-policy', () => {
    let box: TestDevbox;
    let auth: string;
    beforeAll(async () => {
      box = await startTestDevbox({ devMode: true });
      auth = await bearerFor(box, 'root', TEST_ROOT_SECRET);
    });
    afterAll(async () => box?.stop());

    it('on generated patterns over a generated request body', async () => {
      let compared = 0;
      await fc.assert(
        fc.asyncProperty(pattern, value, async (p, body) => {
          const res = await fetch(`${box.url}/auth/test-policy`, {
            method: 'POST',
            headers: { authorization: auth, 'content-type': 'application/json' },
            body: JSON.stringify({
              request: { uri: '/fhir/Patient', 'request-method': 'post', body },
              policy: { engine: 'matcho', matcho: { body: p } },
            }),
          });
          const answer = (await res.json()) as { request?: Record<string, unknown> };
          const server = evalResultOf(answer);
          expect(answer.request, 'test-policy echoes its request object').toBeTypeOf('object');
          const local = evaluateRule({ engine: 'matcho', matcho: { body: p } }, answer.request ?? {});
          if (local.kind !== 'decided') return true;
          compared++;
          return local.result === server;
        }),
        { numRuns: 120, seed: 12 },
      );
      expect(compared).toBeGreaterThan(100);
    });
  });
});
