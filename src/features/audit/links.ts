// Typed link builders for the audit screens and the places findings point to. Plain URLs: the
// audit feature never imports another feature, it only links to its routes.
export type AuditedType = 'Client' | 'AccessPolicy';

export const toAudit = () => '/audit';
export const toAccess = (clientId?: string) =>
  clientId ? `/audit/access?client=${encodeURIComponent(clientId)}` : '/audit/access';
export const toWho = () => '/audit/who';
export const toHistory = (type: AuditedType, id: string) =>
  `/audit/history/${type}/${encodeURIComponent(id)}`;

/** The editor of the resource a finding is about, naming the field to fix. */
export function toFix(type: AuditedType, id: string, path: string): string {
  const base =
    type === 'Client' ? `/clients/${encodeURIComponent(id)}` : `/policies/${encodeURIComponent(id)}`;
  return path ? `${base}?field=${encodeURIComponent(path)}` : base;
}
