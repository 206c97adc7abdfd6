import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../server/test/local-slapd.ts';

// A second HoSo server for the sign-in option specs. TOTP_FOR_ADMINS changes every admin sign-in,
// so these specs cannot share the server of the other specs. This one runs from the same client
// build (E2E_WEB_DIST) with its own database and the settings the spec passes.

const root = resolve(import.meta.dirname, '..');
/** The smallest demo province: the generator needs one person per division (932 of them). */
const DEMO_PEOPLE = '1000';
const HEALTH_TIMEOUT_MS = 4 * 60_000;
const STOP_TIMEOUT_MS = 20_000;

export interface OwnServer {
  baseUrl: string;
  stop(): Promise<void>;
}

interface OwnDatabase {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * Creates a fresh database of the kind the e2e run uses: a new database on the same PostgreSQL
 * server when E2E_DATABASE_URL is set, otherwise a new PGlite folder.
 */
async function createOwnDatabase(): Promise<OwnDatabase> {
  const runDatabaseUrl = process.env.E2E_DATABASE_URL;
  if (!runDatabaseUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'hoso-e2e-sign-in-'));
    return {
      env: { DATA_DIR: dataDir },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }

  const name = `hoso_e2e_sign_in_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: runDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(runDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async dispose() {
      const cleanup = new pg.Client({ connectionString: runDatabaseUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

function logTail(logPath: string): string {
  try {
    return readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForHealth(baseUrl: string, server: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(
        `The sign-in options server exited with code ${server.exitCode}. Log tail:\n${logTail(logPath)}`,
      );
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // Not listening yet: the first start migrates and builds the demo province.
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(
    `The sign-in options server did not become healthy at ${baseUrl}. Log tail:\n${logTail(logPath)}`,
  );
}

async function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts HoSo on 127.0.0.1 with the demo province and `settings` (sign-in option variables).
 * PUBLIC_URL is the server's own address, so e-mailed links open this server.
 */
export async function startOwnServer(
  settings: (baseUrl: string) => Promise<Record<string, string>>,
  logPath: string,
): Promise<OwnServer> {
  const webDist = process.env.E2E_WEB_DIST;
  if (!webDist) throw new Error('E2E_WEB_DIST is missing: run the browser tests with `npm run test:e2e`.');

  const database = await createOwnDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DEMO: 'true',
    DEMO_PEOPLE,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    WEB_DIST: webDist,
    ...database.env,
    ...(await settings(baseUrl)),
  };
  if (!database.env.DATABASE_URL) delete env.DATABASE_URL;

  mkdirSync(resolve(logPath, '..'), { recursive: true });
  const log = createWriteStream(logPath);
  const server = spawn(process.execPath, ['server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  try {
    await waitForHealth(baseUrl, server, logPath);
  } catch (error) {
    await stopProcess(server);
    await database.dispose();
    throw error;
  }
  return {
    baseUrl,
    async stop() {
      await stopProcess(server);
      await database.dispose();
    },
  };
}
