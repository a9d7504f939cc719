import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nginxFullConfig, nginxServerBlock, type NginxOptions } from './nginx-config.ts';
import { CACHE_CONTROL, securityHeaders } from './security-headers.ts';

const options: NginxOptions = {
  aidboxUrl: 'https://aidbox.example.com',
  root: '/srv/aidbox-console',
  listen: '80',
  serverName: 'console.example.com',
};

/** location match → its add_header name → value */
function headersByLocation(conf: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const block of conf.split(/\n\s*location /).slice(1)) {
    const match = block.slice(0, block.indexOf('{')).trim();
    const headers = new Map<string, string>();
    for (const m of block.matchAll(/add_header (\S+) "((?:[^"\\]|\\.)*)" always;/g))
      headers.set(m[1]!, m[2]!);
    out.set(match, headers);
  }
  return out;
}

describe('nginx configuration', () => {
  const locations = headersByLocation(nginxServerBlock(options));

  it('sends the same security headers as scripts/serve.ts in every location, COOP off only on callbacks', () => {
    for (const [match, headers] of locations) {
      const path = match.replace(/^= /, '');
      for (const [name, value] of Object.entries(securityHeaders(options.aidboxUrl, path)))
        expect(headers.get(name), `${match} ${name}`).toBe(value);
    }
    expect(locations.get('= /callback')?.get('Cross-Origin-Opener-Policy')).toBe('unsafe-none');
    expect(locations.get('/')?.get('Cross-Origin-Opener-Policy')).toBe('same-origin-allow-popups');
    expect(locations.get('/')?.get('Content-Security-Policy')).toContain(
      "connect-src 'self' https://aidbox.example.com",
    );
  });

  it('caches hashed assets for a year and never the shell or config.json', () => {
    expect(locations.get('/assets/')?.get('Cache-Control')).toBe(CACHE_CONTROL.hashedAsset);
    expect(locations.get('= /index.html')?.get('Cache-Control')).toBe('no-store');
    expect(locations.get('= /config.json')?.get('Cache-Control')).toBe('no-store');
    expect(nginxServerBlock(options)).toContain('try_files $uri /index.html;');
  });

  it('docs/nginx/aidbox-console.conf is exactly what the generator writes', () => {
    expect(readFileSync('docs/nginx/aidbox-console.conf', 'utf8')).toBe(nginxServerBlock(options));
  });

  it('refuses a value nginx would read as a variable', () => {
    expect(() => nginxServerBlock({ ...options, configJson: { aidboxUrl: 'https://x/$y' } })).toThrow();
  });

  const nginx = spawnSync('nginx', ['-v']).status === 0;
  it.skipIf(!nginx)('nginx -t accepts the whole generated configuration', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'nginx-config-test-'));
    try {
      const conf = join(prefix, 'nginx.conf');
      writeFileSync(
        conf,
        nginxFullConfig({ ...options, listen: '127.0.0.1:5999', configJson: { a: 'b"c' } }, prefix),
      );
      const r = spawnSync('nginx', ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
      expect(r.stderr).toContain('syntax is ok');
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
