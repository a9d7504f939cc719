// SMART EHR launch for the playground (aidbox-docs smart-on-fhir/smart-client-authorization/
// smart-app-launch.md): the EHR opens `<Client.smart.launch_uri>?iss=<FHIR base>&launch=<JWT>`,
// and the app sends `launch` back to /auth/authorize with `aud` = iss. Aidbox builds that URI with
// `POST /rpc aidbox.smart/get-launch-uri`; the playground asks it as the signed-in admin (playing
// the EHR), or takes a launch URL pasted from a real EHR.
import { aidbox } from '../../api/aidbox-client.ts';
import { AidboxError } from '../../api/errors.ts';
import { decodeJwt } from '../../domain/jwt.ts';

export const GET_LAUNCH_URI = 'aidbox.smart/get-launch-uri';

export interface Launch {
  launch: string;
  /** The FHIR base the EHR named: the `aud` of the authorization request. */
  iss: string;
  /** From the launch value's `ctx.patient`, when it is a readable JWT (Aidbox's is). */
  patient: string | undefined;
  /** The launch value's `user` and `exp` (seconds), when readable: who must sign in, and until when. */
  user?: string | undefined;
  exp?: number | undefined;
}

/** What Aidbox's launch JWT says (smart-app-launch.md: client, user, exp, ctx.patient). */
function contextOf(launch: string): Pick<Launch, 'patient' | 'user' | 'exp'> {
  const d = decodeJwt(launch);
  if (!d.ok || d.kind !== 'jwt') return { patient: undefined };
  const { ctx, user, exp } = d.payload;
  const p = typeof ctx === 'object' && ctx !== null ? (ctx as Record<string, unknown>).patient : undefined;
  return {
    patient: typeof p === 'string' ? p : undefined,
    ...(typeof user === 'string' ? { user } : {}),
    ...(typeof exp === 'number' ? { exp } : {}),
  };
}

/** A launch URL as the EHR opened it; an error message when `iss` or `launch` is missing. */
export function parseLaunchUrl(text: string): Launch | string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'Not a URL: paste the whole address the EHR opened (…?iss=…&launch=…).';
  }
  const launch = url.searchParams.get('launch');
  const iss = url.searchParams.get('iss');
  if (!launch) return 'The URL has no launch parameter.';
  if (!iss) return 'The URL has no iss parameter (the FHIR server the EHR names).';
  return { launch, iss, ...contextOf(launch) };
}

/** Asks Aidbox for a launch; rejects with a message meant for the developer. */
export async function requestLaunch(params: {
  client: string;
  user: string;
  patient: string;
  iss: string;
}): Promise<Launch> {
  try {
    const res = await aidbox().request({
      method: 'POST',
      path: '/rpc',
      body: {
        method: GET_LAUNCH_URI,
        params: {
          client: params.client,
          user: params.user,
          iss: params.iss,
          ...(params.patient ? { ctx: { patient: params.patient } } : {}),
        },
      },
    });
    const result = (res.data as { result?: Record<string, unknown> } | undefined)?.result;
    const uri = typeof result?.uri === 'string' ? result.uri : undefined;
    const launch = typeof result?.launch === 'string' ? result.launch : undefined;
    const parsed = uri ? parseLaunchUrl(uri) : undefined;
    if (parsed && typeof parsed !== 'string') return parsed;
    if (launch) return { launch, iss: params.iss, ...contextOf(launch) };
    throw new Error('Aidbox answered without result.launch or result.uri.');
  } catch (e) {
    if (!(e instanceof AidboxError)) throw e;
    if (e.status === 401 || e.status === 403) {
      throw new Error(
        `Your console sign-in may not call ${GET_LAUNCH_URI} (HTTP ${e.status}): an AccessPolicy must allow POST /rpc for it. Or paste a launch URL from your EHR.`,
      );
    }
    if (e.status === 404) {
      throw new Error(`This Aidbox does not answer ${GET_LAUNCH_URI} (it needs version 2411 or later).`);
    }
    throw new Error(`Aidbox refused the launch (HTTP ${e.status}): ${e.message}`);
  }
}
