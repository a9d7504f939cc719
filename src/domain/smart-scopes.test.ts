import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  grantedScopes,
  lintScopes,
  parseScope,
  parseScopes,
  scopeCovers,
  splitScopes,
  type ResourceScope,
} from './smart-scopes.ts';

const resource = (raw: string): ResourceScope => {
  const p = parseScope(raw);
  if ('message' in p || p.kind !== 'resource') throw new Error(`not a resource scope: ${raw}`);
  return p;
};
const error = (raw: string): string => {
  const p = parseScope(raw);
  if (!('message' in p)) throw new Error(`parsed: ${raw}`);
  return p.message;
};

describe('parseScope', () => {
  // Examples from SMART App Launch 2.x, scopes-and-launch-context.
  it.each([
    ['patient/Observation.rs', 'patient', 'Observation', ['r', 's'], 2, ''],
    ['user/*.cruds', 'user', '*', ['c', 'r', 'u', 'd', 's'], 2, ''],
    ['system/*.rs', 'system', '*', ['r', 's'], 2, ''],
    ['patient/Observation.cu', 'patient', 'Observation', ['c', 'u'], 2, ''],
    ['user/Appointment.cruds', 'user', 'Appointment', ['c', 'r', 'u', 'd', 's'], 2, ''],
    [
      'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
      'patient',
      'Observation',
      ['r', 's'],
      2,
      'category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
    ],
    ['patient/Observation.read', 'patient', 'Observation', ['r', 's'], 1, ''],
    ['user/*.*', 'user', '*', ['c', 'r', 'u', 'd', 's'], 1, ''],
    ['system/*.write', 'system', '*', ['c', 'u', 'd'], 1, ''],
    ['patient/*.read', 'patient', '*', ['r', 's'], 1, ''],
  ] as const)('%s', (raw, context, type, interactions, version, query) => {
    expect(resource(raw)).toEqual({ kind: 'resource', raw, context, type, interactions, version, query });
  });

  it.each([
    ['openid', 'identity'],
    ['fhirUser', 'identity'],
    ['launch', 'launch'],
    ['launch/patient', 'launch'],
    ['launch/encounter', 'launch'],
    ['offline_access', 'refresh'],
    ['online_access', 'refresh'],
    ['custom:thing', 'other'],
  ])('%s is a %s scope', (raw, kind) => {
    expect(parseScope(raw)).toEqual({ kind, raw });
  });

  it.each([
    ['patient/Observation', /type>\.<permissions/],
    ['patient/observation.rs', /not a resource type/],
    ['patient/Observation.sr', /cruds in that order/],
    ['patient/Observation.rr', /cruds in that order/],
    ['patient/Observation.x', /cruds in that order/],
    ['patient/Observation.', /No permissions/],
    ['patient/Observation.read?status=final', /v1 permissions/],
    ['system/Observation.rs?status=final', /system\//],
    ['user/*.rs?status=final', /wildcard/],
    ['patient/Observation.rs?', /Nothing after \?/],
    ['patient/Observation.rs?_include=Observation:subject', /_include/],
    ['patient/Patient.rs?_has:Observation:patient:code=1', /_has/],
    ['patient/Observation.rs?=x', /needs a name/],
    ['practitioner/Observation.rs', /patient\/, user\/ or system\//],
    ['launch/', /needs a context/],
  ])('%s is malformed', (raw, message) => {
    expect(error(raw)).toMatch(message);
  });
});

describe('parseScopes', () => {
  it('splits on whitespace, drops duplicates and collects one error per malformed scope', () => {
    const r = parseScopes(
      '  openid fhirUser\npatient/Observation.rs  patient/Observation.rs bad/X.y patient/Foo.zz',
    );
    expect(r.scopes.map((s) => s.raw)).toEqual(['openid', 'fhirUser', 'patient/Observation.rs']);
    expect(r.errors.map((e) => e.scope)).toEqual(['bad/X.y', 'patient/Foo.zz']);
  });
  it('takes a list too', () => {
    expect(splitScopes(['a b', 'c', 'a'])).toEqual(['a', 'b', 'c']);
  });
});

describe('scopeCovers (devbox semantics)', () => {
  it.each([
    ['user/*.cruds', 'user/Observation.rs', true],
    ['user/*.read', 'user/Observation.rs', true],
    ['user/Observation.read', 'user/Observation.r', true],
    ['user/Observation.rs', 'user/Observation.read', true],
    ['user/Observation.rs', 'user/Observation.cruds', false],
    ['user/Observation.rs', 'patient/Observation.rs', false],
    ['user/Observation.rs', 'user/Patient.rs', false],
    ['patient/Observation.rs', 'patient/Observation.rs?category=laboratory', true],
    ['patient/Observation.rs?category=laboratory', 'patient/Observation.rs', false],
    ['patient/Observation.rs?category=laboratory', 'patient/Observation.r?category=laboratory', true],
    ['launch', 'launch/patient', false],
    ['openid', 'openid', true],
  ] as const)('%s covers %s: %s', (allowed, requested, expected) => {
    expect(scopeCovers(allowed, requested)).toBe(expected);
  });
});

describe('grantedScopes', () => {
  const allowed = 'openid launch/patient patient/*.rs offline_access';
  it('keeps each requested scope an allowed one covers', () => {
    expect(
      grantedScopes(
        'openid launch/patient patient/Observation.rs patient/Observation.cu user/Patient.rs',
        allowed,
      ),
    ).toEqual(['openid', 'launch/patient', 'patient/Observation.rs']);
  });
  it('a Client without scope restricts nothing', () => {
    expect(grantedScopes('system/*.cruds', undefined)).toEqual(['system/*.cruds']);
  });
  it('an empty request: strict grants nothing, alternate grants the Client scopes', () => {
    expect(grantedScopes('', allowed)).toEqual([]);
    expect(grantedScopes('', allowed, 'alternate')).toEqual(splitScopes(allowed));
  });
});

describe('lintScopes', () => {
  const lint = (text: string, patientFacing = false, knownTypes?: string[]) =>
    lintScopes(parseScopes(text).scopes, { patientFacing, knownTypes }).map(
      (l) => `${l.rule}:${l.severity}:${l.scope}`,
    );

  it('flags wildcards, higher on system/', () => {
    expect(lint('system/*.rs user/*.rs patient/Observation.rs')).toEqual([
      'wildcard:high:system/*.rs',
      'wildcard:medium:user/*.rs',
    ]);
  });
  it('flags writes only on patient-facing apps', () => {
    expect(lint('patient/Observation.rs patient/Observation.cu', true)).toEqual([
      'patient-write:high:patient/Observation.cu',
    ]);
    expect(lint('patient/Observation.cu', false)).toEqual([]);
    expect(lint('patient/Observation.write', true)).toEqual(['patient-write:high:patient/Observation.write']);
  });
  it('flags v1 and v2 mixed once', () => {
    expect(lint('patient/Observation.read patient/Patient.rs patient/Encounter.read')).toEqual([
      'mixed-versions:low:',
    ]);
    expect(lint('patient/Observation.read patient/Patient.read')).toEqual([]);
  });
  it('flags search parameters on c/u/d, not on r/s', () => {
    expect(lint('patient/Basic.cruds?code=x patient/Observation.rs?status=final')).toEqual([
      'query-on-write:medium:patient/Basic.cruds?code=x',
    ]);
  });
  it('flags unknown types only when a list is given, never the wildcard', () => {
    expect(
      lint('patient/Observaton.rs patient/Patient.rs user/*.rs', false, ['Patient', 'Observation']),
    ).toEqual(['unknown-type:medium:patient/Observaton.rs', 'wildcard:medium:user/*.rs']);
    expect(lint('patient/Observaton.rs')).toEqual([]);
  });
  it('ignores non-resource scopes', () => {
    expect(lint('openid fhirUser launch offline_access', true, [])).toEqual([]);
  });
});

describe('properties', () => {
  const perm = fc.subarray(['c', 'r', 'u', 'd', 's'], { minLength: 1 }).map((xs) => xs.join(''));
  const scope = fc
    .tuple(fc.constantFrom('patient', 'user', 'system'), fc.constantFrom('*', 'Observation', 'Patient'), perm)
    .map(([c, t, p]) => `${c}/${t}.${p}`);

  it('every generated v2 scope parses, and covers itself', () => {
    fc.assert(
      fc.property(scope, (s) => {
        expect(resource(s).version).toBe(2);
        expect(scopeCovers(s, s)).toBe(true);
      }),
    );
  });

  it('granted scopes are a subset of the requested ones, each covered by an allowed one', () => {
    fc.assert(
      fc.property(fc.array(scope), fc.array(scope), (requested, allowed) => {
        const granted = grantedScopes(requested, allowed);
        for (const g of granted) {
          expect(requested).toContain(g);
          expect(allowed.some((a) => scopeCovers(a, g))).toBe(true);
        }
        for (const r of requested) if (allowed.includes(r)) expect(granted).toContain(r);
      }),
    );
  });
});
