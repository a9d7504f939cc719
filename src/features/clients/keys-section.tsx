// The Client editor's "Keys" section (issue 12 §2, §6's stored-key view): the stored `jwks` with the
// validator's problems, the `jwks_uri`, adding a key (generated here or pasted) and removing one
// after a confirmation. Everything lands in the form, so the editor's one save (If-Match) writes it.
import { useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { KeyGenerator } from '../../components/keys/key-generator.tsx';
import { KeyImport } from '../../components/keys/key-import.tsx';
import { KeyTable } from '../../components/keys/key-table.tsx';
import { TextField } from '../../components/form/text-field.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { ASSERTION_TYPE } from '../../domain/client-assertion.ts';
import { checkJwksUri } from '../../domain/jwks-validate.ts';
import { isKeyedBackend } from '../../domain/smart-review-rules.ts';
import { isJsonObject } from '../../domain/json-diff.ts';
import type { JsonObject } from '../../model/json.ts';
import { paths } from '../../routes/paths.ts';
import type { ClientFormValues } from './clients-schema.ts';

interface KeysSectionProps {
  clientId: string;
  /** The Client the form edits: says whether it authenticates with its keys. */
  client: JsonObject;
}

type Way = 'generate' | 'paste';
const WAYS: { id: Way; label: string }[] = [
  { id: 'generate', label: 'Generate in the browser' },
  { id: 'paste', label: 'Paste or upload' },
];

/** Whether the Client signs client assertions (private_key_jwt) rather than sending a secret. */
export function authenticatesWithKeys(client: JsonObject): boolean {
  const auth = isJsonObject(client.auth) ? client.auth : {};
  const declared = Object.values(auth).some(
    (block) =>
      isJsonObject(block) &&
      Array.isArray(block.client_assertion_types) &&
      block.client_assertion_types.includes(ASSERTION_TYPE),
  );
  return declared || isKeyedBackend(client);
}

export function KeysSection({ clientId, client }: KeysSectionProps) {
  const { control, register, setValue, getValues, formState } = useFormContext<ClientFormValues>();
  const jwks = useWatch({ control, name: 'jwks' });
  const jwksUri = useWatch({ control, name: 'jwks_uri' });
  const [way, setWay] = useState<Way>('generate');
  const [removing, setRemoving] = useState<{ kid: string; index: number }>();
  // A generated key joins the form only once its private half is downloaded (or said to be stored):
  // a save can then never register a public key whose private key nobody holds.
  const held = useRef<Record<string, unknown>>(undefined);
  const [holding, setHolding] = useState(false);
  const uriProblem = jwksUri.trim() ? checkJwksUri(jwksUri) : undefined;
  const lastKey = jwks.length === 1 && jwksUri.trim() === '' && authenticatesWithKeys(client);
  // A Client with a secret, or a public app, has no use for keys: the section stays one line until
  // asked, so the generator does not suggest that every Client needs a key pair.
  const [opened, setOpened] = useState(false);
  const unused = !opened && jwks.length === 0 && jwksUri.trim() === '' && !authenticatesWithKeys(client);

  // Read the form at call time: the generator answers after an await, maybe after other edits.
  function add(keys: readonly Record<string, unknown>[]) {
    setValue('jwks', [...getValues('jwks'), ...keys.map((k) => ({ ...k }))], { shouldDirty: true });
  }
  function remove(index: number) {
    setValue(
      'jwks',
      getValues('jwks').filter((_, i) => i !== index),
      { shouldDirty: true },
    );
    setRemoving(undefined);
  }

  if (unused)
    return (
      <fieldset className="cc-section" name="jwks" tabIndex={-1}>
        <legend>Keys</legend>
        <p className="field-help">
          No public keys: this Client does not sign client assertions (private_key_jwt).
        </p>
        <div>
          <Button onClick={() => setOpened(true)}>Add keys…</Button>
        </div>
      </fieldset>
    );

  return (
    // name and tabIndex: a review's "?field=jwks" link focuses this section (field-focus.ts).
    <fieldset className="cc-section" name="jwks" tabIndex={-1}>
      <legend>Keys</legend>
      <p className="field-help">
        Public keys the application signs its client assertions with (private_key_jwt, no shared secret).
        Changes are written when you save the Client.
        {jwks.length > 0 || jwksUri ? (
          <>
            {' '}
            To replace a key without an outage,{' '}
            <Link to={paths.rotateKeys({ id: clientId })}>rotate keys</Link> instead.
          </>
        ) : null}
      </p>
      <KeyTable
        keys={jwks}
        caption="Stored public keys (jwks)"
        onRemove={(kid, index) => setRemoving({ kid, index })}
      />
      <TextField
        label="JWKS URI (jwks_uri)"
        help="Instead of stored keys: where the application publishes its public keys. https; plain http only on localhost, for development."
        error={formState.errors.jwks_uri?.message}
        warnings={!formState.errors.jwks_uri && uriProblem ? [uriProblem] : undefined}
        spellCheck={false}
        autoComplete="off"
        {...register('jwks_uri')}
      />
      <h3 className="keys-subheading">Add a key</h3>
      {/* Both ways stay mounted (hidden when not chosen): a switch must not drop a private key
          not yet downloaded, or pasted text not yet added. */}
      <Tabs label="How to add a key" value={way} onChange={setWay} items={WAYS}>
        <div hidden={way !== 'generate'}>
          <KeyGenerator
            clientId={clientId}
            onGenerated={(key) => {
              held.current = { ...key.publicJwk };
            }}
            onPendingChange={(pending) => {
              setHolding(pending);
              if (pending || !held.current) return;
              add([held.current]);
              held.current = undefined;
            }}
          />
          {holding ? (
            <p className="field-warning" role="status">
              The public key is added to the Client once you have downloaded its private key.
            </p>
          ) : null}
        </div>
        <div hidden={way !== 'paste'}>
          <KeyImport existing={jwks} onAdd={add} />
        </div>
      </Tabs>
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove key ${removing?.kid || `${(removing?.index ?? 0) + 1}`}?`}
        confirmLabel="Remove key"
        size="md"
        onConfirm={() => removing && remove(removing.index)}
        onCancel={() => setRemoving(undefined)}
      >
        <p>
          Once you save, an application signing with this key can no longer obtain tokens. To replace a key
          without an outage, add the new one first and verify it: <strong>Rotate keys</strong> does both.
        </p>
        {lastKey ? (
          <p className="field-error">
            This is the Client&apos;s last key, it authenticates with private_key_jwt and has no jwks_uri:
            after saving, it cannot obtain any token until a key is added again.
          </p>
        ) : null}
      </ConfirmDialog>
    </fieldset>
  );
}
