/**
 * The security review's SMART findings for one Client (issue 12 §6), in the review's own shape
 * (ReviewFinding of review-rules.ts). Pure: built on smart-scopes.ts and jwks-validate.ts, so the
 * review, the scope editor and the key form never disagree.
 *
 * "Patient-facing" here means the Client asks for a patient context: a `patient/` scope or
 * `launch/patient`. Such an app acts in a patient's record, often on the patient's own device, so
 * SMART App Launch 2.x's least-privilege advice weighs most there.
 */
import type { ClientDraft } from '../model/client.ts';
import { grantList, holdsSecret } from './client-grants.ts';
import { PRIVATE_MEMBERS, checkJwksUri, isLoopbackHttp, rsaModulusBits } from './jwks-validate.ts';
import type { ReviewFinding } from './review-rules.ts';
import { isResourceScope, parseScope, writes, type ResourceScope } from './smart-scopes.ts';

const SCOPES_SRC = 'SMART App Launch 2.x, scopes-and-launch-context';
const AIDBOX_SCOPES_SRC = 'aidbox-docs smart-on-fhir/smart-scopes-for-limiting-access.md';
const BACKEND_SRC = 'SMART App Launch 2.x Backend Services; RFC 7523';
const MIN_RSA_BITS = 2048;

type Draft = Omit<ReviewFinding, 'key' | 'targetType' | 'targetId'>;

/** The Client's `scope` as [path, scope] pairs (Aidbox stores a list; a string is tolerated). */
function scopeEntries(client: ClientDraft): [string, string][] {
  const s: unknown = client.scope;
  if (typeof s === 'string')
    return s
      .split(/\s+/)
      .filter(Boolean)
      .map((x) => ['scope', x]);
  if (!Array.isArray(s)) return [];
  return s.flatMap((x, i): [string, string][] => (typeof x === 'string' ? [[`scope.${i}`, x]] : []));
}

export function isPatientFacing(client: ClientDraft): boolean {
  return scopeEntries(client).some(([, s]) => s.startsWith('patient/') || s === 'launch/patient');
}

/** A client_credentials Client that authenticates with its own keys (private_key_jwt). */
export function isKeyedBackend(client: ClientDraft): boolean {
  const keyed = !!client.jwks_uri || (Array.isArray(client.jwks) && client.jwks.length > 0);
  return keyed && grantList(client).includes('client_credentials');
}

/** `hasStoredSecret`: whether Aidbox holds a secret for the Client (reads never carry it). */
export function smartFindings(client: ClientDraft, hasStoredSecret: boolean): ReviewFinding[] {
  const id = client.id ?? '';
  const out: Draft[] = [...scopeFindings(client), ...keyFindings(client, hasStoredSecret)];
  return out.map((f) => ({
    ...f,
    key: `${f.rule}|Client/${id}|${f.path}`,
    targetType: 'Client',
    targetId: id,
  }));
}

function scopeFindings(client: ClientDraft): Draft[] {
  const out: Draft[] = [];
  const patientFacing = isPatientFacing(client);
  const v1: [string, ResourceScope][] = [];
  for (const [path, raw] of scopeEntries(client)) {
    const p = parseScope(raw);
    if ('message' in p) {
      out.push({
        rule: 'smart-invalid-scope',
        severity: 'high',
        title: 'Malformed SMART scope',
        detail: `${raw}: ${p.message}. Aidbox rejects a token whose scopes break its rules; fix or remove it.`,
        path,
        source: AIDBOX_SCOPES_SRC,
      });
      continue;
    }
    if (!isResourceScope(p)) continue;
    if (p.version === 1) v1.push([path, p]);
    if (p.context === 'system' && p.type === '*') {
      out.push({
        rule: 'smart-wildcard-system-scope',
        severity: 'high',
        title: 'Wildcard system scope',
        detail: `${raw} lets the service reach every resource type of every patient. List the types it needs.`,
        path,
        source: BACKEND_SRC,
      });
    }
    if (patientFacing && p.context !== 'system' && (writes(p) || p.type === '*')) {
      const what = writes(p) && p.type === '*' ? 'write and wildcard' : writes(p) ? 'write' : 'wildcard';
      out.push({
        rule: 'smart-patient-write',
        severity: 'high',
        title: `Patient-facing app with a ${what} scope`,
        detail: `${raw}: a patient-facing app should read and search (rs) the types it shows, no more. Narrow it unless the app must write.`,
        path,
        source: SCOPES_SRC,
      });
    }
  }
  if (v1.length > 0) {
    out.push({
      rule: 'smart-v1-scopes',
      severity: 'low',
      title: 'SMART v1 scopes',
      detail: `${v1.map(([, s]) => s.raw).join(', ')}: v1 syntax cannot separate read from search or create from delete. Use v2 (e.g. .rs instead of .read).`,
      path: v1.length === 1 ? (v1[0]?.[0] ?? 'scope') : 'scope',
      source: SCOPES_SRC,
    });
  }
  return out;
}

