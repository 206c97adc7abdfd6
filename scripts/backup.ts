// `npm run backup [-- --output FILE] [-- --portable]`
//
// PostgreSQL (DATABASE_URL set): pg_dump in its custom format, read by `npm run restore` through
// pg_restore. With --portable, or on the embedded PGlite database, a HoSo portable dump: data only,
// restorable into any newer HoSo on either back-end. The embedded database must not be in use, so
// stop the server first; its folder lock says so otherwise.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { DataDirVersionError, openDatabase } from '../server/db/database.ts';
import { writePortableDump } from '../server/modules/security/portable-dump.ts';
import { fail, parseArguments, runTool, timestamp } from './backup-common.ts';

const args = parseArguments(process.argv.slice(2), ['output']);
const config = loadConfig();
const portable = args.flags.has('portable') || !config.databaseUrl;
const defaultName = `backups/hoso-${timestamp()}${portable ? '.hoso.gz' : '.dump'}`;
const output = resolve(args.options.get('output') ?? args.positional[0] ?? defaultName);
mkdirSync(dirname(output), { recursive: true });

if (!portable && config.databaseUrl) {
  runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${output}`, `--dbname=${config.databaseUrl}`]);
  console.log(`Đã sao lưu cơ sở dữ liệu PostgreSQL vào / PostgreSQL backup written to: ${output}`);
  process.exit(0);
}

let handle: Awaited<ReturnType<typeof openDatabase>>;
try {
  handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  if (error instanceof DataDirLockedError || error instanceof DataDirVersionError) fail(error.message);
  throw error;
}

try {
  const counts = await writePortableDump(handle.db, output);
  const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  console.log(
    `Đã sao lưu ${rows} dòng của ${Object.keys(counts).length} bảng vào / Backed up ${rows} rows of ${Object.keys(counts).length} tables to: ${output}`,
  );
} finally {
  await handle.close();
}
