import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DataChanges, registerDataChanges, trackDataChanges } from './data-changes.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './schema.ts';
import { installTypeParsers } from './type-parsers.ts';

/**
 * Loads PGlite and its extensions on first use. A server on PostgreSQL never needs them, and
 * loading the WebAssembly build up front costs it about 32 MB of memory.
 */
async function loadPglite() {
  const [{ PGlite }, { pg_trgm }, { unaccent }, { createPgConfig }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/node-postgres'),
  ]);
  return { PGlite, createPgConfig, extensions: { unaccent, pg_trgm } };
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** Moves after each committed write to the tables statistics count; see data-changes.ts. */
  changes: DataChanges;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string. When set, the embedded database is not used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `undefined` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Maximum pool size for a PostgreSQL server. */
  poolSize?: number;
  /** A migrated PGlite folder dump to start from, which saves an initdb per test file. */
  loadDataDir?: Blob | File;
}

// The PostgreSQL major version that this PGlite build runs. A folder written by another major
// cannot be opened and needs a dump and restore (docs/operations.md).
const PGLITE_POSTGRES_MAJOR = '18';

export class DataDirVersionError extends Error {
  constructor(dataDir: string, folderVersion: string) {
    super(
      `Thư mục dữ liệu ${dataDir} được tạo bởi PostgreSQL ${folderVersion}, ` +
        `còn bản HoSo này dùng PostgreSQL ${PGLITE_POSTGRES_MAJOR} nhúng. ` +
        'Hãy sao lưu bằng bản HoSo cũ (npm run backup), rồi khôi phục vào thư mục mới (npm run restore). ' +
        `(The folder was written by PostgreSQL ${folderVersion}; this build embeds ${PGLITE_POSTGRES_MAJOR}. ` +
        'Back it up with the old version and restore it into a new folder.)',
    );
    this.name = 'DataDirVersionError';
  }
}

function checkDataDirVersion(dataDir: string): void {
  const versionFile = join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return;
  const folderVersion = readFileSync(versionFile, 'utf8').trim();
  if (folderVersion !== PGLITE_POSTGRES_MAJOR) throw new DataDirVersionError(dataDir, folderVersion);
}

async function openPglite(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  let releaseLock: () => void = () => {};
  if (options.dataDir) {
    releaseLock = lockDataDir(options.dataDir);
    try {
      checkDataDirVersion(options.dataDir);
    } catch (error) {
      releaseLock();
      throw error;
    }
  }

  const { PGlite, createPgConfig, extensions } = await loadPglite();
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(options.dataDir, {
      extensions,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    releaseLock();
    throw error;
  }

  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const { db, changes } = trackedKysely(pool);
  return {
    db,
    changes,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await pglite.close();
      releaseLock();
    },
  };
}

function openPostgres(options: OpenDatabaseOptions & { databaseUrl: string }): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    // Fail fast when the server is down so that requests get a 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener
  // the process would exit. The next query reconnects.
  pool.on('error', () => {});
  // pg-pool drops that listener while a client is checked out, so a connection lost during a
  // query would emit an unhandled 'error' and stop the process. The query itself fails anyway.
  pool.on('connect', (client) => client.on('error', () => {}));
  const { db, changes } = trackedKysely(pool);
  return {
    db,
    changes,
    kind: 'postgres',
    async close() {
      await db.destroy();
    },
  };
}

/** Creates a Kysely instance over `pool` whose committed writes move a change counter. */
function trackedKysely(pool: pg.Pool): { db: Kysely<Database>; changes: DataChanges } {
  const changes = new DataChanges();
  const db = new Kysely<Database>({ dialect: trackDataChanges(new PostgresDialect({ pool }), changes) });
  registerDataChanges(db, changes);
  return { db, changes };
}

/** Opens the PostgreSQL server named by `databaseUrl`, or else the embedded PGlite database. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  installTypeParsers();
  if (options.databaseUrl) return openPostgres({ ...options, databaseUrl: options.databaseUrl });
  return openPglite(options);
}

/** Creates a PGlite dump of a migrated in-memory database, used as a template by tests. */
export async function dumpMigratedTemplate(migrate: (db: Kysely<Database>) => Promise<void>): Promise<Blob> {
  installTypeParsers();
  const { PGlite, createPgConfig, extensions } = await loadPglite();
  const pglite = await PGlite.create({ extensions });
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db);
  await db.destroy();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  return dump;
}
