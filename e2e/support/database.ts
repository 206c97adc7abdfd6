import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../server/db/database.ts';
import type { Database } from '../../server/db/schema.ts';
import type { E2eEnvironment } from './environment.ts';

const STOP_TIMEOUT_MS = 30_000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the server and waits until it has released the data folder. PGlite allows one process
 * per folder, so the embedded database can be read only after the server is gone.
 */
async function stopServerForDataDir(environment: E2eEnvironment, dataDir: string): Promise<void> {
  if (isRunning(environment.serverPid)) process.kill(environment.serverPid, 'SIGTERM');
  const lockPath = join(dataDir, 'hoso.lock');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (existsSync(lockPath) && isRunning(environment.serverPid)) {
    if (Date.now() > deadline)
      throw new Error(
        `The server (pid ${environment.serverPid}) still holds ${lockPath} after ${STOP_TIMEOUT_MS / 1000} s.`,
      );
    await new Promise((done) => setTimeout(done, 200));
  }
}

/**
 * Runs `read` on the server's own database. On PostgreSQL the server keeps running; on PGlite it
 * is stopped first, so call this last in a run.
 */
export async function readServerDatabase<T>(
  environment: E2eEnvironment,
  read: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!environment.databaseUrl) {
    if (!environment.dataDir)
      throw new Error('The e2e environment names neither a data folder nor a database URL.');
    await stopServerForDataDir(environment, environment.dataDir);
  }
  const handle = await openDatabase({
    databaseUrl: environment.databaseUrl,
    dataDir: environment.dataDir,
    poolSize: 2,
  });
  try {
    return await read(handle.db);
  } finally {
    await handle.close();
  }
}
