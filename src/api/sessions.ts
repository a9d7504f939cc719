// Aidbox `Session` resources (one per issued token): list by Client, revoke one.
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { aidbox } from './aidbox-client.ts';
import { fetchSessionsSince } from './audit.ts';
import type { InvalidatesMeta } from './query-meta.ts';
import { SessionSchema, type Session } from '../model/session.ts';
import { BundleSchema } from './types.ts';

export interface SessionPage {
  sessions: Session[];
  total: number | undefined;
}

/** Token hashes are of no use to an admin and stay out of the cache. */
const HIDDEN = ['access_token', 'refresh_token', 'authorization_code'] as const;

const DAY_MS = 86_400_000;

export const sessionMutationMeta: InvalidatesMeta = { invalidates: [['Session']] };

export async function fetchClientSessions(clientId: string, signal?: AbortSignal): Promise<SessionPage> {
  const res = await aidbox().request({
    path: '/fhir/Session',
    query: { client: clientId, _count: 100, _sort: '-_lastUpdated', _total: 'accurate' },
    signal,
  });
  const bundle = BundleSchema.parse(res.data);
  const sessions = (bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r) => r !== undefined)
    .map((r) => {
      const s: Record<string, unknown> = { ...SessionSchema.parse(r) };
      for (const key of HIDDEN) delete s[key];
      return s as Session;
    });
  return { sessions, total: bundle.total };
}

export const sessionQueries = {
  all: () => ['Session'] as const,
  byClient: (clientId: string) =>
    queryOptions({
      queryKey: ['Session', 'by-client', clientId] as const,
      queryFn: ({ signal }) => fetchClientSessions(clientId, signal),
    }),
  /**
   * Sessions started in the last `idleDays` days, as the review's idle rule reads them; the Clients
   * list and the security review share this one fetch and cache entry.
   */
  since: (idleDays: number) =>
    queryOptions({
      queryKey: ['Session', 'since-days', idleDays] as const,
      queryFn: ({ signal }) => fetchSessionsSince(new Date(Date.now() - idleDays * DAY_MS), signal),
      staleTime: 60_000,
    }),
};

export async function deleteSession(id: string): Promise<void> {
  await aidbox().request({ method: 'DELETE', path: `/fhir/Session/${encodeURIComponent(id)}` });
}

export interface RevokeTally {
  done: number;
  failed: number;
  total: number;
}

export interface RevokeVariables {
  ids: readonly string[];
  /** called after each Session, so the screen can show progress */
  onProgress?: (tally: RevokeTally) => void;
}

export const sessionMutations = {
  /**
   * Revokes Sessions one by one (a failure does not stop the rest) and refreshes every Session
   * query once at the end, through `meta`.
   */
  revokeAll: () =>
    mutationOptions({
      mutationFn: async ({ ids, onProgress }: RevokeVariables): Promise<RevokeTally> => {
        const tally = { done: 0, failed: 0, total: ids.length };
        for (const id of ids) {
          try {
            await deleteSession(id);
            tally.done++;
          } catch {
            tally.failed++;
          }
          onProgress?.({ ...tally });
        }
        return tally;
      },
      meta: sessionMutationMeta,
    }),
};
