import { sql } from 'kysely';
import pino from 'pino';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { DataDirVersionError, openDatabase } from './db/database.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DEMO_PASSWORD, listDemoLogins, seedDemoProvince } from './demo/seed-demo.ts';

const config = loadConfig();
const log = pino({ level: config.logLevel });

async function openOrExit() {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DataDirVersionError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const handle = await openOrExit();
log.info({ database: handle.kind, dataDir: handle.kind === 'pglite' ? config.dataDir : undefined }, 'database opened');

const applied = await migrateToLatest(handle.db);
if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');

const { count } = await handle.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
if (Number(count) === 0 && config.demo) {
  const started = Date.now();
  log.info({ people: config.demoPeople }, 'building the demo province');
  await seedDemoProvince(handle.db, { people: config.demoPeople, log });
  log.info({ seconds: Math.round((Date.now() - started) / 100) / 10 }, 'demo province built');
}

const app = await buildApp({ db: handle.db, config });
const address = await app.listen({ host: config.host, port: config.port });

const logins = config.demo ? await listDemoLogins(handle.db) : [];
const lines = [
  '',
  `HoSo đang chạy tại / HoSo is running at: ${address.replace('127.0.0.1', 'localhost')}`,
  `Tài liệu API / API document: ${address}/api/openapi.json`,
];
if (logins.length > 0) {
  lines.push('', `Tài khoản thử nghiệm (mật khẩu mặc định ${DEMO_PASSWORD}, phải đổi ở lần đăng nhập đầu):`);
  lines.push(`Demo accounts (default password ${DEMO_PASSWORD}, to be changed at first sign-in):`);
  for (const login of logins) lines.push(`  ${login.roleLabel.padEnd(28)} ${login.email}${login.passwordChanged ? '  (đã đổi mật khẩu / password already changed)' : ''}`);
}
console.log(lines.join('\n'));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  await app.close();
  await sql`select 1`.execute(handle.db).catch(() => {});
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
