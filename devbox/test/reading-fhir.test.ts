// /fhir behaviour that differs by reading (devbox/README.md, "Readings"): version-conflict status
// (with the OperationOutcome update.md shows, in both), per-entry ifMatch in transactions,
// Client.secret on read, and the stored form of AccessPolicy.link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor } from '../testing/http.ts';
import type { Api } from '../testing/http.ts';
import { basicAuth, startTestDevbox } from '../testing/start.ts';
import type { TestDevbox } from '../testing/start.ts';

interface R {
  id: string;
  meta: { versionId: string };
  [k: string]: unknown;
}
interface SearchSet {
  entry?: { resource: R }[];
}

const boxes: Record<'strict' | 'alternate', { box: TestDevbox; api: Api }> = {} as never;
beforeAll(async () => {
  for (const reading of ['strict', 'alternate'] as const) {
    const box = await startTestDevbox({ reading });
    boxes[reading] = { box, api: apiFor(box.url, box.rootBasic) };
  }
});
afterAll(async () => {
  await Promise.all(Object.values(boxes).map(({ box }) => box.stop()));
});

const CONFLICT = {
  resourceType: 'OperationOutcome',
  id: 'conflict',
  text: { status: 'generated', div: 'Version Id mismatch' },
  issue: [{ severity: 'fatal', code: 'conflict', diagnostics: 'Version Id mismatch' }],
};

describe.each([
  ['strict', 412],
  ['alternate', 409],
] as const)('%s reading', (reading, conflictStatus) => {
  const api = () => boxes[reading].api;

  it(`a stale If-Match on PUT, PATCH and DELETE is ${conflictStatus} with the documented OperationOutcome`, async () => {
    const created = await api()<R>('POST', '/fhir/Client', { resourceType: 'Client', id: `c-${reading}` });
    const vid = created.body.meta.versionId;
    await api()('PATCH', `/fhir/Client/c-${reading}`, { name: 'moved on' });
    const put = await api()(
      'PUT',
      `/fhir/Client/c-${reading}`,
      { resourceType: 'Client' },
      { 'If-Match': vid },
    );
    expect(put).toMatchObject({ status: conflictStatus, body: CONFLICT });
    const patch = await api()(
      'PATCH',
      `/fhir/Client/c-${reading}`,
      { name: 'x' },
      { 'If-Match': `W/"${vid}"` },
    );
    expect(patch.status).toBe(conflictStatus);
    const del = await api()('DELETE', `/fhir/Client/c-${reading}`, undefined, { 'If-Match': vid });
    expect(del.status).toBe(conflictStatus);
    // If-Match: * on a missing resource is documented as 412 (update.md) in both readings.
    const star = await api()(
      'PUT',
      `/fhir/Client/none-${reading}`,
      { resourceType: 'Client' },
      { 'If-Match': '*' },
    );
    expect(star.status).toBe(412);
  });

  it(
    reading === 'strict'
      ? 'honours ifMatch in transaction entries'
      : 'ignores ifMatch in transaction entries',
    async () => {
      const id = `tx-${reading}`;
      const created = await api()<R>('POST', '/fhir/AccessPolicy', {
        resourceType: 'AccessPolicy',
        id,
        engine: 'allow',
        link: [{ reference: 'User/nobody' }],
      });
      const stale = created.body.meta.versionId;
      await api()('PATCH', `/fhir/AccessPolicy/${id}`, { description: 'concurrent edit' });
      const tx = await api()('POST', '/fhir', {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            request: { method: 'PATCH', url: `/AccessPolicy/${id}`, ifMatch: `W/"${stale}"` },
            resource: { description: 'mine' },
          },
        ],
      });
      const after = await api()<R>('GET', `/fhir/AccessPolicy/${id}`);
      if (reading === 'strict') {
        expect(tx.status).toBe(412);
        expect(after.body.description).toBe('concurrent edit');
      } else {
        expect(tx.status).toBe(200);
        expect(after.body.description).toBe('mine');
      }
    },
  );

  it(
    reading === 'strict'
      ? 'returns Client.secret as sha256:<hex>'
      : 'omits Client.secret everywhere it returns a Client',
    async () => {
      const id = `s-${reading}`;
      const created = await api()<R>('POST', '/fhir/Client', {
        resourceType: 'Client',
        id,
        secret: 'plain-secret',
        grant_types: ['basic'],
      });
      const read = await api()<R>('GET', `/fhir/Client/${id}`);
      const search = await api()<SearchSet>('GET', `/fhir/Client?_id=${id}`);
      const history = await api()<SearchSet>('GET', `/fhir/Client/${id}/_history`);
      const seen = [
        created.body,
        read.body,
        search.body.entry?.[0]?.resource,
        history.body.entry?.[0]?.resource,
      ];
      for (const r of seen) {
        if (reading === 'strict') expect(r?.secret).toMatch(/^sha256:[0-9a-f]{64}$/);
        else expect(r).not.toHaveProperty('secret');
      }
      // The secret is still stored and still authenticates.
      const self = await fetch(`${boxes[reading].box.url}/fhir/Client/${id}`, {
        headers: { Authorization: basicAuth(id, 'plain-secret') },
      });
      expect(self.status).toBe(403); // authenticated (not 401), no policy allows it
    },
  );

  it(
    reading === 'strict'
      ? 'keeps AccessPolicy.link as sent'
      : 'stores AccessPolicy.link as {resourceType, id}',
    async () => {
      const id = `l-${reading}`;
      await api()('POST', '/fhir/Client', {
        resourceType: 'Client',
        id: `${id}-c`,
        secret: 'k',
        grant_types: ['basic'],
      });
      await api()('POST', '/fhir/AccessPolicy', {
        resourceType: 'AccessPolicy',
        id,
        engine: 'allow',
        link: [{ reference: `Client/${id}-c` }],
      });
      const read = await api()<R>('GET', `/fhir/AccessPolicy/${id}`);
      expect(read.body.link).toEqual(
        reading === 'strict'
          ? [{ reference: `Client/${id}-c` }]
          : [{ resourceType: 'Client', id: `${id}-c` }],
      );
      // Either form links: the Client is now allowed.
      const asClient = apiFor(boxes[reading].box.url, basicAuth(`${id}-c`, 'k'));
      expect((await asClient('GET', '/fhir/AccessPolicy?_count=1')).status).toBe(200);
    },
  );
});
