// `npm run restore -- FILE [--replace]`
//
// Restores a backup made by `npm run backup` into the database HoSo is configured for: a
// pg_dump file into DATABASE_URL through pg_restore, a HoSo portable dump into DATABASE_URL or
// DATA_DIR. The target must be empty unless --replace is given. With --replace an embedded data
// folder is moved aside (DATA_DIR.before-restore-<time>), and a PostgreSQL database loses its
// public schema first. Stop the server before restoring.
import { closeSync, existsSync, openSync, readdirSync, readSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { DataDirVersionError, openDatabase } from '../server/db/database.ts';
import { PortableDumpError, restorePortableDump } from '../server/modules/security/portable-dump.ts';
import { fail, parseArguments, runTool, timestamp } from './backup-common.ts';

const args = parseArguments(process.argv.slice(2), []);
const file = args.positional[0]
  ? resolve(args.positional[0])
  : fail('Cách dùng / Usage: npm run restore -- FILE [--replace]');
if (!existsSync(file)) fail(`Không tìm thấy tệp sao lưu / Backup file not found: ${file}`);
const replace = args.flags.has('replace');
const config = loadConfig();

function fileStart(path: string): Buffer {
  const buffer = Buffer.alloc(5);
  const fd = openSync(path, 'r');
  readSync(fd, buffer, 0, 5, 0);
  closeSync(fd);
  return buffer;
}

async function postgresHasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      `select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    return result.rows[0].n > 0;
  } finally {
    await client.end();
  }
}

async function emptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

const notEmpty =
  'Cơ sở dữ liệu đích đã có dữ liệu. Dùng --replace để thay thế. / The target database is not empty; add --replace to overwrite it.';
const start = fileStart(file);

if (start.toString('latin1') === 'PGDMP') {
  if (!config.databaseUrl)
    fail('Tệp này là bản sao lưu pg_dump; hãy đặt DATABASE_URL. / This is a pg_dump file; set DATABASE_URL.');
  if (await postgresHasTables(config.databaseUrl)) {
    if (!replace) fail(notEmpty);
    await emptyPostgres(config.databaseUrl);
  }
  runTool('pg_restore', [
    '--no-owner',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${config.databaseUrl}`,
    file,
  ]);
  console.log(`Đã khôi phục / Restored: ${file}`);
  process.exit(0);
}

if (start[0] !== 0x1f || start[1] !== 0x8b)
  fail(`${file} không phải bản sao lưu của HoSo. / ${file} is not a HoSo backup.`);

if (config.databaseUrl) {
  if (await postgresHasTables(config.databaseUrl)) {
    if (!replace) fail(notEmpty);
    await emptyPostgres(config.databaseUrl);
  }
} else if (existsSync(config.dataDir) && readdirSync(config.dataDir).some((name) => name !== 'hoso.lock')) {
  if (!replace) fail(notEmpty);
  const aside = `${config.dataDir}.before-restore-${timestamp()}`;
  renameSync(config.dataDir, aside);
  console.log(`Thư mục dữ liệu cũ được chuyển sang / The old data folder was moved to: ${aside}`);
}

let handle: Awaited<ReturnType<typeof openDatabase>>;
try {
  handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  if (error instanceof DataDirLockedError || error instanceof DataDirVersionError) fail(error.message);
  throw error;
}

try {
  const counts = await restorePortableDump(handle.db, file);
  const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  await sql`select 1`.execute(handle.db);
  console.log(`Đã khôi phục ${rows} dòng / Restored ${rows} rows from: ${file}`);
} catch (error) {
  if (error instanceof PortableDumpError) fail(error.message);
  throw error;
} finally {
  await handle.close();
}
