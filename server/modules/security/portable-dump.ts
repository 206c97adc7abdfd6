import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../db/migrations/index.ts';
import type { Database } from '../../db/schema.ts';

// A portable, data-only backup: gzip of text lines, a JSON header, then per table a marker line
// and its rows as to_json text. The schema is not in the file: restore runs the same migrations the
// source had, loads the rows, then runs newer migrations. That makes it work across PGlite
// versions and between PGlite and PostgreSQL, which a copy of the data folder cannot.

export const PORTABLE_FORMAT = 'hoso-portable-dump';
const FORMAT_VERSION = 1;
const BATCH_ROWS = 1_000;
// Starts the line before a table's rows; a row line is a JSON object and starts with '{'.
const TABLE_MARKER = '#table ';
// Kysely's own bookkeeping: the target rebuilds it by running the migrations.
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

interface Header {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: Record<string, number>;
}

type Db = Kysely<Database> | Transaction<Database>;

async function dataTables(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
    order by table_name
  `.execute(db);
  return result.rows.map((row) => row.name).filter((name) => !MIGRATION_TABLES.includes(name));
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return result.rows.map((row) => row.name);
}

/** Writes every table's rows to `path`, read in one repeatable-read transaction. Returns the row counts. */
export async function writePortableDump(db: Kysely<Database>, path: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const file = createWriteStream(path);
  gzip.pipe(file);
  const write = async (line: unknown) => {
    if (!gzip.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };

  const counts = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tables = await dataTables(trx);
      const rowCounts: Record<string, number> = {};
      for (const table of tables) {
        const result = await sql<{
          rows: number;
        }>`select count(*)::int as rows from ${sql.table(table)}`.execute(trx);
        rowCounts[table] = result.rows[0]!.rows;
      }
      const header: Header = {
        format: PORTABLE_FORMAT,
        version: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(trx),
        tables: rowCounts,
      };
      await write(header);

      for (const table of tables) {
        await write(`${TABLE_MARKER}${table}`);
        await sql`declare hoso_dump no scroll cursor for select to_json(t)::text as row from ${sql.table(table)} t`.execute(
          trx,
        );
        for (;;) {
          const batch = await sql<{
            row: string;
          }>`fetch forward ${sql.lit(BATCH_ROWS)} from hoso_dump`.execute(trx);
          for (const row of batch.rows) await write(row.row);
          if (batch.rows.length < BATCH_ROWS) break;
        }
        await sql`close hoso_dump`.execute(trx);
      }
      return rowCounts;
    });

  gzip.end();
  await once(file, 'finish');
  return counts;
}

/** Reads the header of a portable dump, or returns null when the file is not one. */
export async function readPortableHeader(path: string): Promise<Header | null> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
  try {
    for await (const line of lines) {
      const header = JSON.parse(line) as Header;
      return header.format === PORTABLE_FORMAT ? header : null;
    }
    return null;
  } catch {
    return null;
  } finally {
    lines.close();
  }
}

async function insertRows(
  trx: Transaction<Database>,
  table: string,
  columns: string[],
  rows: string[],
): Promise<void> {
  if (rows.length === 0) return;
  const columnList = sql.join(columns.map((column) => sql.ref(column)));
  await sql`
    insert into ${sql.table(table)} (${columnList}) overriding system value
    select ${columnList} from json_populate_recordset(null::${sql.table(table)}, ${`[${rows.join(',')}]`}::json)
  `.execute(trx);
}

async function insertableColumns(trx: Transaction<Database>, table: string): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select column_name as name from information_schema.columns
    where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
    order by ordinal_position
  `.execute(trx);
  return result.rows.map((row) => row.name);
}

async function resetIdentitySequences(trx: Transaction<Database>): Promise<void> {
  const identities = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = 'public' and is_identity = 'YES'
  `.execute(trx);
  for (const { table, column } of identities.rows) {
    await sql`
      select setval(pg_get_serial_sequence(${`public.${table}`}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false)
      from ${sql.table(table)}
    `.execute(trx);
  }
}

export class PortableDumpError extends Error {}

/**
 * Loads a portable dump into an empty database: migrates it to the source's migrations, replaces
 * the rows those migrations seeded with every row of the dump in one transaction (with triggers
 * and foreign-key checks off, which needs a superuser, as PGlite always is), resets identity
 * sequences, checks the row counts, then runs any newer migrations. Returns the row counts.
 */
export async function restorePortableDump(
  db: Kysely<Database>,
  path: string,
): Promise<Record<string, number>> {
  const header = await readPortableHeader(path);
  if (!header) throw new PortableDumpError(`${path} is not a HoSo portable backup.`);
  if (header.version > FORMAT_VERSION)
    throw new PortableDumpError(
      `${path} has format version ${header.version}; this HoSo reads up to ${FORMAT_VERSION}.`,
    );
  const unknown = header.migrations.filter((name) => !(name in migrations));
  if (unknown.length > 0)
    throw new PortableDumpError(
      `The backup comes from a newer HoSo (migrations ${unknown.join(', ')}). Restore it with that version or newer.`,
    );

  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const last = header.migrations.at(-1);
  if (last) {
    const { error } = await migrator.migrateTo(last);
    if (error)
      throw new PortableDumpError(
        `Migrating the empty database to ${last} failed: ${(error as Error).message}`,
        { cause: error },
      );
  }

  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    // Migrations may seed rows (catalogs), and the backup contains those rows as the source had them.
    const tables = await dataTables(trx);
    if (tables.length > 0)
      await sql`truncate ${sql.join(tables.map((name) => sql.table(name)))}`.execute(trx);
    const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
    let table: string | null = null;
    let columns: string[] = [];
    let batch: string[] = [];
    let first = true;
    for await (const line of lines) {
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith(TABLE_MARKER)) {
        if (table) await insertRows(trx, table, columns, batch);
        table = line.slice(TABLE_MARKER.length);
        columns = await insertableColumns(trx, table);
        counts[table] = 0;
        batch = [];
        continue;
      }
      if (!table) throw new PortableDumpError(`${path} has rows before any table line.`);
      batch.push(line);
      counts[table] = (counts[table] ?? 0) + 1;
      if (batch.length >= BATCH_ROWS) {
        await insertRows(trx, table, columns, batch);
        batch = [];
      }
    }
    if (table) await insertRows(trx, table, columns, batch);
    await resetIdentitySequences(trx);

    for (const [name, expected] of Object.entries(header.tables)) {
      if ((counts[name] ?? 0) !== expected)
        throw new PortableDumpError(
          `Table ${name}: the backup header lists ${expected} rows but the file contains ${counts[name] ?? 0}, so the file is damaged.`,
        );
    }
  });

  const { error } = await migrator.migrateToLatest();
  if (error)
    throw new PortableDumpError(
      `Migrating the restored database to the latest version failed: ${(error as Error).message}`,
      { cause: error },
    );
  return counts;
}
