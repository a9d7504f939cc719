import { useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch, type Path } from 'react-hook-form';
import type { ClientRecord } from '../../api/clients.ts';
import { isAidboxError, outcomeToFieldErrors } from '../../api/errors.ts';
import { HistoryView } from '../../components/history/history-view.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { LeaveGuard } from '../../components/ui/leave-guard.tsx';
import { Tabs } from '../../components/ui/tabs.tsx';
import { mergePatch } from '../../domain/json-diff.ts';
import type { JsonObject } from '../../model/json.ts';
import { grantList } from '../../domain/client-grants.ts';
import { toFormValues, formFieldForPath, type ClientFormValues } from './clients-schema.ts';
import { asJson } from './client-view.ts';
import { errorText } from '../../components/ui/error-text.ts';
import { LockoutWarning } from './delete-client-dialog.tsx';
import {
  byField,
  checkRules,
  editedClient,
  EXISTING_PROBLEMS,
  rulesResolver,
  type EditorBase,
} from './editor-rules.ts';
import { ExistingProblems } from './existing-problems.tsx';
import { useFieldFocus, type EditorTab } from './field-focus.ts';
import { GrantsSection } from './grants-section.tsx';
import { IdentitySection } from './identity-section.tsx';
import { KeysSection } from './keys-section.tsx';
import { MoreSections } from './more-sections.tsx';
import { RawJsonTab } from './raw-json-tab.tsx';

/** `saved`: the stored version after a write, which the form adopts for the fields left alone since. */
export type SaveOutcome = { ok: true; saved?: JsonObject } | { ok: false; error?: unknown };

interface EditorFormProps {
  base: ClientRecord;
  draft: JsonObject;
  isConsole: boolean;
  onSave: (edited: JsonObject) => Promise<SaveOutcome>;
  /** The raw JSON tab produced a new draft: the form restarts from it. */
  onDraft: (draft: JsonObject) => void;
}

const EDITOR_TABS: { id: EditorTab; label: string }[] = [
  { id: 'form', label: 'Form' },
  { id: 'json', label: 'Raw JSON' },
  { id: 'history', label: 'History' },
];

