import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor } from '../testing/http.ts';
import { basicAuth, startTestDevbox, TEST_ROOT_SECRET } from '../testing/start.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'devbox-restart-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// Creating a database on disk (initdb) is most of this file's time on the 2-core machine, so it is
// done once; every test starts from its own copy of that empty, cleanly closed database.
let template = '';
beforeAll(async () => {
  template = join(tempDir(), 'db');
  await (await startTestDevbox({ dataDir: template })).stop();
}, 60_000);
function copyOfEmptyDb(): string {
  const dataDir = join(tempDir(), 'db');
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

describe('persistence with --data', () => {
  it('keeps resources, history and edits across a clean restart', async () => {
    const dataDir = copyOfEmptyDb();
    const first = await startTestDevbox({ dataDir });
    const api1 = apiFor(first.url, first.rootBasic);
    expect(
      (await api1('POST', '/fhir/Client', { resourceType: 'Client', id: 'kept', name: 'v1' })).status,
    ).toBe(201);
    await api1('PATCH', '/fhir/Client/kept', { name: 'v2' });
    await first.stop();

    const second = await startTestDevbox({ dataDir });
    const api2 = apiFor(second.url, second.rootBasic);
    const read = await api2<{ name: string }>('GET', '/fhir/Client/kept');
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('v2');
    expect((await api2<{ total: number }>('GET', '/fhir/Client/kept/_history')).body.total).toBe(2);
    await second.stop();
  });
});

/** Starts `devbox/main.ts` as a child process and resolves with its base URL once it is ready. */
function spawnDevbox(dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'devbox/main.ts', '--port', '0', '--data', dataDir, '--seed', 'none'],
    {
      env: { ...process.env, BOX_ROOT_CLIENT_SECRET: TEST_ROOT_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /ready in \d+ ms at (http:\/\/\S+)/.exec(output);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`devbox exited (${code}) before ready:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, url, exited };
}

describe('durability', () => {
  it('an acknowledged write survives kill -9', async () => {
    const dataDir = copyOfEmptyDb();
    const proc = spawnDevbox(dataDir);
    const url = await proc.url;
    const api = apiFor(url, basicAuth('root', TEST_ROOT_SECRET));
    const created = await api('PUT', '/fhir/AccessPolicy/durable', {
      resourceType: 'AccessPolicy',
      engine: 'allow',
      link: [{ reference: 'Client/x' }],
    });
    expect(created.status).toBe(201);
    proc.child.kill('SIGKILL');
    await proc.exited;

    const box = await startTestDevbox({ dataDir });
    const read = await apiFor(box.url, box.rootBasic)<{ link: unknown }>('GET', '/fhir/AccessPolicy/durable');
    expect(read.status).toBe(200);
    expect(read.body.link).toEqual([{ reference: 'Client/x' }]);
    await box.stop();
  }, 60_000);
});

describe('shutdown', () => {
  it('SIGTERM closes the server and the database and exits 0', async () => {
    const dataDir = copyOfEmptyDb();
    const proc = spawnDevbox(dataDir);
    const url = await proc.url;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const code = new Promise<number | null>((resolve) => proc.child.once('exit', (c) => resolve(c)));
    proc.child.kill('SIGTERM');
    expect(await code).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 60_000);
});
