import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { clientMutations } from '../../api/clients.ts';
import { isAidboxError, outcomeToFieldErrors } from '../../api/errors.ts';
import { runMutation } from '../../api/run-mutation.ts';
import { KeySetup } from '../../components/keys/key-setup.tsx';
import { LeaveGuard, SKIP_LEAVE_GUARD } from '../../components/ui/leave-guard.tsx';
import { clientKind, isClientKindId, type ClientKind } from '../../domain/client-kinds.ts';
import { Button } from '../../components/ui/button.tsx';
import { errorText } from '../../components/ui/error-text.ts';
import { buildNewClient, type KeyChoice } from './create-client-build.ts';
import {
  createClientSchema,
  createDefaults,
  createFieldForPath,
  type CreateClientValues,
} from './create-client-schema.ts';
import { KindPicker } from './kind-picker.tsx';
import { paths } from '../../routes/paths.ts';
import { Checkbox } from '../../components/form/choice-fields.tsx';
import { TextField } from '../../components/form/text-field.tsx';
import { ScopeEditor } from './scope-editor.tsx';
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

const REDIRECT_HELP = {
  native:
    'A reverse-DNS custom scheme (com.example.app:/callback) or a loopback address (http://127.0.0.1:PORT/callback).',
  web: 'The exact https address Aidbox sends users back to after sign-in. No wildcards, no “#”.',
};

function CreateClientForm({ kind }: { kind: ClientKind }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ id: string; secret: string; fingerprint: string }>();
  const [formError, setFormError] = useState('');
  // Public keys only (KeySetup keeps a generated private key to itself): safe in state.
  const [keys, setKeys] = useState<KeyChoice>({ value: {}, valid: false });
  const [keysError, setKeysError] = useState('');
  const form = useForm<CreateClientValues>({
    resolver: zodResolver(createClientSchema),
    defaultValues: createDefaults(kind),
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [clientId, scope] = useWatch({ control: form.control, name: ['id', 'scope'] });

  // Not a useMutation: its variables would hold the new secret in the MutationCache.
  async function submit(values: CreateClientValues) {
    setFormError('');
    setKeysError('');
    const { resource, fingerprint, errors: issues } = await buildNewClient(kind, values, keys);
    const messages = new Map<keyof CreateClientValues | 'root', string[]>();
    const keyMessages: string[] = [];
    for (const issue of issues) {
      const field = createFieldForPath(issue.path) ?? 'root';
      if (field === 'keys') keyMessages.push(issue.message);
      else messages.set(field, [...(messages.get(field) ?? []), issue.message]);
    }
    for (const [field, list] of messages) form.setError(field, { message: list.join(' ') });
    setKeysError(keyMessages.join(' '));
    if (issues.length > 0) return;
    try {
      // The options close over the resource and its secret: no mutation variable ever holds it.
      // Success refreshes every Client query through the mutation's meta. One POST: the Client is
      // written whole, keys included, or not at all.
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
      for (const [path, list] of Object.entries(mapped?.fields ?? {})) {
        const field = createFieldForPath(path);
        if (field && field !== 'keys') form.setError(field, { message: list.join(' ') });
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
  const keyed = kind.credential === 'keys';
  return (
    <form className="cc-form" noValidate onSubmit={(e) => void form.handleSubmit(submit)(e)}>
      <p className="cc-muted">{kind.explanation}</p>
      {/* A generated private key not yet downloaded has its own guard (KeySetup's), mounted later, so
          react-router consults it instead of this one while it shows. */}
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
          help={kind.id === 'mobile' ? REDIRECT_HELP.native : REDIRECT_HELP.web}
          error={errors.redirectUri?.message}
          spellCheck={false}
          {...form.register('redirectUri')}
        />
      )}
      {kind.launchUri && (
        <TextField
          label={kind.launchUri === 'required' ? 'Launch URI' : 'Launch URI (optional)'}
          help={
            kind.launchUri === 'required'
              ? 'Where the EHR opens the app with ?iss=…&launch=… (smart.launch_uri). https only.'
              : 'Only if the EHR can also launch the app: where it opens it (smart.launch_uri). https only.'
          }
          error={errors.launchUri?.message}
          required={kind.launchUri === 'required'}
          spellCheck={false}
          {...form.register('launchUri')}
        />
      )}
      {kind.id === 'fhir-server' && (
        <Checkbox
          label="Also allow HTTP Basic authentication (only for servers that cannot use OAuth)"
          {...form.register('allowBasic')}
        />
      )}
      {keyed && (
        <fieldset className="cc-section" aria-describedby={keysError ? 'create-keys-error' : undefined}>
          <legend>Keys</legend>
          <p className="field-help">
            It authenticates with a JWT signed by its own private key (private_key_jwt); Aidbox checks it
            against these public keys. No shared secret is created.
          </p>
          <KeySetup
            clientId={clientId}
            value={keys.value}
            onChange={(value, valid) => {
              setKeys({ value, valid });
              if (valid) setKeysError('');
            }}
          />
          {keysError && (
            <p id="create-keys-error" className="field-error" role="alert">
              {keysError}
            </p>
          )}
        </fieldset>
      )}
      {kind.defaultScopes && (
        <fieldset className="cc-section">
          <legend>Scopes</legend>
          <ScopeEditor value={scope} error={errors.scope?.message} {...form.register('scope')} />
        </fieldset>
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
