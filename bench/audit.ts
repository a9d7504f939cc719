// Security review benchmarks. The page must be signed in already; devbox runs with
// BOX_SECURITY_DEV_MODE=true, so the console evaluates locally AND Aidbox decides what only it can
// and cross-checks a sample (issue 11 §5: "with the local evaluator and the server cross-check on").
// - auditAllClientsMs (issue 7 §4, --scale 200,50) and auditScaleMs (issue 11, --scale 10000,500):
//   effective access of 200 Clients × 20 resource types × 6 interactions, navigation → last cell;
//   auditScaleMs as a reviewer works (a link followed inside the signed-in console: no page load, no
//   sign-in round trip), auditScaleFullLoadMs the same from a full page load (sign-in included);
// - whoCanAllClientsMs (--scale 10000,500): "who can delete Patient" over every Client.
import type { Page } from '@playwright/test';
import { CLIENT_ROW_LINK } from '../e2e/first-load.ts';

export const AUDIT_BENCH_CLIENTS = 200;
const ACCESS_PATH = `/audit/access?client=*&first=${AUDIT_BENCH_CLIENTS}`;

/** Until the run says Done (with the cross-check shown), or throws with what stopped it. */
async function untilDone(page: Page, start: number, what: string): Promise<number> {
  const done = page.getByRole('status').filter({ hasText: /^Done:/ });
  const refused = page.getByRole('alert');
  await done.or(refused).first().waitFor({ timeout: 300_000 });
  const ms = Date.now() - start;
  if (await refused.isVisible()) throw new Error(`the evaluation stopped: ${await refused.innerText()}`);
  const check = page.getByRole('note', { name: 'Cross-check with Aidbox' });
  if (!(await check.isVisible())) throw new Error('no cross-check with Aidbox was shown (dev mode off?)');
  console.log(`  ${what}: ${ms} ms — ${await done.innerText()}`);
  return ms;
}

/** A full page load of `url` (the sign-in round trip included) until the run is done. */
async function loadUntilDone(page: Page, url: string): Promise<number> {
  const start = Date.now();
  await page.goto(url);
  return untilDone(page, start, `${url.replace(/^https?:\/\/[^/]+/, '')} (page load)`);
}

/**
 * From the signed-in Clients list, follows an in-app link to `path` (as a click on a console link
 * does: the router navigates, no document is loaded) until the run is done. The list's Risks
 * column has already read the policies, as it has for a reviewer coming from the list; the
 * Clients are read by the page itself.
 */
async function navigateUntilDone(page: Page, consoleUrl: string, path: string): Promise<number> {
  await page.goto(`${consoleUrl}/clients`);
  await page.locator(CLIENT_ROW_LINK).first().waitFor();
  await page.locator('[aria-label="Checking risks"]').first().waitFor({ state: 'detached' });
  const start = Date.now();
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    // What the router's own links do besides pushState: tell it the location changed.
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  return untilDone(page, start, `${path} (in-app navigation)`);
}

export async function benchAudit(page: Page, consoleUrl: string): Promise<{ auditAllClientsMs: number }> {
  return { auditAllClientsMs: await loadUntilDone(page, `${consoleUrl}${ACCESS_PATH}`) };
}

export async function benchAuditScale(
  page: Page,
  consoleUrl: string,
): Promise<{ auditScaleMs: number; auditScaleFullLoadMs: number; whoCanAllClientsMs: number }> {
  const auditScaleFullLoadMs = await loadUntilDone(page, `${consoleUrl}${ACCESS_PATH}`);
  // A fresh document, so nothing the full-load run kept in memory (server answers) is reused.
  const auditScaleMs = await navigateUntilDone(page, consoleUrl, ACCESS_PATH);
  const whoCanAllClientsMs = await loadUntilDone(
    page,
    `${consoleUrl}/audit/who?interaction=delete&type=Patient`,
  );
  return { auditScaleMs, auditScaleFullLoadMs, whoCanAllClientsMs };
}
