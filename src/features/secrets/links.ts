// Links this feature builds itself: a feature never imports another feature's link builders.

export function toRotateSecretPage(clientId: string): string {
  return `/clients/${encodeURIComponent(clientId)}/rotate-secret`;
}

export function toClientPage(clientId: string): string {
  return `/clients/${encodeURIComponent(clientId)}`;
}
