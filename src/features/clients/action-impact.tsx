// What deactivating or deleting a Client breaks, shown in its confirmation (issue 14 §6): the grants
// that stop working, the Sessions already issued, and the AccessPolicies that link it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { policyQueries } from '../../api/policies.ts';
import { sessionQueries, type SessionPage } from '../../api/sessions.ts';
import { policyReach } from '../../domain/review-rules-policy.ts';
import { isLiveSession } from '../../domain/session-impact.ts';

function sessionText(page: SessionPage, now: number): string {
  const live = page.sessions.filter((s) => isLiveSession(s, now)).length;
  const more = page.total !== undefined && page.total > page.sessions.length;
  return `${more ? `${live}+` : live} active Session${live === 1 && !more ? '' : 's'}`;
}

export function ActionImpact({
  clientId,
  grants,
  action,
}: {
  clientId: string;
  grants: readonly string[];
  action: 'deactivate' | 'delete';
}) {
  const sessions = useQuery(sessionQueries.byClient(clientId));
  const policies = useQuery(policyQueries.list());
  const linked = policies.data ? (policyReach(policies.data).get(clientId) ?? []) : undefined;
  const [now] = useState(Date.now);

  return (
    <ul className="cc-impact" aria-label="Impact">
      <li>
        {grants.length > 0 ? (
          <>
            Token requests with <strong>{grants.join(', ')}</strong> are refused from now on.
          </>
        ) : (
          <>It has no grant types: no application can get tokens with it anyway.</>
        )}
      </li>
      <li>
        {sessions.isPending ? (
          'Counting its Sessions…'
        ) : sessions.isError ? (
          'Its Sessions could not be counted.'
        ) : (
          <>
            <strong>{sessionText(sessions.data, now)}</strong>. Aidbox does not document whether tokens
            already issued keep working; revoke them on the Client page if they must stop now.
          </>
        )}
      </li>
      <li>
        {!linked ? (
          policies.isError ? (
            'Its AccessPolicies could not be read.'
          ) : (
            'Reading its AccessPolicies…'
          )
        ) : linked.length === 0 ? (
          'No AccessPolicy links it.'
        ) : (
          <>
            Linked from <strong>{linked.map((p) => p.id ?? '?').join(', ')}</strong>
            {action === 'delete'
              ? ': the links stay, and a Client created later with this id inherits them.'
              : ': the links stay, so activating it again restores that access.'}
          </>
        )}
      </li>
    </ul>
  );
}
