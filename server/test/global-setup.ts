import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { dumpMigratedTemplate } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { TEMPLATE_DIR, serverUrlFor } from './test-database.ts';

/**
 * Migrates one template per test run: a PGlite dump file, or a PostgreSQL template database
 * when TEST_DATABASE_URL is set. Each test file then starts from a copy instead of migrating.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Names are unique per run, so that runs started at the same time never share a template.
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dump = await dumpMigratedTemplate(async (db) => {
      await migrateToLatest(db);
    });
    mkdirSync(TEMPLATE_DIR, { recursive: true });
    const templatePath = join(TEMPLATE_DIR, `pglite-template-${runId}.tar`);
    writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplatePath', templatePath);
    return async () => rmSync(templatePath, { force: true });
  }

  const POSTGRES_TEMPLATE_DB = `hoso_test_template_${runId}`;
  project.provide('postgresTemplateDb', POSTGRES_TEMPLATE_DB);

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${POSTGRES_TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${POSTGRES_TEMPLATE_DB}`);
  await admin.end();

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrlFor(serverUrl, POSTGRES_TEMPLATE_DB) }) }) });
  await migrateToLatest(db);
  await sql`select 1`.execute(db);
  await db.destroy();

  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${POSTGRES_TEMPLATE_DB} with (force)`);
    await cleanup.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplateDb: string;
  }
}
