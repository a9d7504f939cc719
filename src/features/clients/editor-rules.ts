// Connects the editor form to the domain rules: zod checks the shape of each field, then the
// registration rules (domain/client-validation.ts) judge the Client the form would save.
import { set, type FieldErrors, type Resolver } from 'react-hook-form';
import type { JsonObject } from '../../model/json.ts';
import type { ClientSubject } from '../../domain/client-grants.ts';
import { validateClient, type RuleIssue, type ValidationResult } from '../../domain/client-validation.ts';
import { scopeRuleErrors } from '../../domain/scope-check.ts';
import { applyForm, clientFormSchema, formFieldForPath, type ClientFormValues } from './clients-schema.ts';

export interface EditorBase {
  /** The Client the form edits on top of (the loaded one, or a rebased/JSON-edited draft). */
  draft: JsonObject;
  /** Form values derived from `draft`: only fields that differ from these are written back. */
  initial: ClientFormValues;
  /** The server version the user loaded, and whether it holds a secret: legacy grants it had are tolerated. */
  loaded: ClientSubject;
}

export function editedClient(base: EditorBase, values: ClientFormValues): JsonObject {
  return applyForm(base.draft, base.initial, values);
}

export function checkRules(base: EditorBase, client: JsonObject, legacyOverride: boolean): ValidationResult {
  const result = validateClient(client, {
    isNew: false,
    clientKind: 'unknown',
    loaded: base.loaded.client,
    hasStoredSecret: base.loaded.hasSecret,
    legacyOverride,
  });
  // Malformed SMART scopes block like any rule; ones the loaded Client already had, in a scope
  // list left as it was, only until acknowledged.
  const scopeErrors = scopeRuleErrors(client.scope);
  if (scopeErrors.length === 0) return result;
  return JSON.stringify(client.scope) === JSON.stringify(base.loaded.client.scope)
    ? { ...result, existing: [...result.existing, ...scopeErrors] }
    : { ...result, errors: [...result.errors, ...scopeErrors] };
}

/** Rule issues grouped by the form field that shows them. */
export function byField(issues: RuleIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[formFieldForPath(issue.path) || 'root'] ??= []).push(issue.message);
  return out;
}

/** The `errors.root` key a save refused for unacknowledged existing problems carries. */
export const EXISTING_PROBLEMS = 'existing';

/**
 * zod shape checks, then the registration rules. Problems the loaded Client already had in fields
 * this edit leaves alone block the save only until `acknowledged()` says the user knows.
 */
export function rulesResolver(
  getBase: () => EditorBase,
  acknowledged: () => boolean = () => false,
): Resolver<ClientFormValues> {
  return (values) => {
    const errors: FieldErrors<ClientFormValues> = {};
    const parsed = clientFormSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        set(errors, issue.path.join('.'), { type: 'shape', message: issue.message });
      }
    } else {
      const base = getBase();
      const rules = checkRules(base, editedClient(base, values), values.legacyOverride);
      for (const [field, messages] of Object.entries(byField(rules.errors))) {
        set(errors, field, { type: 'rule', message: messages.join(' ') });
      }
      if (rules.existing.length > 0 && !acknowledged()) {
        set(errors, `root.${EXISTING_PROBLEMS}`, {
          type: 'existing',
          message: 'Acknowledge the existing problems to save.',
        });
      }
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}
