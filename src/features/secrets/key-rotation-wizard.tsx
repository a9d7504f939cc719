import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { clientMutations, fetchClient, refreshClients, type ClientRecord } from '../../api/clients.ts';
import { isAidboxError } from '../../api/errors.ts';
import { runMutation } from '../../api/run-mutation.ts';
import { sessionQueries } from '../../api/sessions.ts';
import type { PublicJwk } from '../../domain/jwks-validate.ts';
import { KeyAddStep, type NewKey } from './key-add-step.tsx';
import { KeyApplyFailure, type KeyApplyError } from './key-apply-failure.tsx';
import { KeyImpactStep } from './key-impact-step.tsx';
import { KeyRemoveStep } from './key-remove-step.tsx';
import { keyEligibility, kidOf, stillPresent, type VerifyState } from './key-rotation-plan.ts';
import { KeyVerifyStep } from './key-verify-step.tsx';
import { KeyDoneStep } from './key-done-step.tsx';
import { StepList } from './step-list.tsx';

export type KeyStepId = 'impact' | 'add' | 'verify' | 'remove' | 'done';

const KEY_STEPS: { id: KeyStepId; label: string }[] = [
  { id: 'impact', label: 'Impact' },
  { id: 'add', label: 'Add the new key' },
  { id: 'verify', label: 'Verify it' },
  { id: 'remove', label: 'Remove the old key' },
  { id: 'done', label: 'Done' },
];

/**
 * Key rotation without downtime: the new key is written beside the old one, proven at the token
 * endpoint, and only then are the old keys removed. Every write is a merge-PATCH of `jwks` guarded
 * by the version the admin last reviewed. A generated key's private half lives only in this
 * component's state (a non-serialisable CryptoKey): never in the query cache, the URL, storage or logs.
 */
export function KeyRotationWizard({
  record,
  onReload,
}: {
  record: ClientRecord;
  onReload: () => Promise<{ data?: ClientRecord | undefined }>;
}) {
  const [base, setBase] = useState(record);
  const [step, setStep] = useState<KeyStepId>('impact');
  const [newKey, setNewKey] = useState<NewKey>();
  const [verified, setVerified] = useState<VerifyState>({ kind: 'pending' });
  const [removed, setRemoved] = useState<{ kids: string[]; still: string[] }>();
  const [writing, setWriting] = useState(false);
  const [failure, setFailure] = useState<KeyApplyError>();
  const queryClient = useQueryClient();
  const id = base.client.id ?? '';
  const sessions = useQuery(sessionQueries.byClient(id));
  const heading = useRef<HTMLHeadingElement>(null);
  const eligibility = keyEligibility(base.client, base.invalidFields);

  // Focus follows the step, so keyboard and screen-reader users land on the new content.
  useEffect(() => heading.current?.focus(), [step, failure]);

  /** One guarded write of `jwks`; `landed` tells from a re-read whether a lost answer's write happened. */
  async function write(
    stage: KeyApplyError['stage'],
    jwks: PublicJwk[],
    landed: (fresh: ClientRecord) => boolean,
  ): Promise<ClientRecord | undefined> {
    setWriting(true);
    setFailure(undefined);
    try {
      const patch = { jwks };
      return await runMutation(queryClient, clientMutations.patch(), {
        id,
        patch,
        versionId: base.versionId ?? '',
      });
    } catch (error) {
      if (isAidboxError(error) && error.reason === 'version-conflict') {
        setFailure({ stage, kind: 'conflict' });
      } else if (isAidboxError(error) && error.outcomeUnknown) {
        const fresh = await fetchClient(id).catch(() => undefined);
        if (fresh && landed(fresh)) {
          // It landed though its answer was lost, so no meta ran: refresh the Clients here.
          void refreshClients(queryClient);
          return fresh;
        }
        setFailure({ stage, kind: fresh ? 'not-applied' : 'unknown', error });
      } else {
        setFailure({ stage, kind: 'failed', error });
      }
      return undefined;
    } finally {
      setWriting(false);
    }
  }

  async function add(jwks: PublicJwk[], key: NewKey) {
    const kid = kidOf(key.publicJwk);
    const saved = await write('add', jwks, (fresh) => (fresh.client.jwks ?? []).some((k) => k.kid === kid));
    if (!saved) return;
    setBase(saved);
    setNewKey(key);
    setStep('verify');
  }

  async function remove(jwks: PublicJwk[], kids: string[]) {
    const saved = await write('remove', jwks, (fresh) => stillPresent(fresh.client, kids).length === 0);
    if (!saved) return;
    // Read the Client back rather than trust the write's answer: the removal must be visible.
    const fresh = await fetchClient(id).catch(() => saved);
    setBase(fresh);
    setRemoved({ kids, still: stillPresent(fresh.client, kids) });
    setNewKey(undefined); // the private key is no longer needed: drop it
    setStep('done');
  }

  async function restart() {
    const stage = failure?.stage;
    setFailure(undefined);
    const fresh = await onReload();
    if (fresh.data) setBase(fresh.data);
    void sessions.refetch();
    // A failed removal keeps the proven new key and reviews the removal again on the fresh version,
    // unless the colleague's change took the new key away: then the rotation starts over.
    const kid = newKey ? kidOf(newKey.publicJwk) : '';
    const keptNew = (fresh.data?.client.jwks ?? []).some((k) => k.kid === kid);
    if (stage === 'add' || !keptNew) {
      setNewKey(undefined);
      setVerified({ kind: 'pending' });
      setStep('impact');
    }
  }

  const current = eligibility.kind === 'keys' ? eligibility.keys : [];
  return (
    <div className="sx-wizard kr-wizard">
      {/* A Client whose keys live at a URI, or cannot be read, has no steps here. */}
      {eligibility.kind === 'keys' ? <StepList current={step} steps={KEY_STEPS} /> : null}
      {failure ? (
        <KeyApplyFailure headingRef={heading} failure={failure} onRestart={() => void restart()} />
      ) : step === 'impact' ? (
        <KeyImpactStep
          headingRef={heading}
          record={base}
          eligibility={eligibility}
          sessions={sessions}
          onNext={() => setStep('add')}
          onResume={(publicJwk) => {
            setNewKey({ publicJwk, signing: undefined });
            setVerified({ kind: 'pending' });
            setStep('verify');
          }}
        />
      ) : step === 'add' ? (
        <KeyAddStep
          headingRef={heading}
          clientId={id}
          current={current}
          writing={writing}
          onBack={() => setStep('impact')}
          onAdd={(jwks, key) => void add(jwks, key)}
        />
      ) : step === 'verify' && newKey ? (
        <KeyVerifyStep
          headingRef={heading}
          clientId={id}
          newKey={newKey}
          verified={verified}
          onVerified={setVerified}
          onNext={() => setStep('remove')}
        />
      ) : step === 'remove' && newKey ? (
        <KeyRemoveStep
          headingRef={heading}
          clientId={id}
          current={current}
          newKid={kidOf(newKey.publicJwk)}
          verified={verified}
          sessions={sessions}
          writing={writing}
          onBack={() => setStep('verify')}
          onRemove={(jwks, kids) => void remove(jwks, kids)}
        />
      ) : (
        <KeyDoneStep headingRef={heading} clientId={id} current={current} removed={removed} />
      )}
    </div>
  );
}
