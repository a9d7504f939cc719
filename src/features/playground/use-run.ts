// The run on screen: its exchanges, notes and the tokens they produced. Every change is also saved
// to the tab's in-memory history so the last few runs can be re-opened.
import { useCallback, useState } from 'react';
import { sendExchange, type Exchange } from './exchange.ts';
import type { Flow } from './flows.ts';
import { newRunId, saveRun, type Run, type RunNote, type RunTokens } from './playground-store.ts';
import type { HttpRequestSpec } from '../../domain/oauth-request.ts';

function tokensFrom(exchange: Exchange): RunTokens {
  const json = exchange.response?.json;
  if (!exchange.response || exchange.response.status >= 300 || typeof json !== 'object' || json === null)
    return {};
  const body = json as Record<string, unknown>;
  const pick = (k: string) => (typeof body[k] === 'string' && body[k] !== '' ? body[k] : undefined);
  const tokens: RunTokens = {};
  const access = pick('access_token');
  const refresh = pick('refresh_token');
  const id = pick('id_token');
  if (access) tokens.access = access;
  if (refresh) tokens.refresh = refresh;
  if (id) tokens.id = id;
  return tokens;
}

export interface RunApi {
  run: Run | null;
  /** Starts a new run (the previous one stays in history). */
  begin: (clientId: string, flow: Flow, carry?: RunTokens) => Run;
  send: (run: Run, label: string, spec: HttpRequestSpec) => Promise<Exchange>;
  note: (run: Run, note: RunNote) => void;
  setTokens: (run: Run, tokens: RunTokens) => void;
  open: (run: Run) => void;
}

export function useRun(): RunApi {
  const [run, setRun] = useState<Run | null>(null);

  const update = useCallback((id: string, change: (r: Run) => Run, base: Run) => {
    setRun((prev) => {
      const next = change(prev?.id === id ? prev : base);
      saveRun(next);
      return next;
    });
  }, []);

  const begin = useCallback((clientId: string, flow: Flow, carry: RunTokens = {}) => {
    const r: Run = {
      id: newRunId(),
      startedAt: Date.now(),
      clientId,
      flow,
      exchanges: [],
      tokens: carry,
      notes: [],
    };
    saveRun(r);
    setRun(r);
    return r;
  }, []);

  const send = useCallback(
    async (r: Run, label: string, spec: HttpRequestSpec) => {
      const exchange = await sendExchange(label, spec);
      const found = tokensFrom(exchange);
      update(
        r.id,
        (cur) => {
          const tokens: RunTokens = { ...cur.tokens, ...found };
          if (found.access) {
            const origin = cur.flow === 'refresh_token' ? cur.tokens.issuedBy : cur.flow;
            if (origin) tokens.issuedBy = origin;
            else delete tokens.issuedBy;
          }
          return { ...cur, exchanges: [...cur.exchanges, exchange], tokens };
        },
        r,
      );
      return exchange;
    },
    [update],
  );

  const note = useCallback(
    (r: Run, n: RunNote) => update(r.id, (cur) => ({ ...cur, notes: [...cur.notes, n] }), r),
    [update],
  );
  const setTokens = useCallback(
    (r: Run, tokens: RunTokens) => update(r.id, (cur) => ({ ...cur, tokens }), r),
    [update],
  );

  return { run, begin, send, note, setTokens, open: setRun };
}
