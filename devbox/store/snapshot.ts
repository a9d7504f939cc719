// A fresh PGlite database costs an initdb (2–4 s on this machine); starting from a dump of a
// freshly initialised one takes well under a second. Every in-memory devbox (each contract-test
// file, e2e, bench) starts from one cached dump per PGlite version, made on first use.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const require = createRequire(import.meta.url);

function pgliteVersion(): string {
  // The package exports no ./package.json, so walk up from its main entry to find it.
  let dir = dirname(require.resolve('@electric-sql/pglite'));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    } catch {
      /* keep walking */
    }
  }
  return 'unknown';
}

function snapshotPath(): string {
  // node_modules/.cache is where tools keep rebuildable caches; deleting it only costs time.
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return join(root, 'node_modules', '.cache', 'devbox', `initdb-pglite-${pgliteVersion()}.tar`);
}

/** The initdb dump, made and cached on first use. Undefined if it cannot be cached (read-only disk). */
export async function initdbSnapshot(): Promise<Blob | undefined> {
  const path = snapshotPath();
  try {
    return new Blob([readFileSync(path)]);
  } catch {
    /* not cached yet */
  }
  const db = await PGlite.create({ extensions: { pg_trgm } });
  const dump = await db.dumpDataDir('none');
  await db.close();
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename, so parallel test workers never read a half-written file.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, path);
  } catch {
    /* caching is an optimisation only */
  }
  return dump;
}
