import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import { snapshotTables } from '../../test/db-snapshot.ts';
import { buildMatrixWorld } from '../../test/matrix-world.ts';
import { serverUrlFor } from '../../test/test-database.ts';
import { recordAudit } from '../audit/audit.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const folder = mkdtempSync(join(tmpdir(), 'hoso-backup-test-'));
const serverUrl = process.env.TEST_DATABASE_URL;
const createdDatabases: string[] = [];

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of createdDatabases) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

/** Runs `npm run backup` or `npm run restore` as an operator would, with the given settings. */
function runScript(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(ROOT, `scripts/${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Fills a migrated database with the matrix province plus rows of every column type in use. */
async function seed(db: Kysely<Database>): Promise<void> {
  const world = await buildMatrixWorld(db);
  await recordAudit(
    db,
    { actorAccountId: world.actors[0]!.accountId, requestId: 'sao-luu', ip: '127.0.0.1' },
    {
      action: 'unit.rename',
      entityType: 'unit',
      entityId: world.ownAgency.id,
      before: { name: 'Sở Tư pháp', số: 1.25 },
      after: { name: 'Sở Tư pháp tỉnh', danhSách: [1, null, 'ẩ'] },
    },
  );
  await db
    .insertInto('sessions')
    .values({
      id: 'phien-sao-luu',
      account_id: world.actors[0]!.accountId,
      csrf_token: 'x',
      expires_at: new Date('2030-01-01T00:00:00Z'),
    })
    .execute();
}

// Kysely's migration bookkeeping is rebuilt by running the migrations, with new timestamps.
const portableSnapshot = { skipTables: ['kysely_migration', 'kysely_migration_lock'] };

async function snapshotFolder(dataDir: string, options = portableSnapshot) {
  const handle = await openDatabase({ dataDir });
  try {
    return await snapshotTables(handle.db, options);
  } finally {
    await handle.close();
  }
}

describe.skipIf(serverUrl !== undefined)('backup of the embedded database', () => {
  const source = join(folder, 'nguon');
  const target = join(folder, 'dich');
  const backupFile = join(folder, 'sao-luu.hoso.gz');

  it('round-trips every table', async () => {
    const handle = await openDatabase({ dataDir: source });
    await migrateToLatest(handle.db);
    await seed(handle.db);
    await handle.close();

    const backup = runScript('backup', ['--output', backupFile], { DATA_DIR: source });
    expect(backup.status, backup.output).toBe(0);
    const restore = runScript('restore', [backupFile], { DATA_DIR: target });
    expect(restore.status, restore.output).toBe(0);

    const before = await snapshotFolder(source);
    const after = await snapshotFolder(target);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(before.units!.rows).toBeGreaterThan(5);
    expect(after).toEqual(before);
  }, 300_000);

  it('continues identity sequences after restore', async () => {
    const handle = await openDatabase({ dataDir: target });
    try {
      const max = await sql<{ id: number }>`select max(id)::int as id from audit_log`.execute(handle.db);
      await recordAudit(
        handle.db,
        { actorAccountId: null, requestId: null, ip: null },
        { action: 'system.check', entityType: 'system', entityId: null },
      );
      const next = await sql<{ id: number }>`select max(id)::int as id from audit_log`.execute(handle.db);
      expect(next.rows[0]!.id).toBe(max.rows[0]!.id + 1);
    } finally {
      await handle.close();
    }
  });

  it('refuses a folder in use by a server', async () => {
    const handle = await openDatabase({ dataDir: source });
    const backup = runScript('backup', ['--output', join(folder, 'khong-duoc.hoso.gz')], {
      DATA_DIR: source,
    });
    await handle.close();
    expect(backup.status).toBe(1);
    expect(backup.output).toContain(`đang được tiến trình ${process.pid} sử dụng`);
  });

  it('refuses a non-empty target without --replace', async () => {
    const refused = runScript('restore', [backupFile], { DATA_DIR: target });
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('--replace');

    const replaced = runScript('restore', [backupFile, '--replace'], { DATA_DIR: target });
    expect(replaced.status, replaced.output).toBe(0);
    expect(readdirSync(folder).some((name) => name.startsWith('dich.before-restore-'))).toBe(true);
    expect(await snapshotFolder(target)).toEqual(await snapshotFolder(source));
  });

  it('rejects a file that is not a backup', async () => {
    const result = runScript('restore', [join(ROOT, 'package.json')], { DATA_DIR: join(folder, 'trong') });
    expect(result.status).toBe(1);
    expect(result.output).toContain('không phải bản sao lưu');
    expect(existsSync(join(folder, 'trong', 'PG_VERSION'))).toBe(false);
  });
});

describe.skipIf(serverUrl === undefined)('backup of a PostgreSQL database', () => {
  async function createDatabase(fromTemplate: boolean): Promise<string> {
    const name = `hoso_backup_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(
      fromTemplate
        ? `create database ${name} template ${inject('postgresTemplateDb')}`
        : `create database ${name}`,
    );
    await admin.end();
    createdDatabases.push(name);
    return serverUrlFor(serverUrl!, name);
  }

  async function snapshotUrl(url: string, options = {}) {
    const handle = await openDatabase({ databaseUrl: url });
    try {
      return await snapshotTables(handle.db, options);
    } finally {
      await handle.close();
    }
  }

  let sourceUrl = '';

  it('round-trips every table through pg_dump and pg_restore', async () => {
    sourceUrl = await createDatabase(true);
    const handle = await openDatabase({ databaseUrl: sourceUrl });
    await seed(handle.db);
    await handle.close();
    const targetUrl = await createDatabase(false);
    const backupFile = join(folder, 'sao-luu.dump');

    const backup = runScript('backup', ['--output', backupFile], { DATABASE_URL: sourceUrl });
    expect(backup.status, backup.output).toBe(0);
    const restore = runScript('restore', [backupFile], { DATABASE_URL: targetUrl });
    expect(restore.status, restore.output).toBe(0);

    const before = await snapshotUrl(sourceUrl);
    expect(before.units!.rows).toBeGreaterThan(5);
    expect(await snapshotUrl(targetUrl)).toEqual(before);
  }, 300_000);

  it('round-trips every table through the portable format', async () => {
    const targetUrl = await createDatabase(false);
    const backupFile = join(folder, 'sao-luu-pg.hoso.gz');
    const backup = runScript('backup', ['--portable', '--output', backupFile], { DATABASE_URL: sourceUrl });
    expect(backup.status, backup.output).toBe(0);
    const restore = runScript('restore', [backupFile], { DATABASE_URL: targetUrl });
    expect(restore.status, restore.output).toBe(0);
    expect(await snapshotUrl(targetUrl, portableSnapshot)).toEqual(
      await snapshotUrl(sourceUrl, portableSnapshot),
    );
  }, 300_000);
});
