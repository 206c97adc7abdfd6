import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { dumpMigratedTemplate } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { PGLITE_TEMPLATE_PATH, POSTGRES_TEMPLATE_DB, serverUrlFor } from './test-database.ts';

/**
 * Migrates one template per test run: a PGlite dump file, or a PostgreSQL template database
 * when TEST_DATABASE_URL is set. Each test file then starts from a copy instead of migrating.
 */
export default async function setup(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dump = await dumpMigratedTemplate(async (db) => {
      await migrateToLatest(db);
    });
    mkdirSync(dirname(PGLITE_TEMPLATE_PATH), { recursive: true });
    writeFileSync(PGLITE_TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
    return;
  }

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${POSTGRES_TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${POSTGRES_TEMPLATE_DB}`);
  await admin.end();

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrlFor(serverUrl, POSTGRES_TEMPLATE_DB) }) }) });
  await migrateToLatest(db);
  await sql`select 1`.execute(db);
  await db.destroy();
}
