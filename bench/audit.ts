// Security review benchmarks. The page must be signed in already; devbox runs with
// BOX_SECURITY_DEV_MODE=true, so the console evaluates locally AND Aidbox decides what only it can
// and cross-checks a sample (issue 11 §5: "with the local evaluator and the server cross-check on").
// - auditAllClientsMs (issue 7 §4, --scale 200,50) and auditScaleMs (issue 11, --scale 10000,500):
//   effective access of 200 Clients × 20 resource types × 6 interactions, navigation → last cell;
// - whoCanAllClientsMs (--scale 10000,500): "who can delete Patient" over every Client.
import type { Page } from '@playwright/test';

export const AUDIT_BENCH_CLIENTS = 200;

/** Navigation until the run says Done (with the cross-check shown), or throws with what stopped it. */
async function untilDone(page: Page, url: string): Promise<number> {
  const start = Date.now();
  await page.goto(url);
  const done = page.getByRole('status').filter({ hasText: /^Done:/ });
  const refused = page.getByRole('alert');
  await done.or(refused).first().waitFor({ timeout: 300_000 });
  const ms = Date.now() - start;
  if (await refused.isVisible()) throw new Error(`the evaluation stopped: ${await refused.innerText()}`);
  const check = page.getByRole('note', { name: 'Cross-check with Aidbox' });
  if (!(await check.isVisible())) throw new Error('no cross-check with Aidbox was shown (dev mode off?)');
  console.log(`  ${url.replace(/^https?:\/\/[^/]+/, '')}: ${ms} ms — ${await done.innerText()}`);
  return ms;
}

export async function benchAudit(page: Page, consoleUrl: string): Promise<{ auditAllClientsMs: number }> {
  const url = `${consoleUrl}/audit/access?client=*&first=${AUDIT_BENCH_CLIENTS}`;
  return { auditAllClientsMs: await untilDone(page, url) };
}

export async function benchAuditScale(
  page: Page,
  consoleUrl: string,
): Promise<{ auditScaleMs: number; whoCanAllClientsMs: number }> {
  const auditScaleMs = await untilDone(
    page,
    `${consoleUrl}/audit/access?client=*&first=${AUDIT_BENCH_CLIENTS}`,
  );
  const whoCanAllClientsMs = await untilDone(page, `${consoleUrl}/audit/who?interaction=delete&type=Patient`);
  return { auditScaleMs, whoCanAllClientsMs };
}
