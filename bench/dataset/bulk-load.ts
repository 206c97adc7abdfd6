import type pg from 'pg';

// Bulk loading helpers: secondary indexes are dropped before COPY and rebuilt afterwards (one
// sorted build is much faster than maintaining a GIN trigram index row by row), and identity
// sequences are moved past the ids that the generator assigned itself.

export interface IndexDefinition {
  name: string;
  table: string;
  definition: string;
}

/** Indexes on the tables that no constraint owns (primary keys and unique constraints stay). */
export async function secondaryIndexes(
  client: pg.ClientBase,
  tables: readonly string[],
): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `select i.indexrelid::regclass::text as name, t.relname as "table", pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = 'public' and t.relname = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by t.relname, 1`,
    [tables],
  );
  return rows;
}

export async function dropIndexes(client: pg.ClientBase, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const index of indexes) await client.query(`drop index ${index.name}`);
}

/** Rebuilds the indexes one by one and returns how long each took, in milliseconds. */
export async function rebuildIndexes(
  client: pg.ClientBase,
  indexes: readonly IndexDefinition[],
): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  for (const index of indexes) {
    const started = performance.now();
    await client.query(index.definition);
    timings[index.name] = Math.round(performance.now() - started);
  }
  return timings;
}

/** Sets every identity sequence of the tables to the highest id in use. */
export async function resetIdentitySequences(
  client: pg.ClientBase,
  tables: readonly string[],
): Promise<void> {
  for (const table of tables) {
    const { rows } = await client.query<{ sequence: string | null }>(
      `select pg_get_serial_sequence($1, 'id') as sequence from information_schema.columns
       where table_schema = 'public' and table_name = $1 and column_name = 'id'`,
      [table],
    );
    const sequence = rows[0]?.sequence;
    if (!sequence) continue;
    await client.query(
      `select setval($1, greatest(coalesce((select max(id) from ${table}), 0), 1), (select count(*) > 0 from ${table}))`,
      [sequence],
    );
  }
}
