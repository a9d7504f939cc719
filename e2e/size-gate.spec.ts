// The first-load budget as a gate (issue 13 §6): `npm test` fails when signing in and showing the
// first Clients rows fetches more than FIRST_LOAD_BUDGET_BYTES of gzip JavaScript, measured like
// `npm run bench` measures it (e2e/first-load.ts), against the build the strict run serves.
import { E2E } from './env.ts';
import { expect, test } from './fixtures.ts';
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad } from './first-load.ts';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

test('first-load JavaScript stays within the budget', async ({ page }, testInfo) => {
  const { initialJsGzipBytes: total, initialScripts } = await measureFirstLoad(
    page,
    E2E.consoleUrl,
    E2E.adminPassword,
  );
  const files = initialScripts.map((s) => `  ${s.path}  ${s.gzipBytes} B`).join('\n');
  const over = total - FIRST_LOAD_BUDGET_BYTES;
  const summary =
    over > 0
      ? `First-load JS is ${total} B gzip: ${over} B (${kb(over)}) OVER the ${FIRST_LOAD_BUDGET_BYTES} B budget`
      : `First-load JS is ${total} B gzip: ${-over} B (${kb(-over)}) under the ${FIRST_LOAD_BUDGET_BYTES} B budget`;
  // Printed on success too, so every run shows the figure and the margin.
  console.log(`${summary}\n${files}`);
  testInfo.annotations.push({ type: 'first-load', description: summary });
  expect(initialScripts.map((s) => s.path)).toContainEqual(expect.stringMatching(/^\/assets\/index-.*\.js$/));
  expect(total, `${summary}\n${files}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
});
