// The effective-access run both audit screens share: plan the evaluations for the chosen Clients,
// types and interactions, run them (console first, then Aidbox when it answers), fold the cells.
import { useEffect, useMemo } from 'react';
import type { ClientSubject } from '../../domain/client-grants.ts';
import type { ClientRef, Interaction } from '../../domain/effective-access.ts';
import type { PolicyResource } from '../../domain/matrix.ts';
import { buildAccessRun, rowsFromIndex } from './access-model.ts';
import { useEvaluation } from './use-evaluation.ts';

export function useAccessRun(
  refs: readonly ClientRef[],
  policies: readonly PolicyResource[] | undefined,
  clients: readonly ClientSubject[] | undefined,
  types: readonly string[],
  interactions: readonly Interaction[],
) {
  const { state, start, cancel } = useEvaluation();
  const { plan, index } = useMemo(
    () => buildAccessRun(policies ?? [], refs, types, interactions),
    [policies, refs, types, interactions],
  );
  const byId = useMemo(
    () => new Map((clients ?? []).map(({ client }) => [client.id ?? '', client])),
    [clients],
  );
  const ready = refs.length > 0 && policies !== undefined;
  const run = useMemo(() => () => start({ plan, cells: index, clients: byId }), [start, plan, index, byId]);
  useEffect(() => {
    if (ready) run();
  }, [ready, run]);
  const rows = useMemo(() => rowsFromIndex(index, state.results), [index, state.results]);
  return { state, rows, cancel, run };
}
