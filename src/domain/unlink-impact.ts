/**
 * What a Client loses when AccessPolicy links to it are removed (issue 14 §6: an unlink confirms
 * with its impact). The console decides each standard FHIR interaction on the review's resource
 * types from the policy text, before and after the change, with every policy that applies (global
 * ones, Operation links and the Client's other links): a request another policy still allows is
 * not lost. What only Aidbox can decide (sql, rpc, connection data) is said, never guessed.
 */
import { DEFAULT_RESOURCE_TYPES, INTERACTIONS, requestFor, type Interaction } from './effective-access.ts';
import { withLinks } from './matrix-apply.ts';
import type { PolicyResource } from './matrix.ts';
import type { PolicyDiff } from './matrix-staging.ts';
import { decideLocally } from './policy-eval/decide.ts';

export interface ClientLoss {
  clientId: string;
  /** the policies this change unlinks from the Client, with their description (untrusted text) */
  unlinked: { id: string; engine: string; description: string }[];
  /** requests allowed before and denied after, as decided by the console */
  lost: { resourceType: string; interaction: Interaction }[];
  /** requests allowed before whose answer after the change only Aidbox can give */
  undecided: { resourceType: string; interaction: Interaction }[];
  /** the policies that leave those answers to Aidbox (sql, rpc, connection data) */
  undecidedBy: string[];
  /** some request's answer before the change could not be decided by the console */
  beforeUnknown: boolean;
  /** policies still linking the Client after the change */
  stillLinked: string[];
}

/** The checked requests: each interaction on each default type (a transaction once, on `/fhir`). */
const PROBES = INTERACTIONS.flatMap((interaction) =>
  (interaction === 'transaction' ? ['*'] : DEFAULT_RESOURCE_TYPES).map((resourceType) => ({
    resourceType,
    interaction,
  })),
);

function linksClient(policy: PolicyResource, clientId: string): boolean {
  return (policy.link ?? []).some(
    (l) => l.reference === `Client/${clientId}` || (l.resourceType === 'Client' && l.id === clientId),
  );
}

/** The policies as they are once `diffs` are applied. */
export function afterDiffs(
  resources: ReadonlyMap<string, PolicyResource>,
  diffs: readonly PolicyDiff[],
): PolicyResource[] {
  const byId = new Map(diffs.map((d) => [d.policyId, d]));
  return [...resources.values()].map((p) => {
    const diff = p.id === undefined ? undefined : byId.get(p.id);
    return diff ? { ...withLinks(p, diff), meta: p.meta } : p;
  });
}

/**
 * Per Client that loses a link in `diffs`, what it can no longer do. `clients` gives the Client
 * resources the rules see (`{id}` alone when unknown); at most `limit` Clients are evaluated, the
 * order of their first removal kept.
 */
export function unlinkImpact(
  resources: ReadonlyMap<string, PolicyResource>,
  diffs: readonly PolicyDiff[],
  clients: ReadonlyMap<string, Record<string, unknown>> = new Map(),
  limit = 20,
): ClientLoss[] {
  const removedFrom = new Map<string, string[]>();
  for (const d of diffs)
    for (const c of d.remove) removedFrom.set(c, [...(removedFrom.get(c) ?? []), d.policyId]);
  const before = [...resources.values()];
  const after = afterDiffs(resources, diffs);
  return [...removedFrom].slice(0, limit).map(([clientId, policyIds]) => {
    const client = { resourceType: 'Client', ...clients.get(clientId), id: clientId };
    const loss: ClientLoss = {
      clientId,
      unlinked: policyIds.map((id) => {
        const p = resources.get(id);
        return {
          id,
          engine: typeof p?.engine === 'string' ? p.engine : '—',
          description: typeof p?.description === 'string' ? p.description : '',
        };
      }),
      lost: [],
      undecided: [],
      undecidedBy: [],
      beforeUnknown: false,
      stillLinked: after.filter((p) => p.id && linksClient(p, clientId)).map((p) => p.id ?? ''),
    };
    for (const probe of PROBES) {
      const r = requestFor(probe.resourceType === '*' ? 'Bundle' : probe.resourceType, probe.interaction);
      const parts = { method: r['request-method'], path: r.uri, body: r.body, client, clientId };
      const was = decideLocally(before, parts).decision;
      if (was === 'unknown') loss.beforeUnknown = true;
      if (was !== 'allowed') continue;
      const now = decideLocally(after, parts);
      if (now.decision === 'denied') loss.lost.push(probe);
      else if (now.decision === 'unknown') {
        loss.undecided.push(probe);
        for (const p of now.policies)
          if (p.verdict.kind === 'needs-aidbox' && !loss.undecidedBy.includes(p.id))
            loss.undecidedBy.push(p.id);
      }
    }
    return loss;
  });
}

/**
 * Requests in a few readable lines: types that lose the same interactions share a line,
 * e.g. "read, search: Patient, Observation"; "transaction" stands alone.
 */
export function lossLines(lost: ClientLoss['lost']): string[] {
  const byType = new Map<string, Interaction[]>();
  for (const l of lost) byType.set(l.resourceType, [...(byType.get(l.resourceType) ?? []), l.interaction]);
  const byInteractions = new Map<string, string[]>();
  for (const [type, interactions] of byType) {
    if (type === '*') continue;
    const key = interactions.join(', ');
    byInteractions.set(key, [...(byInteractions.get(key) ?? []), type]);
  }
  const lines = [...byInteractions].map(([interactions, types]) =>
    types.length === DEFAULT_RESOURCE_TYPES.length
      ? `${interactions} on every resource type checked`
      : `${interactions}: ${types.join(', ')}`,
  );
  if (byType.has('*')) lines.push('transactions and batches (POST /fhir)');
  return lines;
}

/** The headline of a Client's loss, before its lost lines. */
export function lossHeadline(loss: ClientLoss): string {
  if (loss.lost.length > 0) return `It can no longer make ${loss.lost.length} of the checked requests:`;
  return loss.undecided.length > 0
    ? 'It loses none of the checked requests for certain.'
    : 'It loses none of the checked requests (standard FHIR interactions on the review’s resource types).';
}

/** The sentence before the lines of requests only Aidbox can decide; undefined when there are none. */
export function undecidedHeadline(loss: ClientLoss): string | undefined {
  const n = loss.undecided.length;
  if (n === 0) return undefined;
  const what = loss.unlinked.length === 1 ? 'policy' : 'policies';
  return `It may also lose ${n} ${n === 1 ? 'request' : 'requests'} the unlinked ${what} allowed: whether another policy still allows ${n === 1 ? 'it' : 'them'}, only Aidbox can say (${loss.undecidedBy.join(', ')}):`;
}

/** After the lost lines: what it keeps, and what only Aidbox can tell. Empty when nothing to add. */
export function lossNotes(loss: ClientLoss): string[] {
  const notes: string[] = [];
  if (loss.beforeUnknown)
    notes.push(
      'Some requests depend on rules only Aidbox evaluates (sql, rpc or connection data) and are not listed.',
    );
  notes.push(
    loss.stillLinked.length > 0
      ? `It stays linked to ${loss.stillLinked.join(', ')}.`
      : 'No other policy links it: only global policies and Operation links still apply to it.',
  );
  return notes;
}
