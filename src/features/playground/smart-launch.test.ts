// Asking Aidbox for an EHR launch (POST /rpc aidbox.smart/get-launch-uri, smart-app-launch.md):
// the documented answer becomes a launch, refusals become what to do next.
import { describe, expect, it } from 'vitest';
import { installFakeAidbox } from '../../testing/render.tsx';
import { requestLaunch } from './smart-launch.ts';

const b64 = (v: unknown) =>
  btoa(JSON.stringify(v)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const LAUNCH = `${b64({ alg: 'RS256' })}.${b64({ client: 'app', user: 'u1', exp: 1_900_000_000, ctx: { patient: 'p1' } })}.c2ln`;
const PARAMS = { client: 'app', user: 'u1', patient: 'p1', iss: 'http://box/fhir' };

function answering(status: number, body: unknown) {
  const server = installFakeAidbox();
  const bodies: unknown[] = [];
  server.fetch = (_input, init) => {
    bodies.push(JSON.parse(typeof init?.body === 'string' ? init.body : 'null'));
    return Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );
  };
  return bodies;
}

describe('requestLaunch', () => {
  it('sends the documented RPC and reads launch, iss and context from the answer', async () => {
    const bodies = answering(200, {
      result: {
        uri: `https://app/launch?iss=http%3A%2F%2Fbox%2Ffhir&launch=${LAUNCH}`,
        launch: LAUNCH,
        iss: 'http://box/fhir',
        'launch-uri': 'https://app/launch',
      },
    });
    await expect(requestLaunch(PARAMS)).resolves.toEqual({
      launch: LAUNCH,
      iss: 'http://box/fhir',
      patient: 'p1',
      user: 'u1',
      exp: 1_900_000_000,
    });
    expect(bodies).toEqual([
      {
        method: 'aidbox.smart/get-launch-uri',
        params: { client: 'app', user: 'u1', iss: 'http://box/fhir', ctx: { patient: 'p1' } },
      },
    ]);
  });

  it('explains a refused permission and an Aidbox without the RPC', async () => {
    answering(403, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] });
    await expect(requestLaunch(PARAMS)).rejects.toThrow(/may not call aidbox.smart\/get-launch-uri.*paste/);
    answering(404, {});
    await expect(requestLaunch(PARAMS)).rejects.toThrow(/2411 or later/);
  });
});
