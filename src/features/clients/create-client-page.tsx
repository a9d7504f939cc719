import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { clientMutations } from '../../api/clients.ts';
import { isAidboxError, outcomeToFieldErrors } from '../../api/errors.ts';
import { runMutation } from '../../api/run-mutation.ts';
import { LeaveGuard, SKIP_LEAVE_GUARD } from '../../components/ui/leave-guard.tsx';
import { clientKind, isClientKindId, type ClientKind } from '../../domain/client-kinds.ts';
import { validateClient } from '../../domain/client-validation.ts';
import { secretFingerprint } from '../../domain/fingerprint.ts';
import { Button } from '../../components/ui/button.tsx';
import { errorText } from '../../components/ui/error-text.ts';
import {
  createClientSchema,
  createFieldForPath,
  EMPTY_CREATE,
  type CreateClientValues,
} from './create-client-schema.ts';
import { KindPicker } from './kind-picker.tsx';
import { paths } from '../../routes/paths.ts';
import { Checkbox } from '../../components/form/choice-fields.tsx';
import { TextField } from '../../components/form/text-field.tsx';
import { SecretOnce } from './secret-once.tsx';
import './clients.css';

export function CreateClientPage() {
  const [search] = useSearchParams();
  const kindId = search.get('kind') ?? '';
  const kind = isClientKindId(kindId) ? clientKind(kindId) : undefined;
  return (
    <section className="cc-page" aria-labelledby="create-heading">
      <header className="cc-page-header">
        <h1 id="create-heading">{kind ? kind.heading : 'New Client'}</h1>
        <Link to={kind ? paths.newClient() : paths.clients()}>
          {kind ? 'Choose another type' : 'Back to Clients'}
        </Link>
      </header>
      {kind ? <CreateClientForm key={kind.id} kind={kind} /> : <KindPicker />}
    </section>
  );
}

function CreateClientForm({ kind }: { kind: ClientKind }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ id: string; secret: string; fingerprint: string }>();
  const [formError, setFormError] = useState('');
  const form = useForm<CreateClientValues>({
    resolver: zodResolver(createClientSchema),
    defaultValues: EMPTY_CREATE,
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  // Not a useMutation: its variables would hold the new secret in the MutationCache.
  async function submit(values: CreateClientValues) {
    setFormError('');
    const built = kind.build({
      id: values.id,
      ...(values.name ? { name: values.name } : {}),
      ...(kind.needsRedirectUri ? { redirectUri: values.redirectUri } : {}),
      allowBasic: values.allowBasic,
    });
    // Recorded like a rotation does, so the secret's age is known from day one and the review
    // does not call a brand-new secret "never rotated".
    const fingerprint = built.secret ? await secretFingerprint(built.secret) : '';
    const resource = built.secret
      ? {
          ...built,
          details: { secretRotatedAt: new Date().toISOString(), secretFingerprint: fingerprint },
        }
      : built;
    const rules = validateClient(resource, { isNew: true, clientKind: kind.id });
    const messages = new Map<keyof CreateClientValues | 'root', string[]>();
    for (const issue of rules.errors) {
      const field = createFieldForPath(issue.path) ?? 'root';
      messages.set(field, [...(messages.get(field) ?? []), issue.message]);
    }
    for (const [field, list] of messages) form.setError(field, { message: list.join(' ') });
    if (rules.errors.length > 0) return;
    try {
      // The options close over the resource and its secret: no mutation variable ever holds it.
      // Success refreshes every Client query through the mutation's meta.
      await runMutation(queryClient, clientMutations.create(resource), undefined);
    } catch (error) {
      if (isAidboxError(error) && error.reason === 'exists') {
        form.setError(
          'id',
          { message: `Client '${values.id}' already exists. Choose another id.` },
          { shouldFocus: true },
        );
        return;
      }
      const mapped = isAidboxError(error) ? outcomeToFieldErrors(error.issues, 'Client') : undefined;
      for (const [path, messages] of Object.entries(mapped?.fields ?? {})) {
        const field = createFieldForPath(path);
        if (field) form.setError(field, { message: messages.join(' ') });
      }
      setFormError(errorText(error));
      return;
    }
    if (resource.secret) setCreated({ id: values.id, secret: resource.secret, fingerprint });
    else void navigate(paths.client({ id: values.id }), { state: SKIP_LEAVE_GUARD });
  }

  if (created) {
    return (
      <SecretOnce
        clientId={created.id}
        secret={created.secret}
        fingerprint={created.fingerprint}
        onDone={() =>
          void navigate(paths.client({ id: created.id }), { replace: true, state: SKIP_LEAVE_GUARD })
        }
      />
    );
  }
  return (
    <form className="cc-form" noValidate onSubmit={(e) => void form.handleSubmit(submit)(e)}>
      <p className="cc-muted">{kind.explanation}</p>
      <LeaveGuard when={isDirty} title="Discard this new Client?">
        <p>The Client has not been created yet. If you leave now, what you typed is lost.</p>
      </LeaveGuard>
      <TextField
        label="Client id"
        help="The OAuth client_id. Letters, digits, “-” and “.”; it cannot be changed later."
        error={errors.id?.message}
        autoComplete="off"
        spellCheck={false}
        {...form.register('id')}
      />
      <TextField
        label="Name"
        help="Shown to admins and, for first-party apps, on the sign-in page."
        error={errors.name?.message}
        {...form.register('name')}
      />
      {kind.needsRedirectUri && (
        <TextField
          label="Redirect URI"
          help={
            kind.id === 'mobile'
              ? 'A reverse-DNS custom scheme (com.example.app:/callback) or a loopback address (http://127.0.0.1:PORT/callback).'
              : 'The exact https address Aidbox sends users back to after sign-in. No wildcards, no “#”.'
          }
          error={errors.redirectUri?.message}
          spellCheck={false}
          {...form.register('redirectUri')}
        />
      )}
      {kind.id === 'fhir-server' && (
        <Checkbox
          label="Also allow HTTP Basic authentication (only for servers that cannot use OAuth)"
          {...form.register('allowBasic')}
        />
      )}
      {kind.credential === 'secret' && (
        <p className="field-help">
          A 256-bit secret is generated when you create the Client and shown to you once.
        </p>
      )}
      {(formError || errors.root?.message) && (
        <p role="alert" className="field-error">
          {errors.root?.message ?? formError}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          Create Client
        </Button>
      </div>
    </form>
  );
}
