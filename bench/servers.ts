// Starts devbox (at scale) and the CSP static server for a benchmark run, on their own ports.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Servers {
  devboxUrl: string;
  consoleUrl: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up within ${ms} ms`);
}

// Each server runs in its own process group: `npx` starts node as a child, so killing only the
// `npx` process would leave the server running (and answering the next run's health check).
function start(cmd: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

function stopGroup(child: ChildProcess) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

/** A benchmark against a server left over from another run would measure the wrong thing. */
async function assertFree(url: string) {
  const answered = await fetch(url).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`${url} already answers: stop whatever runs there first`);
}

/** Ports 8891/5191 plus `offset`, so two phases never collide with each other or with e2e. */
export async function startServers(scale: string, adminPassword: string, offset = 0): Promise<Servers> {
  const devboxPort = String(8891 + offset);
  const consolePort = String(5191 + offset);
  const devboxUrl = `http://127.0.0.1:${devboxPort}`;
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  await assertFree(`${devboxUrl}/health`);
  await assertFree(consoleUrl);
  const devbox = start(
    'npx',
    ['tsx', 'devbox/main.ts', '--memory', '--port', devboxPort, '--seed', 'demo', '--scale', scale],
    {
      BOX_ADMIN_PASSWORD: adminPassword,
      BOX_SECURITY_CORS_ORIGINS: consoleUrl,
      // The security review's effective access uses /auth/test-policy, which needs dev mode.
      BOX_SECURITY_DEV_MODE: 'true',
      DEVBOX_CONSOLE_URL: consoleUrl,
    },
  );
  const web = start('npx', ['tsx', 'scripts/serve.ts', '--port', consolePort, '--aidbox', devboxUrl], {});
  await waitFor(`${devboxUrl}/health`, 180_000);
  await waitFor(consoleUrl, 30_000);
  return {
    devboxUrl,
    consoleUrl,
    async stop() {
      for (const c of [web, devbox]) stopGroup(c);
      await new Promise((r) => setTimeout(r, 1000));
    },
  };
}