function keyFindings(client: ClientDraft, hasStoredSecret: boolean): Draft[] {
  const out: Draft[] = [];
  const uri = client.jwks_uri;
  if (typeof uri === 'string' && uri !== '') {
    const problem = checkJwksUri(uri);
    if (problem || isLoopbackHttp(uri)) {
      out.push({
        rule: 'smart-jwks-uri-not-https',
        severity: problem ? 'high' : 'medium',
        title: 'jwks_uri is not https',
        detail: problem
          ? `${problem} Anyone on the path could swap the keys and sign as this Client.`
          : 'Plain http on loopback works only on a development machine; use https anywhere else.',
        path: 'jwks_uri',
        source: BACKEND_SRC,
      });
    }
  }
  const jwks: unknown[] = Array.isArray(client.jwks) ? client.jwks : [];
  const seen = new Map<string, number>();
  jwks.forEach((jwk, i) => {
    if (typeof jwk !== 'object' || jwk === null) return;
    const key = jwk as Record<string, unknown>;
    const path = `jwks.${i}`;
    const priv = PRIVATE_MEMBERS.filter((m) => m in key);
    if (priv.length > 0) {
      out.push({
        rule: 'smart-private-key-stored',
        severity: 'high',
        title: 'Private key material stored on the Client',
        detail: `Key ${i + 1} holds private members (${priv.join(', ')}). Anyone who can read Clients can sign as this app: remove the key, issue a new pair and keep only its public half here.`,
        path,
        source: 'RFC 7517 §4; RFC 7523',
      });
    }
    const bits = key.kty === 'RSA' && typeof key.n === 'string' ? rsaModulusBits(key.n) : undefined;
    if (bits !== undefined && bits < MIN_RSA_BITS) {
      out.push({
        rule: 'smart-weak-rsa-key',
        severity: 'high',
        title: 'Weak RSA key',
        detail: `Key ${i + 1} has ${bits} bits; at least ${MIN_RSA_BITS} are required. Rotate to a new key.`,
        path,
        source: 'RFC 7518 §3.3',
      });
    }
    if (typeof key.kid === 'string') {
      const first = seen.get(key.kid);
      if (first === undefined) seen.set(key.kid, i);
      else {
        out.push({
          rule: 'smart-duplicate-kid',
          severity: 'medium',
          title: 'Duplicate kid',
          detail: `Keys ${first + 1} and ${i + 1} share kid "${key.kid}": the server cannot tell which one an assertion means. Give each key its own kid.`,
          path,
          source: 'SMART App Launch 2.x Backend Services (kid unique within the JWK Set)',
        });
      }
    }
  });
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(JSON.stringify(client))) {
    out.push({
      rule: 'smart-private-key-stored',
      severity: 'high',
      title: 'Private key material stored on the Client',
      detail:
        'A PEM private key is stored in this Client. Remove it, issue a new pair and store only the public key.',
      path: '',
      source: 'RFC 7523',
    });
  }
  if (isKeyedBackend(client) && holdsSecret(client, hasStoredSecret)) {
    out.push({
      rule: 'smart-secret-beside-keys',
      severity: 'medium',
      title: 'Backend service keeps a shared secret beside its keys',
      detail:
        'It authenticates with its own keys, yet a client secret still works too: the weaker credential stays open. Remove the secret once the keys are in use.',
      path: 'secret',
      source: BACKEND_SRC,
    });
  }
  return out;
}
