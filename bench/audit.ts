// Security review benchmark (issue 7 §4): effective access of 200 Clients × 20 resource types ×
// 6 interactions, decided by devbox's /auth/test-policy through the console, from navigation to the
// last cell. The page must be signed in already; devbox must run with BOX_SECURITY_DEV_MODE=true.
import type { Page } from '@playwright/test';

export const AUDIT_BENCH_CLIENTS = 200;

export async function benchAudit(page: Page, consoleUrl: string): Promise<{ auditAllClientsMs: number }> {
  const start = Date.now();
  await page.goto(`${consoleUrl}/audit/access?client=*&first=${AUDIT_BENCH_CLIENTS}`);
  const done = page.getByRole('status').filter({ hasText: /^Done:/ });
  const refused = page.getByRole('alert');
  await done.or(refused).first().waitFor({ timeout: 300_000 });
  if (await refused.isVisible()) {
    throw new Error(`benchAudit: the evaluation stopped: ${await refused.innerText()}`);
  }
  return { auditAllClientsMs: Date.now() - start };
}
