// Serves dist/ through Debian's nginx, configured by scripts/nginx-config.ts, for the smoke test
// (e2e/nginx.spec.ts via playwright.config.ts when E2E_NGINX=1) or a local look:
//   npx tsx scripts/nginx-run.ts --port 5190 --aidbox http://127.0.0.1:8890 [--root dist]
// nginx runs in the foreground as our child (`daemon off`), with its pid, logs and temp files in a
// private temporary prefix that is removed when it stops. SIGINT/SIGTERM stop it gracefully.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nginxFullConfig } from './nginx-config.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5190' },
    host: { type: 'string', default: '127.0.0.1' },
    aidbox: { type: 'string', default: 'http://127.0.0.1:8888' },
    'client-id': { type: 'string', default: 'aidbox-console' },
    scopes: { type: 'string', default: 'openid' },
    root: { type: 'string', default: 'dist' },
    nginx: { type: 'string', default: process.env.NGINX_BIN ?? 'nginx' },
  },
});

const prefix = mkdtempSync(join(tmpdir(), 'aidbox-console-nginx-'));
const conf = join(prefix, 'nginx.conf');
writeFileSync(
  conf,
  nginxFullConfig(
    {
      aidboxUrl: values.aidbox,
      root: resolve(values.root),
      listen: `${values.host}:${values.port}`,
      configJson: {
        aidboxUrl: values.aidbox.replace(/\/+$/, ''),
        clientId: values['client-id'],
        scopes: values.scopes,
      },
    },
    prefix,
  ),
);

const args = ['-p', prefix, '-c', conf, '-g', 'daemon off;'];
const check = spawnSync(values.nginx, ['-t', ...args], { encoding: 'utf8' });
if (check.status !== 0) {
  console.error(`nginx rejected the generated configuration (${conf}):\n${check.stderr}`);
  rmSync(prefix, { recursive: true, force: true });
  process.exit(1);
}

const nginx = spawn(values.nginx, args, { stdio: ['ignore', 'inherit', 'inherit'] });
console.log(
  `Console via nginx: http://${values.host}:${values.port} (Aidbox ${values.aidbox}); prefix ${prefix}`,
);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  // SIGQUIT is nginx's graceful shutdown; the exit handler below cleans up.
  nginx.kill('SIGQUIT');
  setTimeout(() => nginx.kill('SIGKILL'), 5_000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
nginx.on('exit', (code, signal) => {
  rmSync(prefix, { recursive: true, force: true });
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
