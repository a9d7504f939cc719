// The SMART parts of a token response, each with one line on what it means (SMART App Launch 2.x
// "Response to access token request"; aidbox-docs smart-on-fhir/smart-client-authorization/
// smart-app-launch.md, whose example answer carries patient, need_patient_banner, smart_style_url
// and an access token with atv and context). Values come from the server: shown as text only.
import { decodeJwt } from '../../domain/jwt.ts';
import { splitScopes } from '../../domain/smart-scopes.ts';

export interface SmartField {
  /** Where it was found: the response field, or `access_token.atv`, `id_token.fhirUser`… */
  name: string;
  value: string;
  meaning: string;
}

const RESPONSE_FIELDS: Record<string, string> = {
  patient:
    'The patient in context (EHR launch or launch/patient): the app shows this patient’s data, and patient/ scopes are limited to it.',
  encounter: 'The encounter in context (launch/encounter).',
  fhirUser:
    'The FHIR resource of the signed-in user (Patient, Practitioner…), asked for with the fhirUser scope.',
  scope: 'The scopes granted: what was requested and the Client allows. The token can do no more than these.',
  need_patient_banner:
    'true: the app must show which patient it is about (the EHR shows no banner around it).',
  smart_style_url: 'Styles the app may use to look like the EHR that launched it.',
};

const TOKEN_CLAIMS: Record<string, string> = {
  atv: 'Aidbox access-token version: 2 means Aidbox checks SMART scopes on every /fhir request; without it the scopes restrict nothing.',
  context: 'The launch context inside the token (context.patient): what Aidbox limits patient/ scopes to.',
  fhirUser: 'The FHIR resource of the user this token acts for.',
};

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function claimsOf(token: unknown): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const d = decodeJwt(token);
  return d.ok && d.kind === 'jwt' ? d.payload : undefined;
}

/** The SMART fields present in a token response body (none: an empty list, nothing shown). */
export function smartFieldsOf(body: unknown): SmartField[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const b = body as Record<string, unknown>;
  const out: SmartField[] = [];
  for (const [name, meaning] of Object.entries(RESPONSE_FIELDS)) {
    if (b[name] !== undefined) out.push({ name, value: text(b[name]), meaning });
  }
  const access = claimsOf(b.access_token);
  for (const claim of ['atv', 'context', 'fhirUser'] as const) {
    if (access?.[claim] !== undefined) {
      out.push({
        name: `access_token.${claim}`,
        value: text(access[claim]),
        meaning: TOKEN_CLAIMS[claim] ?? '',
      });
    }
  }
  const idUser = claimsOf(b.id_token)?.fhirUser;
  if (idUser !== undefined) {
    out.push({ name: 'id_token.fhirUser', value: text(idUser), meaning: RESPONSE_FIELDS.fhirUser ?? '' });
  }
  const info = b.userinfo;
  if (typeof info === 'object' && info !== null && 'fhirUser' in info && idUser === undefined) {
    out.push({
      name: 'userinfo.fhirUser',
      value: text((info as Record<string, unknown>).fhirUser),
      meaning: RESPONSE_FIELDS.fhirUser ?? '',
    });
  }
  return out;
}

/** Requested scopes the answer's `scope` left out (empty when the answer has no `scope`). */
export function scopesNotGranted(requested: string, body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const granted = (body as Record<string, unknown>).scope;
  if (typeof granted !== 'string') return [];
  const got = new Set(splitScopes(granted));
  return splitScopes(requested).filter((s) => !got.has(s));
}
