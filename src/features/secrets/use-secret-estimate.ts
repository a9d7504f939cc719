import { useEffect, useState } from 'react';
import { estimateSecret, type SecretContext, type SecretEstimate } from '../../domain/entropy.ts';
import type { PatternMatcher } from '../../domain/entropy-patterns.ts';
import { loadMatcher } from './load-matcher.ts';

const DEBOUNCE_MS = 250;

export interface EstimateState {
  estimate: SecretEstimate | undefined;
  /** The matcher failed to load: the value cannot be judged, so it cannot be accepted. */
  loadFailed: boolean;
}

/**
 * The live estimate of the admin's own secret: zxcvbn loads on first use, and each estimate runs
 * after typing pauses (zxcvbn needs up to ~150 ms on long input). Input problems show at once.
 */
export function useSecretEstimate(secret: string, ctx: SecretContext, enabled: boolean): EstimateState {
  const [matcher, setMatcher] = useState<PatternMatcher>();
  const [loadFailed, setLoadFailed] = useState(false);
  const [estimate, setEstimate] = useState<SecretEstimate>();
  const { clientId, clientName, currentSecret } = ctx;

  useEffect(() => {
    if (!enabled || matcher) return;
    let live = true;
    loadMatcher().then(
      (m) => live && setMatcher(() => m),
      () => live && setLoadFailed(true),
    );
    return () => {
      live = false;
    };
  }, [enabled, matcher]);

  useEffect(() => {
    if (!enabled) return;
    const context = { clientId, clientName, currentSecret };
    const timer = setTimeout(() => setEstimate(estimateSecret(secret, context, matcher)), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [enabled, secret, clientId, clientName, currentSecret, matcher]);

  // Drop the old estimate the moment the value changes, so a stale "accept" never shows.
  const [seen, setSeen] = useState(secret);
  if (seen !== secret) {
    setSeen(secret);
    setEstimate(undefined);
  }
  return { estimate, loadFailed };
}
