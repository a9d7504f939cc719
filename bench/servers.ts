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

function start(cmd: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

export async function startServers(scale: string, adminPassword: string): Promise<Servers> {
  const devboxUrl = 'http://127.0.0.1:8891';
  const consoleUrl = 'http://127.0.0.1:5191';
  const devbox = start(
    'npx',
    ['tsx', 'devbox/main.ts', '--memory', '--port', '8891', '--seed', 'demo', '--scale', scale],
    {
      BOX_ADMIN_PASSWORD: adminPassword,
      BOX_SECURITY_CORS_ORIGINS: consoleUrl,
      DEVBOX_CONSOLE_URL: consoleUrl,
    },
  );
  const web = start('npx', ['tsx', 'scripts/serve.ts', '--port', '5191', '--aidbox', devboxUrl], {});
  await waitFor(`${devboxUrl}/health`, 180_000);
  await waitFor(consoleUrl, 30_000);
  return {
    devboxUrl,
    consoleUrl,
    async stop() {
      for (const c of [web, devbox]) c.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}
