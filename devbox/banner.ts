// The start-up banner's lines, pure so a test can hold them. It says whether development mode is
// on and how to switch it, because the security review depends on it (issue 11) and production
// Aidboxes usually run without it.
import type { DevboxConfig } from './context.ts';
import { ADMIN_USER_ID } from './seed/index.ts';

export function bannerLines(c: DevboxConfig, url: string, env: NodeJS.ProcessEnv): string[] {
  const lines = [
    `  FHIR API   ${url}/fhir   data: ${c.dataDir ?? '(in memory)'}`,
    `  admin login: ${ADMIN_USER_ID} / ${env.BOX_ADMIN_PASSWORD !== undefined ? '(BOX_ADMIN_PASSWORD)' : c.adminPassword}`,
    `  root client: root / ${env.BOX_ROOT_CLIENT_SECRET ? '(BOX_ROOT_CLIENT_SECRET)' : c.rootClientSecret}`,
    c.devMode
      ? '  development mode: ON (__debug=policy, x-debug: policy, POST /auth/test-policy); start without BOX_SECURITY_DEV_MODE=true to turn it off'
      : '  development mode: OFF (policy debugging disabled, as on most production Aidboxes); set BOX_SECURITY_DEV_MODE=true to turn it on',
    c.reading === 'alternate'
      ? '  reading: alternate (the other reading of what Aidbox leaves undocumented; see devbox/README.md)'
      : '  reading: strict (default; --reading alternate serves the other reading of undocumented behaviour)',
  ];
  if (!c.corsEnabled) lines.push('  CORS: disabled (BOX_SECURITY_CORS_ENABLED=false)');
  if (c.faults) lines.push('  fault injection ON (x-devbox-fault header)');
  return lines;
}
