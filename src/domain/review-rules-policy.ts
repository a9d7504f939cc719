/**
 * Review rules about AccessPolicies (issue 7 §1): links that mix Clients and Operations, global
 * policies, and which policies link each Client (the input of the per-Client reach rules).
 * Link semantics follow aidbox-api.md §2.3: link entries are OR-ed, no link = global.
 */
import type { Severity } from './lint-client.ts';
import { toColumn, type PolicyResource } from './matrix.ts';
import type { ReviewFinding } from './review-rules.ts';

/** client id → the policies whose `link` names that Client. */
export function policyReach(policies: readonly PolicyResource[]): Map<string, PolicyResource[]> {
  const out = new Map<string, PolicyResource[]>();
  for (const p of policies) {
    for (const clientId of toColumn(p).clientIds) {
      const list = out.get(clientId) ?? [];
      list.push(p);
      out.set(clientId, list);
    }
  }
  return out;
}

/**
 * Policy-level findings. `clientIds` (every known Client) lets a link to a Client that no longer
 * exists be reported too: if that id is ever re-created it inherits the access silently.
 */
export function policyFindings(
  policies: readonly PolicyResource[],
  clientIds: ReadonlySet<string>,
): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  for (const p of policies) {
    const id = p.id ?? '';
    if (!id) continue;
    const col = toColumn(p);
    const add = (f: {
      rule: string;
      severity: Severity;
      title: string;
      detail: string;
      source: string;
      path: string;
    }) =>
      out.push({
        ...f,
        key: `${f.rule}|AccessPolicy/${id}|${f.path}`,
        targetType: 'AccessPolicy',
        targetId: id,
      });

    if (col.kind === 'mixed') {
      add({
        rule: 'mixed-link',
        severity: 'high',
        title: 'Link mixes Clients and Operations',
        detail: `Link entries are OR-ed: besides ${col.clientIds.join(', ')}, anyone calling ${col.operationIds.join(', ')} is evaluated by this policy. Split it into one Client-linked and one Operation-linked policy.`,
        path: 'link',
        source: 'Aidbox AccessPolicy best practices (link entries are OR-ed)',
      });
    }
    if (col.kind === 'global' && !p.roleName) {
      const allowAll = p.engine === 'allow';
      add({
        rule: 'global-policy',
        severity: allowAll ? 'high' : 'low',
        title: allowAll ? 'Global allow-everything policy' : 'Global policy',
        detail: allowAll
          ? 'No link and engine allow: every authenticated request to Aidbox is allowed. Link it to the one Client that needs it.'
          : 'No link: it is evaluated on every request by every Client and User. Check that it grants only what everyone may do, and mind its cost.',
        path: 'link',
        source:
          'Aidbox access policies ("global policies run on every request"); OWASP ASVS 5.0 V8 (least privilege)',
      });
    }
    const dangling = col.clientIds.filter((c) => !clientIds.has(c));
    if (clientIds.size > 0 && dangling.length > 0) {
      add({
        rule: 'dangling-link',
        severity: 'low',
        title: 'Links a Client that does not exist',
        detail: `Links ${dangling.join(', ')}, which ${dangling.length === 1 ? 'does' : 'do'} not exist. A Client created later with that id would inherit this access.`,
        path: 'link',
        source: 'OWASP ASVS 5.0 V8 (least privilege)',
      });
    }
  }
  return out;
}
