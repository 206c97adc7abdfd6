import { type Kysely, sql } from 'kysely';

export interface TableDigest {
  rows: number;
  digest: string;
}

export interface SnapshotOptions {
  /** Tables left out entirely, e.g. sessions, whose last-seen time moves with every request. */
  skipTables?: readonly string[];
  /** A SQL condition per table that picks the rows to compare, e.g. audit rows other than sign-ins. */
  rowFilters?: Readonly<Record<string, string>>;
}

/** Names of the ordinary tables in the public schema, sorted. */
export async function listTables<T>(db: Kysely<T>): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
    order by table_name
  `.execute(db);
  return result.rows.map((row) => row.name);
}

/**
 * Returns the row count and an md5 digest of every table's rows (as text, sorted), so that two
 * snapshots are equal exactly when no compared row was added, removed or changed.
 */
export async function snapshotTables<T>(
  db: Kysely<T>,
  options: SnapshotOptions = {},
): Promise<Record<string, TableDigest>> {
  const snapshot: Record<string, TableDigest> = {};
  for (const table of await listTables(db)) {
    if (options.skipTables?.includes(table)) continue;
    const filter = options.rowFilters?.[table];
    const where = filter ? sql`where ${sql.raw(filter)}` : sql``;
    const result = await sql<{ rows: number; digest: string }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest
      from ${sql.table(table)} t ${where}
    `.execute(db);
    snapshot[table] = result.rows[0]!;
  }
  return snapshot;
}
