import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { clientMutations, fetchClient, refreshClients, type ClientRecord } from '../../api/clients.ts';
import { isAidboxError } from '../../api/errors.ts';
import { runMutation } from '../../api/run-mutation.ts';
import { sessionQueries } from '../../api/sessions.ts';
import { LeaveGuard } from '../../components/ui/leave-guard.tsx';
import { secretFingerprint } from '../../domain/fingerprint.ts';
import { generateSecret } from '../../domain/secret.ts';
import { rotationEligibility, rotationPatch, secretUses, verifyMethod } from '../../domain/secret-impact.ts';
import { ApplyFailure, type ApplyError } from './apply-failure.tsx';
import { ConfirmStep } from './confirm-step.tsx';
import { HandoffStep } from './handoff-step.tsx';
import { ImpactStep } from './impact-step.tsx';
import { SecretStep, type SecretChoice } from './secret-step.tsx';
import { StepList, type StepId } from './step-list.tsx';
import { VerifyStep } from './verify-step.tsx';

interface Applied {
  fingerprint: string;
  rotatedAt: string;
}

/**
 * The rotation wizard. The new secret (and the old one, if pasted) live only in this component's
 * state: never in the query cache, the URL, storage or logs. Leaving the page drops them; finishing
 * the hand-off clears them explicitly.
 */
export function RotationWizard({
  record,
  onReload,
}: {
  record: ClientRecord;
  onReload: () => Promise<{ data?: ClientRecord | undefined }>;
}) {
  // The version the admin reviewed: its versionId guards the PATCH, so any later change conflicts.
  const [base, setBase] = useState(record);
  const [step, setStep] = useState<StepId>('impact');
  const [choice, setChoice] = useState<SecretChoice>({ mode: 'generate', secret: '', oldSecret: '' });
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<Applied>();
  const [applyError, setApplyError] = useState<ApplyError>();
  const [copied, setCopied] = useState(false);
  const queryClient = useQueryClient();
  const id = base.client.id ?? '';
  const subject = { client: base.client, hasSecret: base.hasSecret };
  const sessions = useQuery(sessionQueries.byClient(id));
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus follows the step, so keyboard and screen-reader users land on the new content.
  useEffect(() => heading.current?.focus(), [step, applyError]);

  async function apply() {
    setApplying(true);
    setApplyError(undefined);
    const secret = choice.secret;
    const rotatedAt = new Date().toISOString();
    const fingerprint = await secretFingerprint(secret);
    try {
      // The options close over the patch holding the secret: no mutation variable ever holds it.
      // Success refreshes every Client query through the mutation's meta.
      const patch = rotationPatch(secret, rotatedAt, fingerprint);
      await runMutation(queryClient, clientMutations.rotate(id, patch, base.versionId ?? ''), undefined);
      setApplied({ fingerprint, rotatedAt });
      setStep('verify');
    } catch (error) {
      if (isAidboxError(error) && error.reason === 'version-conflict') {
        setApplyError({ kind: 'conflict' });
      } else if (isAidboxError(error) && error.outcomeUnknown) {
        // The answer was lost: the recorded fingerprint tells whether this very PATCH landed.
        const landed = await fetchClient(id).then(
          (r) =>
            r.client.details?.secretFingerprint === fingerprint &&
            r.client.details.secretRotatedAt === rotatedAt,
          () => undefined,
        );
        if (landed) {
          // It landed though its answer was lost, so no meta ran: refresh the Clients here.
          void refreshClients(queryClient);
          setApplied({ fingerprint, rotatedAt });
          setStep('verify');
        } else setApplyError({ kind: landed === false ? 'not-applied' : 'unknown', error });
      } else {
        setApplyError({ kind: 'failed', error });
      }
    } finally {
      setApplying(false);
    }
  }

  async function restart() {
    setChoice({ mode: 'generate', secret: '', oldSecret: '' });
    setApplyError(undefined);
    const fresh = await onReload();
    if (fresh.data) setBase(fresh.data);
    void sessions.refetch();
    setStep('impact');
  }

  function finish() {
    setChoice({ mode: 'generate', secret: '', oldSecret: '' });
    setStep('done');
  }

  const eligibility = rotationEligibility(subject);
  const uses = secretUses(subject);
  const method = verifyMethod(subject);

  return (
    <div className="sx-wizard">
      <StepList current={step} />
      {applyError ? (
        <ApplyFailure headingRef={heading} failure={applyError} onRestart={() => void restart()} />
      ) : step === 'impact' ? (
        <ImpactStep
          headingRef={heading}
          record={base}
          eligibility={eligibility}
          uses={uses}
          method={method}
          sessions={sessions}
          onNext={() => {
            // Generate is the default: the secret exists before the admin decides anything else.
            if (!choice.secret) setChoice({ ...choice, secret: generateSecret() });
            setStep('secret');
          }}
        />
      ) : step === 'secret' ? (
        <SecretStep
          headingRef={heading}
          clientId={id}
          clientName={base.client.name}
          choice={choice}
          onChange={setChoice}
          onBack={() => setStep('impact')}
          onNext={() => setStep('confirm')}
        />
      ) : step === 'confirm' ? (
        <ConfirmStep
          headingRef={heading}
          clientId={id}
          uses={uses}
          sessions={sessions}
          applying={applying}
          onBack={() => setStep('secret')}
          onApply={() => void apply()}
        />
      ) : step === 'verify' ? (
        <VerifyStep
          headingRef={heading}
          clientId={id}
          method={method}
          secret={choice.secret}
          oldSecret={choice.oldSecret}
          onNext={() => setStep('handoff')}
        />
      ) : (
        <HandoffStep
          headingRef={heading}
          clientId={id}
          secret={choice.secret}
          done={step === 'done'}
          fingerprint={applied?.fingerprint ?? ''}
          rotatedAt={applied?.rotatedAt ?? ''}
          sessions={sessions}
          onFinish={finish}
          onCopied={() => setCopied(true)}
        />
      )}
      {/* From the moment Aidbox holds the new secret until it is copied or the admin finishes, the
          plaintext exists only here. */}
      <LeaveGuard
        when={applied !== undefined && step !== 'done' && !copied}
        title="Leave without the new secret?"
        leaveLabel="Leave, the secret is lost"
      >
        <p>
          The new secret is already in effect and has not been copied. It exists only on this page: after you
          leave, nobody can read it again and the Client needs another rotation.
        </p>
      </LeaveGuard>
    </div>
  );
}
