// What demo-backend's own requests really get from devbox (Basic auth), to hold the security
// review's cells against reality: allowed unless 403 (404 on a missing id is still allowed).
import { DEMO_SECRETS } from '../devbox/seed/demo-secrets.ts';
import { deleteResource } from './api.ts';
import { E2E } from './env.ts';

const basic = 'Basic ' + Buffer.from(`demo-backend:${DEMO_SECRETS['demo-backend']}`).toString('base64');

export async function realStatus(type: string, interaction: string): Promise<number> {
  const base = `${E2E.devboxUrl}/fhir`;
  const probe = `audit-e2e-${Date.now().toString(36)}`;
  const call = (method: string, url: string, body?: unknown) =>
    fetch(url, {
      method,
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let res: Response;
  switch (interaction) {
    case 'read':
      res = await call('GET', `${base}/${type}/${probe}`);
      break;
    case 'search':
      res = await call('GET', `${base}/${type}?_count=1`);
      break;
    case 'create':
      res = await call('POST', `${base}/${type}`, { resourceType: type, id: probe });
      if (res.status === 201) await deleteResource(type, probe);
      break;
    case 'update':
      res = await call('PUT', `${base}/${type}/${probe}`, { resourceType: type });
      if (res.status < 300) await deleteResource(type, probe);
      break;
    case 'delete':
      res = await call('DELETE', `${base}/${type}/${probe}`);
      break;
    default:
      res = await call('POST', base, { resourceType: 'Bundle', type: 'transaction', entry: [] });
  }
  return res.status;
}
