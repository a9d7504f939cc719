// SMART EHR launch as aidbox-docs smart-on-fhir/smart-client-authorization/smart-app-launch.md
// describes it: `aidbox.smart/get-launch-uri` builds `<Client.smart.launch_uri>?iss=…&launch=…`,
// where `launch` is a JWT signed with the server's key carrying client, user, exp and ctx.patient.
// The app sends it back as the `launch` parameter of /auth/authorize; the token response then
// carries `patient` and `need_patient_banner`, and the access token `context.patient`.
import { jwtVerify } from 'jose';
import type { DevboxContext } from '../context.ts';
import type { Resource } from '../store/types.ts';
import { signingKey } from './keys.ts';
import { nowSeconds, signJwt } from './tokens.ts';

/** Seconds a launch value stays usable (the docs require exp but give no lifetime). */
export const LAUNCH_TTL = 300;
const LAUNCH_TYP = 'launch+jwt';

export interface LaunchParams {
  client: string;
  user: string;
  iss: string;
  patient: string | undefined;
}

export class LaunchError extends Error {}

export async function launchUri(ctx: DevboxContext, p: LaunchParams, launchBase: string) {
  const launch = await signJwt(
    ctx,
    {
      iss: ctx.config.baseUrl,
      client: p.client,
      user: p.user,
      exp: nowSeconds() + LAUNCH_TTL,
      ctx: p.patient === undefined ? {} : { patient: p.patient },
    },
    LAUNCH_TYP,
  );
  const u = new URL(launchBase);
  u.searchParams.set('iss', p.iss);
  u.searchParams.set('launch', launch);
  return { uri: u.toString(), launch, iss: p.iss, 'launch-uri': launchBase };
}

/**
 * The patient of a launch value sent to /auth/authorize. It must be ours (signature, typ, exp)
 * and issued for this client. Strict reading: also for the signed-in user (the docs make `user`
 * a required claim); alternate: any signed-in user may continue the launch.
 */
export async function launchPatient(
  ctx: DevboxContext,
  launch: string,
  client: Resource,
  user: Resource,
): Promise<string | undefined> {
  const key = await signingKey(ctx);
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(launch, key.publicKey, {
      algorithms: ['RS256'],
      issuer: ctx.config.baseUrl,
      typ: LAUNCH_TYP,
      requiredClaims: ['exp'],
    }));
  } catch {
    throw new LaunchError('launch is invalid or expired');
  }
  if (claims.client !== client.id) throw new LaunchError('launch was issued for another client');
  if (ctx.config.reading === 'strict' && claims.user !== user.id) {
    throw new LaunchError('launch was issued for another user');
  }
  const c = claims.ctx as { patient?: unknown } | undefined;
  return typeof c?.patient === 'string' ? c.patient : undefined;
}
