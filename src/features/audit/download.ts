// Evidence files leave as a Blob behind an object URL clicked from an <a download>: a navigation,
// not a fetch, so the CSP's connect-src does not apply (checked in e2e/audit-evidence.spec.ts).
export function downloadText(name: string, text: string, type: 'text/csv' | 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
