// Tab memory for the playground: pending authorizations and the last few runs. Module state on
// purpose: it survives navigating around the console but not a reload, and never touches
// sessionStorage/localStorage (tokens must not be stored; e2e/fixtures.ts checks).
import { useSyncExternalStore } from 'react';
import type { PendingAuthorization } from '../../domain/oauth-request-authorize.ts';
import type { Exchange } from './exchange.ts';
import type { Flow } from './flows.ts';

export interface RunTokens {
  access?: string;
  refresh?: string;
  id?: string;
  /**
   * The grant that issued the access token (a refresh keeps its origin); absent when unknown. A
   * client_credentials token has no user, so user-only endpoints (userinfo) are not offered for it.
   */
  issuedBy?: Flow;
}

export interface Run {
  id: string;
  startedAt: number;
  clientId: string;
  flow: Flow;
  exchanges: Exchange[];
  tokens: RunTokens;
  /** Local findings (refused callbacks, ID-token checks), shown as text. */
  notes: RunNote[];
}

export interface RunNote {
  tone: 'error' | 'info' | 'success';
  text: string;
}

export const MAX_RUNS = 5;
const PENDING_TTL_MS = 10 * 60_000;

const pending = new Map<string, PendingAuthorization & { at: number }>();
let runs: Run[] = [];
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function rememberPending(p: PendingAuthorization): void {
  const now = Date.now();
  for (const [state, old] of pending) if (now - old.at > PENDING_TTL_MS) pending.delete(state);
  pending.set(p.state, { ...p, at: now });
}

/** Looks up and forgets in one go: a state is good for one response only. */
export function takePending(state: string): PendingAuthorization | undefined {
  const found = pending.get(state);
  pending.delete(state);
  if (!found || Date.now() - found.at > PENDING_TTL_MS) return undefined;
  return found;
}

export function saveRun(run: Run): void {
  runs = [run, ...runs.filter((r) => r.id !== run.id)].slice(0, MAX_RUNS);
  emit();
}

/** The runs kept in this tab's memory (what RecentRuns shows). */
export function currentRuns(): readonly Run[] {
  return runs;
}

export function useRuns(): Run[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => runs,
  );
}

let runCounter = 0;
export function newRunId(): string {
  return `run-${++runCounter}`;
}