export function EditorForm({ base, draft, isConsole, onSave, onDraft }: EditorFormProps) {
  const editorBase = useMemo<EditorBase>(
    () => ({ draft, initial: toFormValues(draft), loaded: base }),
    [base, draft],
  );
  // useForm reads its options on every render, so a new resolver takes effect at once.
  const [acknowledged, setAcknowledged] = useState(false);
  const resolver = useMemo(
    () =>
      rulesResolver(
        () => editorBase,
        () => acknowledged,
      ),
    [editorBase, acknowledged],
  );
  const form = useForm<ClientFormValues>({ defaultValues: editorBase.initial, resolver });
  const [tab, setTab] = useState<EditorTab>('form');
  // `?field=` from a review link: open its tab, scroll to it, focus it.
  const controls = useMemo(() => flatten(editorBase.initial), [editorBase]);
  useFieldFocus((name) => controls[name] === true, tab, setTab);
  const [guarded, setGuarded] = useState<JsonObject>();
  const [understood, setUnderstood] = useState(false);
  // Text typed in the raw JSON tab and not yet saved or applied is work too (raw-json-tab.tsx).
  const [jsonDraft, setJsonDraft] = useState(false);
  const [formError, setFormError] = useState('');
  const watched = useWatch({ control: form.control }) as ClientFormValues;
  const edited = useMemo(() => editedClient(editorBase, watched), [editorBase, watched]);
  // Dirty means a save would send something: the same test the save itself makes.
  const dirty = useMemo(() => Object.keys(mergePatch(asJson(base), edited)).length > 0, [base, edited]);
  const rules = useMemo(
    () => checkRules(editorBase, edited, watched.legacyOverride),
    [editorBase, edited, watched.legacyOverride],
  );
  const warnings = useMemo(() => byField(rules.warnings), [rules]);
  const needsAcknowledgement = form.formState.errors.root?.[EXISTING_PROBLEMS] !== undefined;

  async function send(client: JsonObject) {
    setFormError('');
    const outcome = await onSave(client);
    if (outcome.ok) {
      // Fields edited while the save was in flight are dirty and keep the user's value.
      if (outcome.saved) form.reset(toFormValues(outcome.saved), { keepDirtyValues: true });
      return;
    }
    if (outcome.error === undefined) return;
    const mapped = isAidboxError(outcome.error)
      ? outcomeToFieldErrors(outcome.error.issues, 'Client')
      : undefined;
    if (!mapped) {
      setFormError(errorText(outcome.error));
      return;
    }
    const formLevel = [...mapped.form];
    const known = flatten(editorBase.initial);
    for (const [path, messages] of Object.entries(mapped.fields)) {
      const field = formFieldForPath(path);
      if (known[field]) {
        form.setError(
          field as Path<ClientFormValues>,
          { type: 'server', message: messages.join(' ') },
          { shouldFocus: true },
        );
      } else formLevel.push(`${path}: ${messages.join(' ')}`);
    }
    if (formLevel.length > 0) setFormError(formLevel.join(' '));
    else if (Object.keys(mapped.fields).length === 0) setFormError(errorText(outcome.error));
  }

  function submitClient(client: JsonObject) {
    // Changing the console's own Client can lock everyone out: confirm first.
    if (isConsole) setGuarded(client);
    else void send(client);
  }

  return (
    <FormProvider {...form}>
      {/* idBase: field-focus.ts finds a field's control inside its panel by these ids. */}
      <Tabs label="Editor view" idBase="editor" value={tab} onChange={setTab} items={EDITOR_TABS}>
        {tab === 'history' ? (
          // Unsaved edits stay in the form while the versions are read.
          <HistoryView type="Client" id={base.client.id ?? ''} />
        ) : tab === 'json' ? (
          <RawJsonTab
            initial={edited}
            loaded={editorBase.loaded}
            onApply={(json) => onDraft(json)}
            onSave={submitClient}
            formError={formError}
            onDraftChange={setJsonDraft}
          />
        ) : (
          <form
            className="cc-form"
            noValidate
            onSubmit={(e) =>
              void form.handleSubmit(() => submitClient(editedClient(editorBase, form.getValues())))(e)
            }
          >
            <IdentitySection warnings={warnings} />
            <GrantsSection warnings={warnings} loadedGrants={grantList(editorBase.loaded.client)} />
            <KeysSection clientId={base.client.id ?? ''} client={edited} />
            <MoreSections warnings={warnings} />
            <ExistingProblems
              issues={rules.existing}
              acknowledged={acknowledged}
              onAcknowledge={setAcknowledged}
              blocked={needsAcknowledgement}
            />
            <div className="cc-sticky-actions">
              <Button type="submit" variant="primary" loading={form.formState.isSubmitting}>
                Save changes
              </Button>
              <Button onClick={() => form.reset(editorBase.initial)}>Discard changes</Button>
              {Object.keys(form.formState.errors).some((k) => k !== 'root') ? (
                <p className="field-error" role="alert">
                  Fix the fields marked above before saving.
                </p>
              ) : needsAcknowledgement && !acknowledged ? (
                <p className="field-error">Not saved: acknowledge the existing problems above first.</p>
              ) : null}
              {formError && (
                <p className="field-error" role="alert">
                  {formError}
                </p>
              )}
            </div>
          </form>
        )}
      </Tabs>
      <LeaveGuard when={dirty || jsonDraft} title="Discard unsaved changes?">
        <p>Your changes to this Client are not saved. If you leave now, they are lost.</p>
      </LeaveGuard>
      <Dialog
        open={guarded !== undefined}
        title="Save changes to the console’s own Client?"
        onClose={() => setGuarded(undefined)}
        footer={
          <>
            <Button onClick={() => setGuarded(undefined)}>Cancel</Button>
            <Button
              variant="danger"
              disabled={!understood}
              onClick={() => {
                const client = guarded;
                setGuarded(undefined);
                if (client) void send(client);
              }}
            >
              Save anyway
            </Button>
          </>
        }
      >
        <LockoutWarning checked={understood} onChange={setUnderstood} action="change" />
      </Dialog>
    </FormProvider>
  );
}

function flatten(values: unknown, prefix = '', out: Record<string, true> = {}): Record<string, true> {
  if (values && typeof values === 'object' && !Array.isArray(values)) {
    for (const [k, v] of Object.entries(values)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out[prefix] = true;
  return out;
}
