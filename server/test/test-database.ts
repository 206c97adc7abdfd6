import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';

export const TEMPLATE_DIR = resolve(import.meta.dirname, '../../tmp/test');

export function serverUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase extends DatabaseHandle {
  /** Drops the copy (PostgreSQL) or closes the in-memory database (PGlite). */
  dispose(): Promise<void>;
}

/**
 * Opens a fresh, migrated database for one test file: an in-memory PGlite loaded from the
 * template dump, or, with TEST_DATABASE_URL, a new PostgreSQL database copied from the template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dump = new Blob([readFileSync(inject('pgliteTemplatePath'))]);
    const handle = await openDatabase({ loadDataDir: dump });
    return { ...handle, dispose: () => handle.close() };
  }

  const name = `hoso_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplateDb')}`);
  await admin.end();

  const handle = await openDatabase({ databaseUrl: serverUrlFor(serverUrl, name), poolSize: 12 });
  return {
    ...handle,
    async dispose() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
