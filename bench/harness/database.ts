import pg from 'pg';

// The benchmark's own PostgreSQL databases on the local server: one per dataset size, named
// hoso_bench_<size>, created and dropped through the server's maintenance database.

/** The server the benchmark uses unless BENCH_DATABASE_URL names another database on it. */
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function assertSafeName(database: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database))
    throw new Error(`Invalid database name "${database}": use lower-case letters, digits and underscores.`);
}

async function withAdmin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Drops the database if it exists (ending its sessions) and creates it empty. */
export async function recreateDatabase(serverUrl: string, database: string): Promise<void> {
  assertSafeName(database);
  await withAdmin(serverUrl, async (client) => {
    await client.query(`drop database if exists ${database} with (force)`);
    await client.query(`create database ${database}`);
  });
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  assertSafeName(database);
  await withAdmin(serverUrl, (client) => client.query(`drop database if exists ${database} with (force)`));
}

export async function databaseExists(serverUrl: string, database: string): Promise<boolean> {
  return withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query('select 1 from pg_database where datname = $1', [database]);
    return rows.length > 0;
  });
}

/** Returns whether a PostgreSQL server answers at the URL within two seconds. */
export async function serverReachable(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
